import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cookieObservation } from '../../../tests/support/observations';
import { isEvidenceLoss } from '../../core/observations/evidence-loss';
import { FLOOD_LIMITS, FloodBudget } from '../../core/observations/flood-budget';
import type { SessionEnvironment } from '../../core/recording/environment';
import { chainedIds } from '../../core/recording/session-chain';
import { InspectorDatabase } from '../../stores/inspector-database';
import { FloodGate } from '../flood-gate';
import { ObservationWriter } from '../observation-writer';
import { RecordingChainer } from './chain-in-transaction';
import { QuotaRelief } from './quota-relief';
import { Recorder } from './recorder';
import { SessionState } from './session-state';

let counter = 0;
let db: InspectorDatabase;

function setup() {
  db = new InspectorDatabase(`quota-${++counter}`);
  const sessions = new SessionState(db);
  const relief = new QuotaRelief(db, sessions);
  const writer = new ObservationWriter(db, () => {}, {
    step: new RecordingChainer(sessions),
    relieveQuota: () => relief.relieve(),
  });
  const recorder = new Recorder(sessions, writer, async () => ({}) as SessionEnvironment);
  return { writer, recorder, relief, sessions };
}

const DETAILS = { caseName: 'Full disk', auditorName: 'A', notes: '' };

/** A session recording, with one observation stored and chained; errors the writer logs are kept quiet. */
async function recordingWithOneChained() {
  const { writer, recorder, sessions } = setup();
  vi.spyOn(console, 'error').mockImplementation(() => {});
  await recorder.start(DETAILS);
  writer.add([cookieObservation({ id: 'chained' })]);
  await writer.drain();
  return { writer, recorder, sessions };
}

/** The table's method fails while `full()` says so, as IndexedDB fails: an AbortError wrapping the quota error. */
function refuseWhileFull<T extends object>(table: T, method: keyof T & string, full: () => boolean) {
  const original = (table[method] as (...args: unknown[]) => unknown).bind(table);
  return vi.spyOn(table, method as never).mockImplementation(((...args: unknown[]) => {
    if (!full()) return original(...args);
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    return Dexie.Promise.reject(
      Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota }),
    );
  }) as never);
}

/** Storage refuses writes of observations while `full()` says so. */
function fillStorage(full: () => boolean) {
  return refuseWhileFull(db.observations, 'addNew', full);
}

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('storage full while writing', () => {
  it('evicts the oldest observations outside sessions first, keeps session data, and stores the batch', async () => {
    const { writer, recorder } = setup();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    writer.add(
      Array.from({ length: 5 }, (_, i) => cookieObservation({ id: `old-${i}`, observedAt: 100 + i })),
    );
    await writer.drain();
    await recorder.start(DETAILS);
    writer.add([cookieObservation({ id: 'chained-early', observedAt: 1 })]);
    await writer.drain();

    // Full until something was deleted.
    let full = true;
    const store = db.observations;
    const deleteOldest = store.deleteOldest.bind(store);
    vi.spyOn(store, 'deleteOldest').mockImplementation(async (...args) => {
      const deleted = await deleteOldest(...args);
      if (deleted > 0) full = false;
      return deleted;
    });
    fillStorage(() => full);
    writer.add([cookieObservation({ id: 'new', observedAt: 500 })]);
    await writer.drain();

    const ids = (await db.observations.all()).map((o) => o.id).sort();
    // Every old observation outside the session went (the batch holds 2,000); the chained one stayed.
    expect(ids).toEqual(['chained-early', 'new']);
    const session = await recorder.active();
    expect(session).toMatchObject({ status: 'recording', chain: { length: 2 } });
    expect(writer.lastError).toBeNull();
  });

  it('pauses the recording when only session data is left, says so, and keeps the batch to store later', async () => {
    const { writer, recorder } = await recordingWithOneChained();

    let full = true;
    fillStorage(() => full);
    writer.add([cookieObservation({ id: 'waiting' })]);
    await writer.drain();
    const paused = await recorder.status();
    expect(paused.session).toMatchObject({ status: 'paused', incomplete: true, chained: 1 });
    expect(paused.session?.lastWarning).toContain('Recording paused: Storage is full');
    expect(writer.lastError).toMatch(/QuotaExceededError/);
    expect(await db.observations.get('chained')).toBeDefined();

    // Room again: the kept batch is stored, outside the paused session's chain, which says it is incomplete.
    full = false;
    await vi.waitFor(async () => expect(await db.observations.get('waiting')).toBeDefined(), {
      timeout: 3000,
    });
    expect((await recorder.status()).session).toMatchObject({
      status: 'paused',
      chained: 1,
      incomplete: true,
    });
    expect(await db.chainSegments.count()).toBe(1);
    // Stopped, it stays marked incomplete.
    expect((await recorder.stop()).session).toMatchObject({ status: 'stopped', incomplete: true });
  });

  it('when storage is too full even to note the pause, shows it at once and writes it with the next stored batch', async () => {
    const { writer, recorder, sessions } = await recordingWithOneChained();

    let full = true;
    fillStorage(() => full);
    // The session row and its warnings are refused too, as IndexedDB refuses any write over the quota.
    refuseWhileFull(db.sessions, 'put', () => full);
    refuseWhileFull(db.sessionWarnings, 'add', () => full);

    writer.add([cookieObservation({ id: 'waiting' })]);
    await writer.drain();
    // Not written, yet shown: the popup says the evidence is incomplete from now on.
    expect((await db.sessions.toArray())[0]?.status).toBe('recording');
    expect((await recorder.status()).session).toMatchObject({
      status: 'paused',
      incomplete: true,
      chained: 1,
    });

    // Room again: the batch that is stored writes the pause in its transaction, and is not chained.
    full = false;
    await vi.waitFor(async () => expect(await db.observations.get('waiting')).toBeDefined(), {
      timeout: 3000,
    });
    const [row] = await db.sessions.toArray();
    expect(row).toMatchObject({ status: 'paused', pausedReason: expect.stringContaining('Storage is full') });
    expect((await db.sessionWarnings.toArray()).filter((w) => w.kind === 'recording-paused')).toHaveLength(1);
    expect(await db.chainSegments.count()).toBe(1);
    expect(sessions.unwrittenPause()).toBeUndefined();
  });

  it('reads rows holding session data only once, however often the disk refuses a write', async () => {
    const { writer, recorder, relief } = setup();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await recorder.start(DETAILS);
    for (let i = 0; i < 3; i++) {
      writer.add([cookieObservation({ id: `chained-${i}`, visitId: `v${i}` })]);
      await writer.drain();
    }
    await recorder.stop();
    const bulkGet = vi.spyOn(db.observationBatches, 'bulkGet');
    const rowsRead = () => bulkGet.mock.calls.reduce((sum, [keys]) => sum + keys.length, 0);
    expect(await relief.relieve()).toBe('none');
    expect(rowsRead()).toBe(3);
    expect(await relief.relieve()).toBe('none');
    expect(rowsRead()).toBe(3);

    // A row stored since is read, and what it holds outside sessions can go.
    writer.add([cookieObservation({ id: 'outside' })]);
    await writer.drain();
    expect(await relief.relieve()).toBe('evicted');
    expect(rowsRead()).toBe(4);
    expect((await db.observations.all()).map((o) => o.id).sort()).toEqual([
      'chained-0',
      'chained-1',
      'chained-2',
    ]);
  });
});

