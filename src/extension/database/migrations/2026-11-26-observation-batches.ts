import type { Observation } from '../../../observations/observation';
import { OBSERVATION_BATCHES_SCHEMA, rowsOf } from '../observation-store';
import type { Migration } from './migration';

/** Rows moved per batch: the size of a batch the writer stores under load. */
const ROWS_PER_BATCH = 2000;

/**
 * Observations move from a row each to a row per stored batch
 * (`observationBatches`, see observation-store.ts): IndexedDB's cost is per
 * row and per index entry, and a recording stream of observations outran it.
 * Every existing row moves, oldest first, in batches of up to 2,000; the old table
 * goes once they have. Chain segments still name observations by id, so
 * recorded sessions are untouched.
 */
export const observationBatches: Migration = {
  version: 4,
  date: '2026-11-26',
  description: 'Observations stored a batch per row',
  stores: {
    observationBatches: OBSERVATION_BATCHES_SCHEMA,
    observations: null,
  },
  async upgrade(transaction) {
    const observations = transaction.table('observations');
    const batches = transaction.table('observationBatches');
    // A page at a time, so a large store is never held in memory at once.
    for (let moved = 0; ; moved += ROWS_PER_BATCH) {
      const rows: Observation[] = await observations
        .orderBy('observedAt')
        .offset(moved)
        .limit(ROWS_PER_BATCH)
        .toArray();
      if (rows.length === 0) break;
      for (const row of rowsOf(rows)) await batches.add(row);
    }
  },
};
