import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { cookieObservation } from '../../tests/support/observations';
import type { Observation } from '../core/observations/observation';
import { InspectorDatabase, type InstallationSigningKey } from './inspector-database';

const NAME = 'migration-test';

afterEach(async () => {
  await Dexie.delete(NAME);
});

/** A database as version 1 of the extension left it, opened with version 1's own schema. */
async function populateVersion1(observations: number, observedAt = (i: number) => 1_000 + i) {
  const v1 = new Dexie(NAME);
  v1.version(1).stores({
    observations: 'id, visitId, tabId, observedAt, kind',
    visits: 'visitId, tabId, startedAt',
  });
  const rows = Array.from({ length: observations }, (_, i) =>
    cookieObservation({ id: `o${i}`, visitId: `v${i % 3}`, observedAt: observedAt(i) }),
  );
  const visits = [0, 1, 2].map((i) => ({
    visitId: `v${i}`,
    tabId: i,
    url: `https://www.jeejio.com/${i}`,
    startedAt: 500 + i,
  }));
  await v1.table('observations').bulkAdd(rows);
  await v1.table('visits').bulkAdd(visits);
  v1.close();
  return { rows, visits };
}

describe('database migrations', () => {
  it('upgrades a populated version 1 database keeping every row, with the new tables and indexes working', async () => {
    // More than one batch's worth, so the move spans batches.
    const { rows, visits } = await populateVersion1(2_500);
    const db = new InspectorDatabase(NAME);
    await db.open();
    expect(db.verno).toBe(4);
    expect((await db.observations.all()).sort((a, b) => a.observedAt - b.observedAt)).toEqual(rows);
    expect(await db.observations.count()).toBe(2_500);
    expect(await db.visits.toArray()).toEqual(visits);
    expect((await db.observations.ofVisit('v1')).length).toBe(833);
    // Two pages of 2,000, each a row per visit.
    expect(await db.observationBatches.count()).toBe(6);

    expect(await db.schemaMigrations.toArray()).toEqual([
      expect.objectContaining({ version: 2, date: '2026-11-25', appliedAt: expect.any(Number) }),
      expect.objectContaining({ version: 3, description: 'Observations indexed by visit and time only' }),
      expect.objectContaining({
        version: 4,
        date: '2026-11-26',
        description: 'Observations stored a batch per row',
      }),
    ]);
    // The row-per-observation table is gone; the moved rows still count as stored.
    expect(db.tables.map((t) => t.name)).not.toContain('observations');
    expect(await db.observations.addNew([rows[7] as Observation])).toEqual([]);
    const entry = (observationId: string) => ({ observationId, prevHash: '0', hash: '1' });
    await db.chainSegments.bulkAdd([
      { sessionId: 's', firstSeq: 2, entries: [entry('o2')] },
      { sessionId: 's', firstSeq: 0, entries: [entry('o0'), entry('o1')] },
      { sessionId: 't', firstSeq: 0, entries: [entry('o7')] },
    ]);
    const chain = await db.chainSegments
      .where('[sessionId+firstSeq]')
      .between(['s', Dexie.minKey], ['s', Dexie.maxKey])
      .toArray();
    expect(chain.map((s) => s.firstSeq)).toEqual([0, 2]);
    await expect(db.chainSegments.add({ sessionId: 's', firstSeq: 0, entries: [] })).rejects.toThrow();
    await db.screenshots.add({
      id: 'shot',
      sessionId: 's',
      visitId: 'v1',
      pageUrl: 'https://www.jeejio.com/1',
      takenAt: 5,
      reason: 'navigation',
      png: new Uint8Array([137, 80, 78, 71]),
      sha256: 'x',
    });
    expect(await db.screenshots.where('sessionId').equals('s').count()).toBe(1);
    db.close();
  });

  it('moves every row exactly once when many share a time across pages', async () => {
    const { rows } = await populateVersion1(4_100, (i) => 1_000 + Math.floor(i / 1_500));
    const db = new InspectorDatabase(NAME);
    await db.open();
    const moved = await db.observations.all();
    expect(moved).toHaveLength(4_100);
    expect(new Set(moved.map((o) => o.id)).size).toBe(4_100);
    expect(await db.observations.count()).toBe(rows.length);
    db.close();
  });

  it('opens a fresh database at the latest version and stores a non-extractable key that still signs', async () => {
    const db = new InspectorDatabase(NAME);
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ]);
    await db.signingKeys.put({ id: 'installation', keys, createdAt: 1 });
    const stored = (await db.signingKeys.get('installation')) as InstallationSigningKey | undefined;
    expect(stored?.keys.privateKey.extractable).toBe(false);
    const data = new TextEncoder().encode('evidence');
    const signature = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      stored?.keys.privateKey as CryptoKey,
      data,
    );
    expect(
      await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, keys.publicKey, signature, data),
    ).toBe(true);
    db.close();
  });
});
