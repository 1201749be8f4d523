import Dexie, { type Table } from 'dexie';
import type { Observation } from '../core/observations/observation';
import { isQuotaError } from '../core/recording/quota';
import { roughSize } from '../core/util/rough-size';

/**
 * Observations as they are stored: a row per page visit in each batch the
 * writer stored at once. IndexedDB's cost is per row and per index entry, not
 * per byte, so a stream of observations is stored many times faster this way
 * than a row each; and reading a visit reads only its own rows.
 */
export interface ObservationBatch {
  /** Given by IndexedDB, rising in the order batches were stored. */
  seq?: number;
  /** The earliest observation in it: retention and eviction walk batches oldest first. */
  firstObservedAt: number;
  /** The visit its observations belong to (one, as the writer stores them); a visit's rows are found through it. */
  visitIds: string[];
  /** Every observation's id. Unique across batches: a fact is stored once. */
  ids: string[];
  observations: Observation[];
}

/** Dexie's declaration of the table (see the 2026-11-26 migration). */
export const OBSERVATION_BATCHES_SCHEMA = '++seq, firstObservedAt, *visitIds, &*ids';

/**
 * A row holds observations up to about this many characters: request bodies
 * and headers make some observations large, and one value must stay far from
 * what the browser can pass to IndexedDB at once.
 */
export const MAX_ROW_CHARS = 4_000_000;
/** Rows a deletion walk reads at a time: a row holds up to a few thousand observations. */
const ROWS_PER_READ = 8;

function batchOf(observations: readonly Observation[]): ObservationBatch {
  let firstObservedAt = Number.POSITIVE_INFINITY;
  for (const o of observations) firstObservedAt = Math.min(firstObservedAt, o.observedAt);
  return {
    firstObservedAt,
    visitIds: [...new Set(observations.map((o) => o.visitId))],
    ids: observations.map((o) => o.id),
    observations: [...observations],
  };
}

/**
 * The rows a batch is stored as: one per visit, each of at most about
 * MAX_ROW_CHARS, observations in the order given. An id given twice is kept
 * once, at its first sighting (one row's ids must be unique in the index too).
 */
export function rowsOf(observations: readonly Observation[]): ObservationBatch[] {
  const byVisit = new Map<string, Observation[]>();
  const seen = new Set<string>();
  for (const o of observations) {
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    const group = byVisit.get(o.visitId);
    if (group) group.push(o);
    else byVisit.set(o.visitId, [o]);
  }
  const rows: ObservationBatch[] = [];
  for (const group of byVisit.values()) {
    let start = 0;
    let size = 0;
    for (let i = 0; i < group.length; i++) {
      const next = roughSize(group[i]);
      if (i > start && size + next > MAX_ROW_CHARS) {
        rows.push(batchOf(group.slice(start, i)));
        start = i;
        size = 0;
      }
      size += next;
    }
    rows.push(batchOf(group.slice(start)));
  }
  return rows;
}

/** Which rows a deletion walk looks at. */
export interface DeletionWalk {
  /** Only rows whose earliest observation is before this. */
  before?: number;
  /** Rows known to hold nothing to delete: their values are not read. */
  skip?: ReadonlySet<number>;
  /** Told of each row read whose pick named nothing. */
  onNothingPicked?: (seq: number) => void;
}

/**
 * Which observations of one stored row to delete, given the row's and how
 * many the walk has deleted so far; 'stop' ends the walk before this row.
 */
export type DeletionPick = (
  observations: readonly Observation[],
  deletedSoFar: number,
) => ReadonlySet<string> | 'stop';

/**
 * Every read and write of stored observations, over the batch table. Callers
 * see observations; only this module knows they are kept in batches.
 */
export class ObservationStore {
  constructor(readonly table: Table<ObservationBatch, number>) {}

  /**
   * Stores the observations not stored before, a row per visit (more when
   * they are large), and returns them. Runs in the caller's transaction when
   * there is one.
   */
  async addNew(observations: readonly Observation[]): Promise<Observation[]> {
    // All rows at once: the writer's transaction waits for one round trip, not one per visit.
    return (await Promise.all(rowsOf(observations).map((row) => this.addRow(row)))).flat();
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
   * Given `mostObservedWithin`, the rows whose earliest observation falls in it
   * are read whole first, in one request: looking ids up in the index costs a
   * round trip each, seconds for a long recording.
   */
  async byIds(
    ids: readonly string[],
    mostObservedWithin?: { from: number; to: number },
  ): Promise<Map<string, Observation>> {
    const wanted = new Set(ids);
    const found = new Map<string, Observation>();
    const take = (batches: readonly (ObservationBatch | undefined)[]) => {
      for (const batch of batches)
        for (const o of batch?.observations ?? []) if (wanted.has(o.id)) found.set(o.id, o);
    };
    if (mostObservedWithin)
      take(
        await this.table
          .where('firstObservedAt')
          .between(mostObservedWithin.from, mostObservedWithin.to, true, true)
          .toArray(),
      );
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
   * Walks the rows oldest first (by their earliest observation), those before
   * `before` when given, and deletes the observations `pick` names. Rows are
   * read a few at a time; a row with something to delete is read again and
   * written in a transaction of its own, so that a row changed meanwhile (by
   * another walk, or cleared) is never written back as it was first read.
   * Returns how many were deleted. A row only thinned out is written again,
   * which a full disk refuses: such a row is left whole and the walk goes on,
   * since deleting a later row whole still frees room.
   */
  async deleteOldest(
    pick: DeletionPick,
    { before = Number.POSITIVE_INFINITY, skip, onNothingPicked }: DeletionWalk = {},
  ): Promise<number> {
    const seqs = (await this.table.where('firstObservedAt').below(before).primaryKeys()).filter(
      (seq) => !skip?.has(seq),
    );
    let deleted = 0;
    for (let start = 0; start < seqs.length; start += ROWS_PER_READ) {
      for (const batch of await this.table.bulkGet(seqs.slice(start, start + ROWS_PER_READ))) {
        if (!batch || batch.seq === undefined) continue;
        const chosen = pick(batch.observations, deleted);
        if (chosen === 'stop') return deleted;
        if (chosen.size === 0) onNothingPicked?.(batch.seq);
        else deleted += await this.deleteFromRow(batch.seq, chosen);
      }
    }
    return deleted;
  }

  /** Deletes these observations from the row as it is now; how many went (0 when the disk refused). */
  private async deleteFromRow(seq: number, chosen: ReadonlySet<string>): Promise<number> {
    try {
      return await this.table.db.transaction('rw', this.table, async () => {
        const batch = await this.table.get(seq);
        if (!batch) return 0;
        const kept = batch.observations.filter((o) => !chosen.has(o.id));
        if (kept.length === batch.observations.length) return 0;
        if (kept.length === 0) await this.table.delete(seq);
        else await this.table.put({ ...batchOf(kept), seq });
        return batch.observations.length - kept.length;
      });
    } catch (error) {
      // Refused as the request is made or as the transaction commits.
      if (!isQuotaError(error)) throw error;
      return 0;
    }
  }
}
