import Dexie, { type Table } from 'dexie';
import type { Observation } from '../../observations/observation';
import { isQuotaError } from '../../recording/quota';
import { roughSize } from '../../util/rough-size';

/**
 * Observations as they are stored: one row per batch the writer stored at
 * once. IndexedDB's cost is per row and per index entry, not per byte, so a
 * stream of observations is stored many times faster this way than a row each.
 */
export interface ObservationBatch {
  /** Given by IndexedDB, rising in the order batches were stored. */
  seq?: number;
  /** The earliest observation in it: retention and eviction walk batches oldest first. */
  firstObservedAt: number;
  /** Every visit with an observation in it; a visit's observations are found through these. */
  visitIds: string[];
  /** Every observation's id. Unique across batches: a fact is stored once. */
  ids: string[];
  observations: Observation[];
}

/** Dexie's declaration of the table (see the 2026-11-26 migration). */
export const OBSERVATION_BATCHES_SCHEMA = '++seq, firstObservedAt, *visitIds, &*ids';

/** How many batches a walk over old data reads at a time: a batch holds up to a few thousand observations. */
const BATCHES_PER_STEP = 8;
/**
 * A row holds observations up to about this many characters: request bodies
 * and headers make some observations large, and one value must stay far from
 * what the browser can pass to IndexedDB at once.
 */
export const MAX_ROW_CHARS = 4_000_000;

export function batchOf(observations: readonly Observation[]): ObservationBatch {
  let firstObservedAt = Number.POSITIVE_INFINITY;
  for (const o of observations) firstObservedAt = Math.min(firstObservedAt, o.observedAt);
  return {
    firstObservedAt,
    visitIds: [...new Set(observations.map((o) => o.visitId))],
    ids: observations.map((o) => o.id),
    observations: [...observations],
  };
}

/** The observations split into batches of at most about MAX_ROW_CHARS each, in order. */
export function rowsOf(observations: readonly Observation[]): ObservationBatch[] {
  const rows: ObservationBatch[] = [];
  let start = 0;
  let size = 0;
  for (let i = 0; i < observations.length; i++) {
    const next = roughSize(observations[i]);
    if (i > start && size + next > MAX_ROW_CHARS) {
      rows.push(batchOf(observations.slice(start, i)));
      start = i;
      size = 0;
    }
    size += next;
  }
  if (start < observations.length) rows.push(batchOf(observations.slice(start)));
  return rows;
}

/**
 * Every read and write of stored observations, over the batch table. Callers
 * see observations; only this module knows they are kept in batches.
 */
export class ObservationStore {
  constructor(readonly table: Table<ObservationBatch, number>) {}

  /**
   * Stores the observations not stored before, as one batch (more when they
   * are large), and returns them. Runs in the caller's transaction when there
   * is one.
   */
  async addNew(observations: readonly Observation[]): Promise<Observation[]> {
    const stored: Observation[] = [];
    for (const row of rowsOf(observations)) stored.push(...(await this.addRow(row)));
    return stored;
  }

  private async addRow(row: ObservationBatch): Promise<Observation[]> {
    try {
      await this.table.add(row);
      return row.observations;
    } catch (error) {
      // Caught inside the transaction, the refusal does not abort it.
      if (!(error instanceof Dexie.ConstraintError)) throw error;
    }
    const known = new Set((await this.table.where('ids').anyOf(row.ids).keys()) as string[]);
    const fresh = row.observations.filter((o) => !known.has(o.id));
    if (fresh.length > 0) await this.table.add(batchOf(fresh));
    return fresh;
  }

  /** A visit's observations, in the order they were stored. */
  async ofVisit(visitId: string): Promise<Observation[]> {
    const batches = await this.table.where('visitIds').equals(visitId).toArray();
    return batches.flatMap((b) => b.observations.filter((o) => o.visitId === visitId));
  }

  async hasAnyOfVisit(visitId: string): Promise<boolean> {
    return (await this.table.where('visitIds').equals(visitId).count()) > 0;
  }

  /**
   * The stored observations with these ids; ids not stored are left out.
   * Given `mostObservedFrom`, the batches from then on are read whole first,
   * in one request: looking ids up in the index costs a round trip each,
   * seconds for a long recording.
   */
  async byIds(ids: readonly string[], mostObservedFrom?: number): Promise<Map<string, Observation>> {
    const wanted = new Set(ids);
    const found = new Map<string, Observation>();
    const take = (batches: readonly (ObservationBatch | undefined)[]) => {
      for (const batch of batches)
        for (const o of batch?.observations ?? []) if (wanted.has(o.id)) found.set(o.id, o);
    };
    if (mostObservedFrom !== undefined)
      take(await this.table.where('firstObservedAt').aboveOrEqual(mostObservedFrom).toArray());
    const missing = [...wanted].filter((id) => !found.has(id));
    if (missing.length === 0) return found;
    // Keys only: reading values through a multi-entry index loads a batch once per id it holds.
    const seqs = [...new Set(await this.table.where('ids').anyOf(missing).primaryKeys())];
    take(await this.table.bulkGet(seqs));
    return found;
  }

  async get(id: string): Promise<Observation | undefined> {
    return (await this.byIds([id])).get(id);
  }

  async all(): Promise<Observation[]> {
    return (await this.table.orderBy('seq').toArray()).flatMap((b) => b.observations);
  }

  async count(): Promise<number> {
    return this.table.orderBy('ids').count();
  }

  async clear(): Promise<void> {
    await this.table.clear();
  }

  /**
   * Walks the batches oldest first (by their earliest observation), those
   * before `before` when given, and deletes the observations `drop` picks. It
   * stops early when `drop` returns 'stop'. Returns how many were deleted.
   * A batch only thinned out is written again, which a full disk refuses:
   * such a batch is left whole and the walk goes on, since deleting the next
   * batch whole still frees room.
   */
  async deleteOldest(
    drop: (observation: Observation) => boolean | 'stop',
    before = Number.POSITIVE_INFINITY,
  ): Promise<number> {
    const seqs = await this.table.where('firstObservedAt').below(before).primaryKeys();
    let deleted = 0;
    let stopped = false;
    for (let start = 0; start < seqs.length && !stopped; start += BATCHES_PER_STEP) {
      const batches = await this.table.bulkGet(seqs.slice(start, start + BATCHES_PER_STEP));
      for (const batch of batches) {
        if (!batch || stopped) continue;
        const kept: Observation[] = [];
        for (const o of batch.observations) {
          const verdict = stopped ? false : drop(o);
          if (verdict === 'stop') stopped = true;
          if (verdict !== true) kept.push(o);
        }
        const dropped = batch.observations.length - kept.length;
        if (dropped === 0) continue;
        if (kept.length === 0) await this.table.delete(batch.seq as number);
        else {
          try {
            await this.table.put({ ...batchOf(kept), seq: batch.seq });
          } catch (error) {
            if (!isQuotaError(error)) throw error;
            continue;
          }
        }
        deleted += dropped;
      }
    }
    return deleted;
  }
}
