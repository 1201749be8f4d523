import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cookieObservation } from '../../tests/support/observations';
import type { Observation } from '../core/observations/observation';
import { InspectorDatabase } from '../stores/inspector-database';
import { ObservationWriter, type WaitingObservations } from './observation-writer';

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

  it('drain waits for what was added before it, not for what keeps arriving while it waits', async () => {
    db = new InspectorDatabase(`writer-test-${++counter}`);
    let rounds = 0;
    const writer: ObservationWriter = new ObservationWriter(db, () => {
      // A page that never stops: every batch stored brings another observation.
      if (rounds < 50) void writer.add([cookieObservation({ id: `later-${++rounds}` })]);
    });
    void writer.add([cookieObservation({ id: 'first' }), cookieObservation({ id: 'second' })]);
    await writer.drain();
    const roundsWhenDrained = rounds;
    expect(await db.observations.get('first')).toBeDefined();
    expect(await db.observations.get('second')).toBeDefined();
    expect(roundsWhenDrained).toBeLessThan(5);
  });

  it('keeps a batch the database refused, says so, and stores it when the database recovers', async () => {
    const { writer } = setup();
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const addNew = vi.spyOn(db.observations, 'addNew').mockRejectedValueOnce(quota);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    writer.add([cookieObservation({ id: 'kept' })]);
    await writer.drain();
    expect(writer.lastError).toMatch(/Could not store 1 observations: .*quota/i);
    expect(await db.observations.count()).toBe(0);
    // Meanwhile a report can still hold it.
    expect(writer.unstored().map((o) => o.id)).toEqual(['kept']);

    addNew.mockRestore();
    await vi.waitFor(async () => expect(await db.observations.count()).toBe(1), { timeout: 2000 });
    expect(writer.lastError).toBeNull();
    expect(writer.unstored()).toEqual([]);
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
    const addNew = vi.spyOn(db.observations, 'addNew').mockRejectedValueOnce(broken);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let settled = false;
    const storing = writer.add([cookieObservation({ id: 'late' })]).then(() => {
      settled = true;
    });
    await writer.drain();
    expect(settled).toBe(false);
    addNew.mockRestore();
    await storing;
    expect(await db.observations.get('late')).toBeDefined();
    // A fact already stored, or already waiting, is not waited on twice.
    await writer.add([cookieObservation({ id: 'first' }), cookieObservation({ id: 'late' })]);
  });

  /** Extension storage, as far as the writer can tell: entries it wrote and has not yet forgotten. */
  function journal(left: Record<string, Observation[]> = {}) {
    const entries = new Map(Object.entries(left));
    const written: string[] = [];
    const waiting: WaitingObservations = {
      write: async (name, observations) => {
        entries.set(name, structuredClone(observations));
        written.push(...observations.map((o) => o.id));
        return name;
      },
      forget: (key) => entries.delete(key),
      leftOver: async () => [...entries].map(([key, entry]) => ({ key, entry })),
    };
    return { entries, written, waiting };
  }

  describe('every observation, whenever written', () => {
    it('is journaled first and leaves the journal once stored', async () => {
      db = new InspectorDatabase(`writer-test-${++counter}`);
      const { entries, written, waiting } = journal();
      const writer = new ObservationWriter(db, () => {}, { waiting });
      await writer.add([cookieObservation({ id: 'claim-1' }), cookieObservation({ id: 'claim-2' })]);
      expect(written).toEqual(['claim-1', 'claim-2']);
      expect(await db.observations.count()).toBe(2);
      await vi.waitFor(() => expect(entries.size).toBe(0));
      expect(writer.unjournaled).toBe(0);
    });

    it('is safe to let go of once journaled, before the database has it', async () => {
      db = new InspectorDatabase(`writer-test-${++counter}`);
      const { written, waiting } = journal();
      const addNew = vi.spyOn(db.observations, 'addNew').mockRejectedValue(new Error('disk I/O'));
      vi.spyOn(console, 'error').mockImplementation(() => {});
      const writer = new ObservationWriter(db, () => {}, { waiting });
      await writer.keep([cookieObservation({ id: 'in-flight' })]);
      expect(written).toEqual(['in-flight']);
      expect(await db.observations.count()).toBe(0);
      addNew.mockRestore();
      await writer.add([cookieObservation({ id: 'in-flight' })]);
      expect(await db.observations.count()).toBe(1);
    });

    it('from paths with their own safety net, is journaled in one write per 25 ms, kept until all of it is stored', async () => {
      db = new InspectorDatabase(`writer-test-${++counter}`);
      const { entries, written, waiting } = journal();
      let loading = true;
      const writer = new ObservationWriter(db, () => {}, { waiting, pageLoading: () => loading });
      const first = writer.keep([cookieObservation({ id: 'change-1' })], 'when-quiet', 'batched');
      const second = writer.keep([cookieObservation({ id: 'change-2' })], 'when-quiet', 'batched');
      expect(entries.size).toBe(0);
      await Promise.all([first, second]);
      // Safe once journaled, together, before the database has either.
      expect(entries.size).toBe(1);
      expect(written).toEqual(['change-1', 'change-2']);
      expect(await db.observations.count()).toBe(0);
      loading = false;
      await writer.drain();
      expect(await db.observations.count()).toBe(2);
      await vi.waitFor(() => expect(entries.size).toBe(0));
    });

    it('the journal cannot keep is still stored, and counted as unprotected', async () => {
      db = new InspectorDatabase(`writer-test-${++counter}`);
      const full = Object.assign(new Error('QUOTA_BYTES quota exceeded'), { name: 'Error' });
      const waiting: WaitingObservations = {
        write: () => Promise.reject(full),
        forget: () => {},
        leftOver: async () => [],
      };
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      const told: string[] = [];
      const writer = new ObservationWriter(db, () => {}, {
        waiting,
        onUnjournaled: (observations) => told.push(...observations.map((o) => o.id)),
      });
      const storedAddNew = db.observations.addNew.bind(db.observations);
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      vi.spyOn(db.observations, 'addNew').mockImplementation(async (batch) => {
        await held;
        return storedAddNew(batch);
      });
      let safe = false;
      const keeping = writer
        .keep([cookieObservation({ id: 'a' }), cookieObservation({ id: 'b' })])
        .then(() => {
          safe = true;
        });
      await vi.waitFor(() => expect(told).toEqual(['a', 'b']));
      // Not journaled, so the sender must hold on until the database has them.
      expect(safe).toBe(false);
      expect(writer.unjournaled).toBe(2);
      release();
      await keeping;
      expect((await db.observations.all()).map((o) => o.id).sort()).toEqual(['a', 'b']);
      // Already stored: nothing more is added, so nothing more is unprotected.
      await writer.add([cookieObservation({ id: 'a' })]);
      expect(writer.unjournaled).toBe(2);
    });
  });

  describe('observations that may wait for a quiet moment', () => {
    it('are journaled at once, stored after the burst, and then leave the journal', async () => {
      db = new InspectorDatabase(`writer-test-${++counter}`);
      const { entries, waiting } = journal();
      const writer = new ObservationWriter(db, () => {}, { waiting });
      const stored = writer.add([cookieObservation({ id: 'burst-1' })], 'when-quiet');
      writer.add([cookieObservation({ id: 'burst-2' })], 'when-quiet');
      expect([...entries.values()].flat().map((o) => o.id)).toEqual(['burst-1', 'burst-2']);
      expect(await db.observations.count()).toBe(0);
      await stored;
      expect(await db.observations.count()).toBe(2);
      await vi.waitFor(() => expect(entries.size).toBe(0));
    });

    it('wait while a page loads and are stored once it has loaded', async () => {
      db = new InspectorDatabase(`writer-test-${++counter}`);
      const { entries, waiting } = journal();
      let loading = true;
      const writer = new ObservationWriter(db, () => {}, { waiting, pageLoading: () => loading });
      const stored = writer.add([cookieObservation({ id: 'during-load' })], 'when-quiet');
      // Safe at once, but the database is left alone for as long as the page loads (well past the usual second).
      expect(entries.size).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1_300));
      expect(await db.observations.count()).toBe(0);
      loading = false;
      await stored;
      expect(await db.observations.count()).toBe(1);
    });

    it('are stored after five seconds even if the page never finishes loading', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      try {
        db = new InspectorDatabase(`writer-test-${++counter}`);
        const { waiting } = journal();
        const writer = new ObservationWriter(db, () => {}, { waiting, pageLoading: () => true });
        let done = false;
        const stored = writer.add([cookieObservation({ id: 'endless-load' })], 'when-quiet').then(() => {
          done = true;
        });
        await vi.advanceTimersByTimeAsync(4_800);
        expect(done).toBe(false);
        await vi.advanceTimersByTimeAsync(400);
        vi.useRealTimers();
        await stored;
        expect(done).toBe(true);
        expect(await db.observations.count()).toBe(1);
      } finally {
        vi.useRealTimers();
      }
    });

    it('left in the journal by a stopped worker are stored by the next, once', async () => {
      db = new InspectorDatabase(`writer-test-${++counter}`);
      await db.observations.addNew([cookieObservation({ id: 'stored-before-the-stop' })]);
      const { entries, written, waiting } = journal({
        'old-worker/1': [
          cookieObservation({ id: 'stored-before-the-stop' }),
          cookieObservation({ id: 'lost' }),
        ],
      });
      const writer = new ObservationWriter(db, () => {}, { waiting });
      await writer.storeLeftOver();
      await writer.drain();
      expect((await db.observations.all()).map((o) => o.id).sort()).toEqual([
        'lost',
        'stored-before-the-stop',
      ]);
      await vi.waitFor(() => expect(entries.size).toBe(0));
      // Already in the journal: not written to it a second time.
      expect(written).toEqual([]);
    });
  });
});
