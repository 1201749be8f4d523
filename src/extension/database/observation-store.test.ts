import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cookieObservation } from '../../test-support/observations';
import { InspectorDatabase } from '../inspector-database';
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

  it("reads a visit's observations from every batch holding some, in the order stored", async () => {
    const store = open();
    await store.addNew([seen('a', 'v1', 1), seen('b', 'v2', 2)]);
    await store.addNew([seen('c', 'v2', 3)]);
    await store.addNew([seen('d', 'v1', 4), seen('e', 'v3', 5)]);
    expect((await store.ofVisit('v1')).map((o) => o.id)).toEqual(['a', 'd']);
    expect((await store.ofVisit('v2')).map((o) => o.id)).toEqual(['b', 'c']);
    expect(await store.ofVisit('v9')).toEqual([]);
    expect([...(await store.byIds(['e', 'a', 'missing'])).keys()].sort()).toEqual(['a', 'e']);
  });

  it('deletes what is picked from the oldest batches, rewriting those it only thins out', async () => {
    const store = open();
    await store.addNew([seen('new', 'v2', 50), seen('old-1', 'v1', 1)]);
    await store.addNew([seen('old-2', 'v1', 2)]);
    await store.addNew([seen('newest', 'v3', 60)]);

    const looked: string[] = [];
    const deleted = await store.deleteOldest((o) => {
      looked.push(o.id);
      return o.observedAt < 10;
    }, 10);
    expect(deleted).toBe(2);
    // Batches whose earliest observation is not before the cutoff are not read.
    expect(looked).toEqual(['new', 'old-1', 'old-2']);
    expect((await store.all()).map((o) => o.id)).toEqual(['new', 'newest']);
    expect(await store.hasAnyOfVisit('v1')).toBe(false);
    expect(await store.hasAnyOfVisit('v2')).toBe(true);
    // The thinned batch now starts at its remaining observation.
    expect((await db.observationBatches.toArray()).map((b) => b.firstObservedAt)).toEqual([50, 60]);
    expect(await store.count()).toBe(2);
  });

  it('stops deleting when told to, leaving the rest as it was', async () => {
    const store = open();
    await store.addNew([seen('a', 'v1', 1), seen('b', 'v1', 2), seen('c', 'v1', 3)]);
    await store.addNew([seen('d', 'v1', 4)]);
    let left = 2;
    const deleted = await store.deleteOldest(() => {
      if (left === 0) return 'stop';
      left -= 1;
      return true;
    });
    expect(deleted).toBe(2);
    expect((await store.all()).map((o) => o.id)).toEqual(['c', 'd']);
  });
});

describe('rowsOf', () => {
  it('keeps small observations in one row and splits large ones across rows, in order', () => {
    const small = Array.from({ length: 2000 }, (_, i) => seen(`s${i}`, 'v1', i));
    expect(rowsOf(small)).toHaveLength(1);
    const body = 'x'.repeat(MAX_ROW_CHARS / 3);
    const large = Array.from({ length: 7 }, (_, i) => ({ ...seen(`l${i}`, `v${i % 2}`, i), value: body }));
    const rows = rowsOf(large);
    expect(rows.length).toBe(4);
    expect(rows.flatMap((r) => r.ids)).toEqual(large.map((o) => o.id));
    expect(rows[0]).toMatchObject({ visitIds: ['v0', 'v1'], firstObservedAt: 0 });
    // One observation larger than the limit still gets a row of its own.
    expect(rowsOf([{ ...seen('huge', 'v1', 1), value: 'x'.repeat(MAX_ROW_CHARS * 2) }])).toHaveLength(1);
  });
});

describe('deleting when the disk is full', () => {
  it('leaves a batch it could only thin out whole, and still deletes whole batches after it', async () => {
    const store = open();
    await store.addNew([seen('mixed-old', 'v1', 1), seen('mixed-kept', 'v1', 2)]);
    await store.addNew([seen('whole-1', 'v2', 3), seen('whole-2', 'v2', 4)]);
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    vi.spyOn(store.table, 'put').mockRejectedValue(quota);
    const deleted = await store.deleteOldest((o) => o.id !== 'mixed-kept');
    expect(deleted).toBe(2);
    expect((await store.all()).map((o) => o.id)).toEqual(['mixed-old', 'mixed-kept']);
  });

  it('lets other failures through', async () => {
    const store = open();
    await store.addNew([seen('a', 'v1', 1), seen('b', 'v1', 2)]);
    vi.spyOn(store.table, 'put').mockRejectedValue(new Error('disk I/O'));
    await expect(store.deleteOldest((o) => o.id === 'a')).rejects.toThrow('disk I/O');
  });
});
