import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cookieObservation } from '../test-support/observations';
import { InspectorDatabase } from './inspector-database';
import { ObservationWriter } from './observation-writer';

let db: InspectorDatabase;
let counter = 0;

function setup() {
  db = new InspectorDatabase(`writer-test-${++counter}`);
  const stored: string[] = [];
  const writer = new ObservationWriter(db, (batch) => stored.push(...batch.map((o) => o.id)));
  return { writer, stored };
}

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('ObservationWriter', () => {
  it('stores each fact once, keeping the first sighting', async () => {
    const { writer, stored } = setup();
    writer.add([cookieObservation({ id: 'a', observedAt: 1 }), cookieObservation({ id: 'b' })]);
    writer.add([cookieObservation({ id: 'a', observedAt: 2 })]);
    await writer.drain();
    writer.add([cookieObservation({ id: 'a', observedAt: 3 })]);
    await writer.drain();
    expect(await db.observations.count()).toBe(2);
    expect((await db.observations.get('a'))?.observedAt).toBe(1);
    expect(stored.sort()).toEqual(['a', 'b']);
  });

  it('keeps a batch the database refused, says so, and stores it when the database recovers', async () => {
    const { writer } = setup();
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const bulkAdd = vi.spyOn(db.observations, 'bulkAdd').mockRejectedValueOnce(quota);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    writer.add([cookieObservation({ id: 'kept' })]);
    await writer.drain();
    expect(writer.lastError).toMatch(/Could not store 1 observations: .*quota/i);
    expect(await db.observations.count()).toBe(0);

    bulkAdd.mockRestore();
    await vi.waitFor(async () => expect(await db.observations.count()).toBe(1), { timeout: 2000 });
    expect(writer.lastError).toBeNull();
  });

  it('writes large bursts in bounded batches without losing any', async () => {
    const { writer } = setup();
    writer.add(Array.from({ length: 2_000 }, (_, i) => cookieObservation({ id: `o${i}` })));
    await writer.drain();
    expect(await db.observations.count()).toBe(2_000);
  });

  it('says when what was added is stored, and not before, even while the database refuses it', async () => {
    const { writer } = setup();
    await writer.add([cookieObservation({ id: 'first' })]);
    expect(await db.observations.get('first')).toBeDefined();

    const broken = Object.assign(new Error('disk I/O'), { name: 'UnknownError' });
    const bulkAdd = vi.spyOn(db.observations, 'bulkAdd').mockRejectedValueOnce(broken);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let settled = false;
    const storing = writer.add([cookieObservation({ id: 'late' })]).then(() => {
      settled = true;
    });
    await writer.drain();
    expect(settled).toBe(false);
    bulkAdd.mockRestore();
    await storing;
    expect(await db.observations.get('late')).toBeDefined();
    // A fact already stored, or already waiting, is not waited on twice.
    await writer.add([cookieObservation({ id: 'first' }), cookieObservation({ id: 'late' })]);
  });
});
