import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cookieObservation } from '../../tests/support/observations';
import { pickEvictions } from '../core/recording/quota';
import { InspectorDatabase } from './inspector-database';
import { MAX_ROW_CHARS, rowsOf } from './observation-store';

let db: InspectorDatabase;
let counter = 0;

function open() {
  db = new InspectorDatabase(`observation-store-${++counter}`);
  return db.observations;
}

const seen = (id: string, visitId: string, observedAt: number) =>
  cookieObservation({ id, visitId, observedAt });

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('ObservationStore', () => {
  it('stores a fact once across batches, keeping the first sighting', async () => {
    const store = open();
    expect(await store.addNew([seen('a', 'v1', 1), seen('b', 'v1', 2)])).toHaveLength(2);
    const again = await store.addNew([seen('b', 'v1', 9), seen('c', 'v2', 3)]);
    expect(again.map((o) => o.id)).toEqual(['c']);
    expect(await store.addNew([seen('a', 'v1', 10)])).toEqual([]);
    expect(await store.count()).toBe(3);
    expect((await store.get('b'))?.observedAt).toBe(2);
  });

  it('a refused duplicate does not undo the rest of the transaction it ran in', async () => {
    const store = open();
    await store.addNew([seen('a', 'v1', 1)]);
    await db.transaction('rw', [db.observationBatches, db.visits], async () => {
      await store.addNew([seen('a', 'v1', 5), seen('d', 'v1', 6)]);
      await db.visits.add({ visitId: 'v1', tabId: 1, url: 'https://www.jeejio.com/', startedAt: 0 });
    });
    expect((await store.all()).map((o) => o.id)).toEqual(['a', 'd']);
    expect(await db.visits.count()).toBe(1);
  });

  it("stores each visit of a batch in a row of its own, and reads a visit's observations in the order stored", async () => {
    const store = open();
    await store.addNew([seen('a', 'v1', 1), seen('b', 'v2', 2)]);
    await store.addNew([seen('c', 'v2', 3)]);
    await store.addNew([seen('d', 'v1', 4), seen('e', 'v3', 5)]);
    expect((await db.observationBatches.toArray()).map((b) => b.visitIds)).toEqual([
      ['v1'],
      ['v2'],
      ['v2'],
      ['v1'],
      ['v3'],
    ]);
    expect((await store.ofVisit('v1')).map((o) => o.id)).toEqual(['a', 'd']);
    expect((await store.ofVisit('v2')).map((o) => o.id)).toEqual(['b', 'c']);
    expect(await store.ofVisit('v9')).toEqual([]);
    expect([...(await store.byIds(['e', 'a', 'missing'])).keys()].sort()).toEqual(['a', 'e']);
  });

  it('stores an id given twice in one call once, at its first sighting', async () => {
    const store = open();
    const stored = await store.addNew([seen('a', 'v1', 1), seen('b', 'v1', 2), seen('a', 'v1', 3)]);
    expect(stored.map((o) => [o.id, o.observedAt])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(await store.count()).toBe(2);
    expect((await store.all()).map((o) => o.id)).toEqual(['a', 'b']);
  });

  it('finds by id both inside and outside the window read whole', async () => {
    const store = open();
    await store.addNew([seen('early', 'v1', 1)]);
    await store.addNew([seen('in-1', 'v1', 100), seen('in-2', 'v2', 150)]);
    await store.addNew([seen('late', 'v1', 900)]);
    const found = await store.byIds(['early', 'in-1', 'in-2', 'late', 'missing'], { from: 90, to: 200 });
    expect([...found.keys()].sort()).toEqual(['early', 'in-1', 'in-2', 'late']);
  });

  it('deletes what is picked from the oldest rows, rewriting those it only thins out', async () => {
    const store = open();
    await store.addNew([seen('old-1', 'v1', 1), seen('new', 'v1', 50)]);
    await store.addNew([seen('old-2', 'v2', 2)]);
    await store.addNew([seen('newest', 'v3', 60)]);

    const looked: string[] = [];
    const deleted = await store.deleteOldest(
      (observations) => {
        looked.push(...observations.map((o) => o.id));
        return new Set(observations.filter((o) => o.observedAt < 10).map((o) => o.id));
      },
      { before: 10 },
    );
    expect(deleted).toBe(2);
    // Rows whose earliest observation is not before the cutoff are not read.
    expect(looked).toEqual(['old-1', 'new', 'old-2']);
    expect((await store.all()).map((o) => o.id)).toEqual(['new', 'newest']);
    expect(await store.hasAnyOfVisit('v2')).toBe(false);
    expect(await store.hasAnyOfVisit('v1')).toBe(true);
    // The thinned row now starts at its remaining observation.
    expect((await db.observationBatches.toArray()).map((b) => b.firstObservedAt)).toEqual([50, 60]);
    expect(await store.count()).toBe(2);
  });

  it('stops deleting when told to, counting only what was deleted', async () => {
    const store = open();
    await store.addNew([seen('a', 'v1', 1), seen('b', 'v1', 2), seen('c', 'v1', 3)]);
    await store.addNew([seen('d', 'v1', 4)]);
    const sofar: number[] = [];
    const deleted = await store.deleteOldest((observations, deletedSoFar) => {
      sofar.push(deletedSoFar);
      if (deletedSoFar >= 2) return 'stop';
      return new Set(observations.slice(0, 2).map((o) => o.id));
    });
    expect(deleted).toBe(2);
    expect(sofar).toEqual([0, 2]);
    expect((await store.all()).map((o) => o.id)).toEqual(['c', 'd']);
  });

  it('never writes back a row cleared while the walk was under way', async () => {
    const store = open();
    await store.addNew([seen('a', 'v1', 1), seen('b', 'v1', 2)]);
    await store.addNew([seen('c', 'v2', 3), seen('d', 'v2', 4)]);
    let clearing: Promise<void> | undefined;
    const deleted = await store.deleteOldest((observations) => {
      // Clearing all data starts meanwhile, in a transaction of its own.
      clearing ??= Dexie.ignoreTransaction(() => store.clear());
      return new Set(observations.filter((o) => o.id === 'a' || o.id === 'c').map((o) => o.id));
    });
    await clearing;
    expect(await store.all()).toEqual([]);
    expect(deleted).toBeLessThanOrEqual(1);
  });
});

describe('rowsOf', () => {
  it('keeps small observations of a visit in one row and splits large ones across rows, in order', () => {
    const small = Array.from({ length: 2000 }, (_, i) => seen(`s${i}`, 'v1', i));
    expect(rowsOf(small)).toHaveLength(1);
    const body = 'x'.repeat(MAX_ROW_CHARS / 3);
    const large = Array.from({ length: 6 }, (_, i) => ({ ...seen(`l${i}`, 'v1', i), value: body }));
    const rows = rowsOf(large);
    expect(rows.length).toBe(3);
    expect(rows.flatMap((r) => r.ids)).toEqual(large.map((o) => o.id));
    expect(rows[1]).toMatchObject({ visitIds: ['v1'], firstObservedAt: 2 });
    // One observation larger than the limit still gets a row of its own.
    expect(rowsOf([{ ...seen('huge', 'v1', 1), value: 'x'.repeat(MAX_ROW_CHARS * 2) }])).toHaveLength(1);
  });
});

describe('deleting when the disk is full', () => {
  const quota = () =>
    Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

  it('leaves a row it could only thin out whole, and still deletes whole rows after it, up to the limit', async () => {
    const store = open();
    await store.addNew([
      seen('in-session', 'v1', 1),
      ...Array.from({ length: 3 }, (_, i) => seen(`m${i}`, 'v1', 2)),
    ]);
    await store.addNew([seen('w1', 'v2', 3), seen('w2', 'v2', 4)]);
    await store.addNew([seen('w3', 'v3', 5), seen('w4', 'v3', 6)]);
    vi.spyOn(store.table, 'put').mockRejectedValue(quota());
    // The first row, mixed, could only be thinned out: what its pick named does not count.
    const deleted = await store.deleteOldest(pickEvictions(new Set(['in-session']), 4));
    expect(deleted).toBe(4);
    expect((await store.all()).map((o) => o.id)).toEqual(['in-session', 'm0', 'm1', 'm2']);
  });

  it('treats a transaction refused as it commits like a refused write', async () => {
    const store = open();
    await store.addNew([seen('keep', 'v1', 1), seen('drop', 'v1', 2)]);
    await store.addNew([seen('whole', 'v2', 3)]);
    vi.spyOn(db, 'transaction').mockImplementationOnce((() =>
      Dexie.Promise.reject(
        Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota() }),
      )) as never);
    const deleted = await store.deleteOldest(
      (observations) => new Set(observations.filter((o) => o.id !== 'keep').map((o) => o.id)),
    );
    expect(deleted).toBe(1);
    expect((await store.all()).map((o) => o.id)).toEqual(['keep', 'drop']);
  });

  it('lets other failures through', async () => {
    const store = open();
    await store.addNew([seen('a', 'v1', 1), seen('b', 'v1', 2)]);
    vi.spyOn(store.table, 'put').mockRejectedValue(new Error('disk I/O'));
    await expect(store.deleteOldest((observations) => new Set([observations[0]?.id ?? '']))).rejects.toThrow(
      'disk I/O',
    );
  });
});
