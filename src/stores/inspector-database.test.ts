import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { cookieObservation } from '../../tests/support/observations';
import { INSTALLATION_TABLES, InspectorDatabase, RECORDED_DATA_TABLES } from './inspector-database';

const NAME = 'clear-test';

afterEach(async () => {
  await Dexie.delete(NAME);
});

/** A row in every table, as a recorded session with a warning and a screenshot leaves them. */
async function fillEveryTable(db: InspectorDatabase): Promise<void> {
  await db.observations.addNew([cookieObservation({ id: 'o1', visitId: 'v1' })]);
  await db.visits.add({ visitId: 'v1', tabId: 1, url: 'https://www.jeejio.com/', startedAt: 1 });
  await db.sessions.add({ id: 's1', status: 'stopped', startedAt: 1 } as never);
  await db.chainSegments.add({ sessionId: 's1', firstSeq: 0, entries: [] });
  await db.sessionWarnings.add({ sessionId: 's1', at: 2, kind: 'screenshot-failed', message: 'm' });
  await db.screenshots.add({ id: 'p1', sessionId: 's1', visitId: 'v1', takenAt: 3 } as never);
  await db.signingKeys.add({ id: 'installation', createdAt: 1 } as never);
}

async function rowCounts(db: InspectorDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of db.tables) counts[table.name] = await table.count();
  return counts;
}

describe('deleting all recorded data', () => {
  it('sorts every table of the schema as recorded data or the installation’s own', () => {
    const db = new InspectorDatabase(NAME);
    const sorted = [...RECORDED_DATA_TABLES, ...INSTALLATION_TABLES].sort();
    expect(db.tables.map((t) => t.name).sort()).toEqual(sorted);
  });

  it('leaves no row in any table of recorded data, session warnings included', async () => {
    const db = new InspectorDatabase(NAME);
    await fillEveryTable(db);
    const before = await rowCounts(db);
    for (const table of [...RECORDED_DATA_TABLES, 'signingKeys'])
      expect(before[table], table).toBeGreaterThan(0);

    await db.clearRecordedData();

    const after = await rowCounts(db);
    for (const table of RECORDED_DATA_TABLES) expect(after[table], table).toBe(0);
    // The installation's signing key stays, so bundles signed before and after still share one fingerprint.
    expect(after.signingKeys).toBe(1);
    expect(after.schemaMigrations).toBe(before.schemaMigrations);
    db.close();
  });
});