describe('a page flooding the worker while storage fills up', () => {
  it('never makes the relief delete what a recorded session chained, and stores only its budget', async () => {
    const { writer, recorder } = setup();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    writer.add(Array.from({ length: 5 }, (_, i) => cookieObservation({ id: `outside-${i}`, observedAt: i })));
    await writer.drain();
    await recorder.start(DETAILS);
    const now = { t: 0 };
    const gate = new FloodGate(new FloodBudget(() => now.t), (o, timing) => writer.add(o, timing));
    gate.pass(Array.from({ length: 10 }, (_, i) => cookieObservation({ id: `session-${i}`, name: `c${i}` })));
    await writer.drain();
    const chainedBefore = chainedIds(await db.chainSegments.toArray());
    expect(chainedBefore.size).toBe(10);

    // The disk has room for 2,500 more rows; what the relief deletes makes room again.
    let room = 2_500;
    const store = db.observations;
    const addNew = store.addNew.bind(store);
    const deleteOldest = store.deleteOldest.bind(store);
    vi.spyOn(store, 'deleteOldest').mockImplementation(async (...args) => {
      const deleted = await deleteOldest(...args);
      room += deleted;
      return deleted;
    });
    vi.spyOn(store, 'addNew').mockImplementation(((batch: Parameters<typeof addNew>[0]) => {
      if (batch.length > room) {
        const quota = Object.assign(new Error('The quota has been exceeded.'), {
          name: 'QuotaExceededError',
        });
        return Dexie.Promise.reject(
          Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota }),
        );
      }
      room -= batch.length;
      return addNew(batch);
    }) as never);

    // 30,000 writes of one cookie over 3 s.
    for (let i = 0; i < 30_000; i += 500) {
      now.t = i / 10;
      gate.pass(
        Array.from({ length: 500 }, (_, j) =>
          cookieObservation({ id: `flood-${i + j}`, name: 'flood', value: String(i + j), action: 'set' }),
        ),
      );
    }
    gate.summarise();
    await writer.drain();

    // Full: the relief deleted what no session holds, then paused the recording rather than touch it.
    expect(await db.observations.get('outside-0')).toBeUndefined();
    expect((await recorder.status()).session).toMatchObject({ status: 'paused', incomplete: true });
    for (const id of chainedBefore) expect(await db.observations.get(id)).toBeDefined();

    // Room again: what the budget admitted is stored, and the rest is one count.
    room = Number.POSITIVE_INFINITY;
    await vi.waitFor(async () => expect(await db.observations.count()).toBeGreaterThan(3_000), {
      timeout: 8_000,
    });
    await writer.drain();
    const all = await db.observations.all();
    for (const id of chainedBefore) expect(all.some((o) => o.id === id)).toBe(true);
    const flood = all.filter((o) => o.id.startsWith('flood-'));
    const [loss, ...more] = all.filter(isEvidenceLoss);
    expect(more).toEqual([]);
    expect(flood.length).toBeLessThanOrEqual(
      1 + FLOOD_LIMITS.perTab.burst + 3 * FLOOD_LIMITS.perTab.perSecond,
    );
    expect(loss).toMatchObject({ cause: 'flood', count: 30_000 - flood.length });
  }, 20_000);
});
