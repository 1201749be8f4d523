import { decideOnQuota, EVICTION_BATCH, pickEvictions } from '../../recording/quota';
import { chainedIds } from '../../recording/session-chain';
import type { InspectorDatabase } from '../inspector-database';
import type { Recorder } from './recorder';

export type Relief = 'evicted' | 'paused' | 'none';

/** Makes room when storage is full, as `decideOnQuota` says: see src/recording/quota.ts. */
export class QuotaRelief {
  /** Every row stored up to this one holds session data only. */
  private sessionOnlyThrough = 0;

  constructor(
    private readonly db: InspectorDatabase,
    private readonly recorder: Recorder,
  ) {}

  async relieve(): Promise<Relief> {
    const evicted = await this.evictOldestOutsideSessions(EVICTION_BATCH);
    const session = await this.recorder.active();
    switch (decideOnQuota({ evictable: evicted, recording: session?.status === 'recording' })) {
      case 'evict':
        console.warn(`[inspector] Storage full: deleted the ${evicted} oldest observations outside sessions`);
        return 'evicted';
      case 'pause-recording':
        await this.recorder.pause('Storage is full and nothing outside recorded sessions is left to delete.');
        return 'paused';
      case 'wait':
        return 'none';
    }
  }

  /**
   * Deletes up to `max` observations no session holds, oldest first; returns
   * how many. Rows a walk found holding session data only stay so (sessions
   * are deleted only with everything else), so later walks, one per refused
   * write while the disk is full, skip them instead of reading them again.
   */
  private async evictOldestOutsideSessions(max: number): Promise<number> {
    const inSession = chainedIds(await this.db.chainSegments.toArray());
    const newest = await this.db.observations.newestSeq();
    const pick = pickEvictions(inSession, max);
    let pickedAny = false;
    const deleted = await this.db.observations.deleteOldest(
      (observations, deletedSoFar) => {
        const picked = pick(observations, deletedSoFar);
        if (picked !== 'stop' && picked.size > 0) pickedAny = true;
        return picked;
      },
      { skipThroughSeq: this.sessionOnlyThrough },
    );
    if (!pickedAny) this.sessionOnlyThrough = Math.max(this.sessionOnlyThrough, newest);
    return deleted;
  }
}
