import { decideOnQuota, EVICTION_BATCH, pickEvictions } from '../../core/recording/quota';
import { chainedIds } from '../../core/recording/session-chain';
import type { InspectorDatabase } from '../../stores/inspector-database';
import type { SessionState } from './session-state';

export type Relief = 'evicted' | 'paused' | 'none';

/** Makes room when storage is full, as `decideOnQuota` says: see src/core/recording/quota.ts. */
export class QuotaRelief {
  /** Rows found to hold session data only: they stay so (sessions go only with everything else). */
  private readonly sessionOnly = new Set<number>();

  constructor(
    private readonly db: InspectorDatabase,
    private readonly sessions: SessionState,
  ) {}

  async relieve(): Promise<Relief> {
    const evicted = await this.evictOldestOutsideSessions(EVICTION_BATCH);
    const session = await this.sessions.active();
    switch (decideOnQuota({ evictable: evicted, recording: session?.status === 'recording' })) {
      case 'evict':
        console.warn(`[inspector] Storage full: deleted the ${evicted} oldest observations outside sessions`);
        return 'evicted';
      case 'pause-recording':
        await this.sessions.pause('Storage is full and nothing outside recorded sessions is left to delete.');
        return 'paused';
      case 'wait':
        return 'none';
    }
  }

  /**
   * Deletes up to `max` observations no session holds, oldest first; returns
   * how many. Rows found holding session data only are not read again by
   * later walks, one per refused write while the disk stays full.
   */
  private async evictOldestOutsideSessions(max: number): Promise<number> {
    const inSession = chainedIds(await this.db.chainSegments.toArray());
    return this.db.observations.deleteOldest(pickEvictions(inSession, max), {
      skip: this.sessionOnly,
      onNothingPicked: (seq) => this.sessionOnly.add(seq),
    });
  }
}
