import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cookieObservation } from '../../../tests/support/observations';
import { EMPTY_CHAIN } from '../../core/evidence/hash-chain';
import { chainSegment } from '../../core/recording/session-chain';
import { InspectorDatabase } from '../../stores/inspector-database';
import { deleteExpiredOutsideSessions } from './retention-keeper';

let db: InspectorDatabase;
let counter = 0;

afterEach(async () => {
  await db.delete();
});

describe('retention', () => {
  it('deletes expired observations outside sessions and emptied visits, never session data or open pages', async () => {
    db = new InspectorDatabase(`retention-${++counter}`);
    const old = (id: string, visitId: string) => cookieObservation({ id, visitId, observedAt: 1_000 });
    const expired = Array.from({ length: 6000 }, (_, i) => old(`old-${i}`, 'v-old'));
    const inSession = old('old-chained', 'v-session');
    const open = old('old-open', 'v-open');
    const recent = cookieObservation({ id: 'recent', visitId: 'v-new', observedAt: 50_000 });
    // Stored in two batches, the second mixing expired observations with ones that stay.
    await db.observations.addNew(expired.slice(0, 3000));
    await db.observations.addNew([...expired.slice(3000), inSession, open, recent]);
    await db.visits.bulkAdd(
      ['v-old', 'v-session', 'v-open', 'v-new'].map((visitId, i) => ({
        visitId,
        tabId: i,
        url: `https://www.jeejio.com/${i}`,
        startedAt: visitId === 'v-new' ? 50_000 : 500,
      })),
    );
    await db.chainSegments.add(chainSegment('s', EMPTY_CHAIN, [inSession]).segment);

    const deleted = await deleteExpiredOutsideSessions(db, 10_000, (visitId) => visitId === 'v-open');
    expect(deleted).toBe(6001);
    expect((await db.observations.all()).map((o) => o.id).sort()).toEqual(['old-chained', 'recent']);
    expect(await db.observations.ofVisit('v-new')).toEqual([recent]);
    expect((await db.visits.toCollection().primaryKeys()).sort()).toEqual(['v-new', 'v-open', 'v-session']);
    // Applied again, nothing more goes.
    expect(await deleteExpiredOutsideSessions(db, 10_000)).toBe(0);
  });
});
