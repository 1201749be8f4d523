import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cookieObservation } from '../../tests/support/observations';
import { isEvidenceLoss } from '../core/observations/evidence-loss';
import { InspectorDatabase } from '../stores/inspector-database';
import { ObservationWriter, type WaitingObservations } from './observation-writer';
import { unjournaledLosses } from './unjournaled-losses';

let db: InspectorDatabase;
let counter = 0;

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** Extension storage that is full: every journal write is refused. */
const fullJournal: WaitingObservations = {
  write: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')),
  forget: () => {},
  leftOver: async () => [],
};

describe('a journal that cannot keep observations', () => {
  it('leaves them stored, and a journal-unavailable loss per page saying how many went unprotected', async () => {
    db = new InspectorDatabase(`unjournaled-test-${++counter}`);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const writer: ObservationWriter = new ObservationWriter(db, () => {}, {
      waiting: fullJournal,
      onUnjournaled: (observations) => void writer.add(unjournaledLosses(observations, 5_000)),
    });
    const home = { visitId: 'v-home', tabId: 1, pageUrl: 'https://www.jeejio.com/' };
    const shop = { visitId: 'v-shop', tabId: 2, pageUrl: 'https://iot.jeejio.com/shop' };
    await writer.add([
      cookieObservation({ id: 'a', ...home }),
      cookieObservation({ id: 'b', ...home }),
      cookieObservation({ id: 'c', ...shop }),
    ]);
    await vi.waitFor(async () =>
      expect((await db.observations.all()).filter(isEvidenceLoss)).toHaveLength(2),
    );
    await writer.drain();

    const stored = await db.observations.all();
    expect(
      stored
        .filter((o) => !isEvidenceLoss(o))
        .map((o) => o.id)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    const losses = stored
      .filter(isEvidenceLoss)
      .map((o) => ({ visitId: o.visitId, cause: o.cause, count: o.count }));
    expect(losses.sort((x, y) => x.visitId.localeCompare(y.visitId))).toEqual([
      { visitId: 'v-home', cause: 'journal-unavailable', count: 2 },
      { visitId: 'v-shop', cause: 'journal-unavailable', count: 1 },
    ]);
    // The loss records could not be journaled either; that is not reported again, or it would never end.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await db.observations.all()).filter(isEvidenceLoss)).toHaveLength(2);
    expect(writer.unjournaled).toBe(5);
  });
});
