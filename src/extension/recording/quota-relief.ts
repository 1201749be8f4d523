import { decideOnQuota, EVICTION_BATCH, pickEvictions } from '../../recording/quota';
import { chainedIds } from '../../recording/session-chain';
import type { InspectorDatabase } from '../inspector-database';
import type { Recorder } from './recorder';

export type Relief = 'evicted' | 'paused' | 'none';

/** How many of the oldest observations are looked at per step when searching for ones outside sessions. */
const SCAN_PAGE = 5000;

/** Makes room when storage is full, as `decideOnQuota` says: see src/recording/quota.ts. */
export class QuotaRelief {
  constructor(
    private readonly db: InspectorDatabase,
    private readonly recorder: Recorder,
  ) {}

  async relieve(): Promise<Relief> {
    const evictable = await this.oldestOutsideSessions(EVICTION_BATCH);
    const session = await this.recorder.active();
    switch (decideOnQuota({ evictable: evictable.length, recording: session?.status === 'recording' })) {
      case 'evict':
        await this.db.observations.bulkDelete(evictable);
        console.warn(
          `[inspector] Storage full: deleted the ${evictable.length} oldest observations outside sessions`,
        );
        return 'evicted';
      case 'pause-recording':
        await this.recorder.pause('Storage is full and nothing outside recorded sessions is left to delete.');
        return 'paused';
      case 'wait':
        return 'none';
    }
  }

  private async oldestOutsideSessions(max: number): Promise<string[]> {
    const picked: string[] = [];
    const inSession = chainedIds(await this.db.chainSegments.toArray());
    for (let offset = 0; picked.length < max; offset += SCAN_PAGE) {
      const oldest = await this.db.observations
        .orderBy('observedAt')
        .offset(offset)
        .limit(SCAN_PAGE)
        .primaryKeys();
      if (oldest.length === 0) break;
      picked.push(...pickEvictions(oldest, inSession, max - picked.length));
    }
    return picked;
  }
}
