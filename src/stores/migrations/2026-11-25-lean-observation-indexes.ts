import type { Migration } from './migration';

/**
 * Observations keep only the indexes something reads: by visit (summaries,
 * reports, retention) and by time (eviction when storage is full). The tab and
 * kind indexes were never queried, and every index is one more B-tree write
 * per stored observation; without them a stream of observations is stored
 * faster. The rows themselves are untouched.
 */
export const leanObservationIndexes: Migration = {
  version: 3,
  date: '2026-11-25',
  description: 'Observations indexed by visit and time only',
  stores: {
    observations: 'id, visitId, observedAt',
  },
};
