import { browser } from 'wxt/browser';
import {
  parseRetention,
  parseRetentionDays,
  type RetentionResult,
  type RetentionSetting,
  retentionCutoff,
  retentionDue,
} from '../../core/recording/retention';
import { chainedIds } from '../../core/recording/session-chain';
import type { InspectorDatabase } from '../../stores/inspector-database';

const STORAGE_KEY = 'retention';

/**
 * Deletes observations older than the retention setting unless a recorded
 * session holds them, and the page visits left with nothing. Applied when the
 * worker starts (at most twice a day: an MV3 worker starts many times a day,
 * so no alarm is needed) and whenever the setting changes.
 */
export class RetentionKeeper {
  constructor(
    private readonly db: InspectorDatabase,
    /** Visits of pages still open are kept: what they do next is filed under them. */
    private readonly isOpen: (visitId: string) => boolean,
  ) {}

  async setting(): Promise<RetentionSetting> {
    const { setting, problem } = parseRetention((await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY]);
    if (problem) console.warn('[inspector] Unusable retention setting, keeping 30 days:', problem);
    return setting;
  }

  async set(rawDays: unknown): Promise<RetentionResult> {
    const parsed = parseRetentionDays(rawDays);
    if ('problem' in parsed) return parsed;
    return { days: parsed.days, deleted: await this.apply(parsed.days) };
  }

  async applyIfDue(): Promise<void> {
    const setting = await this.setting();
    if (retentionDue(setting, Date.now())) await this.apply(setting.days);
  }

  private async apply(days: number): Promise<number> {
    const now = Date.now();
    const deleted = await deleteExpiredOutsideSessions(this.db, retentionCutoff(now, days), this.isOpen);
    await browser.storage.local.set({
      [STORAGE_KEY]: { days, lastAppliedAt: now } satisfies RetentionSetting,
    });
    return deleted;
  }
}

/** Deletes observations seen before `cutoff` that no session's chain holds; returns how many. */
export async function deleteExpiredOutsideSessions(
  db: InspectorDatabase,
  cutoff: number,
  isOpen: (visitId: string) => boolean = () => false,
): Promise<number> {
  // Retention runs twice a day at most: reading every session's ids is affordable then.
  const chained = chainedIds(await db.chainSegments.toArray());
  const deleted = await db.observations.deleteOldest(
    (observations) =>
      new Set(observations.filter((o) => o.observedAt < cutoff && !chained.has(o.id)).map((o) => o.id)),
    { before: cutoff },
  );
  const oldVisits = await db.visits.where('startedAt').below(cutoff).primaryKeys();
  const empty: string[] = [];
  for (const visitId of oldVisits) {
    if (isOpen(visitId)) continue;
    if (!(await db.observations.hasAnyOfVisit(visitId))) empty.push(visitId);
  }
  await db.visits.bulkDelete(empty);
  return deleted;
}
