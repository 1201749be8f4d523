import type { Observation } from '../../core/observations/observation';
import { OBSERVATION_BATCHES_SCHEMA, rowsOf } from '../observation-store';
import type { Migration } from './migration';

/** Rows moved per batch: the size of a batch the writer stores under load. */
const ROWS_PER_BATCH = 2000;

/**
 * Observations move from a row each to a row per visit of each stored batch
 * (`observationBatches`, see observation-store.ts): IndexedDB's cost is per
 * row and per index entry, and a recording stream of observations outran it.
 * Every existing row moves, oldest first, 2,000 at a time; the old table goes
 * once they have. Chain segments still name observations by id, so recorded
 * sessions are untouched. It all happens in the upgrade's one transaction,
 * which needs free space about the size of the observations: on a disk that
 * full the upgrade fails, the database stays at version 3 with every row, and
 * the popup shows that nothing can be stored until room is made.
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
    // The ids in time order first (keys only), then the rows a page at a time: a large store is never
    // held in memory at once, and no page walks past the ones before it.
    const ids = (await observations.orderBy('observedAt').primaryKeys()) as string[];
    for (let start = 0; start < ids.length; start += ROWS_PER_BATCH) {
      const rows = (await observations.bulkGet(ids.slice(start, start + ROWS_PER_BATCH))) as (
        | Observation
        | undefined
      )[];
      for (const row of rowsOf(rows.filter((r): r is Observation => r !== undefined))) await batches.add(row);
    }
  },
};
