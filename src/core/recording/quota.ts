/**
 * What to do when storage is full. Older data outside recorded sessions goes
 * first; session data is never evicted. When nothing is left to evict and a
 * session is recording, recording pauses so the session says its evidence is
 * incomplete instead of silently missing observations; the writer keeps what
 * it could not store in memory and keeps trying.
 */
export type QuotaDecision = 'evict' | 'pause-recording' | 'wait';

export function decideOnQuota(state: { evictable: number; recording: boolean }): QuotaDecision {
  if (state.evictable > 0) return 'evict';
  return state.recording ? 'pause-recording' : 'wait';
}

/** At most this many observations are evicted per full-storage error: room for a few batches. */
export const EVICTION_BATCH = 2000;

/**
 * True for IndexedDB's QuotaExceededError, directly or wrapped: Dexie reports
 * a transaction aborted by it as an AbortError whose `inner` (or `cause`) is
 * the quota error, and a bulk operation as a BulkError listing it.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  return Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1));
}

/**
 * Picks observations for eviction from one stored row of the oldest: those
 * outside every session, as many as are still wanted (`max` in all, counting
 * only what was really deleted); then says to stop walking.
 */
export function pickEvictions(
  inSession: ReadonlySet<string>,
  max: number,
): (observations: readonly { id: string }[], deletedSoFar: number) => ReadonlySet<string> | 'stop' {
  return (observations, deletedSoFar) => {
    if (deletedSoFar >= max) return 'stop';
    const picked = new Set<string>();
    for (const { id } of observations) {
      if (picked.size >= max - deletedSoFar) break;
      if (!inSession.has(id)) picked.add(id);
    }
    return picked;
  };
}
