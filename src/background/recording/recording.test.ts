import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import Dexie from 'dexie';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLocalTsa } from '../../../tests/support/local-tsa';
import { cookieObservation } from '../../../tests/support/observations';
import { toJsonValue } from '../../core/evidence/canonical-json';
import { sha256HexOfBytes } from '../../core/evidence/digests';
import { redactionMark } from '../../core/evidence/redaction-scheme';
import { readTrustAnchors } from '../../core/evidence/timestamp/trust-anchors';
import { tsaStamper } from '../../core/evidence/timestamp/tsa-stamper';
import { verifyBundle } from '../../core/evidence/verify-bundle';
import { verifyChain } from '../../core/evidence/verify-chain';
import type { SessionEnvironment } from '../../core/recording/environment';
import { exportSessionBundle } from '../../pages/shared/export-session';
import {
  bundleRedactionKey,
  describeInstallationKey,
  installationKeys,
} from '../../pages/shared/installation-key';
import { InspectorDatabase } from '../../stores/inspector-database';
import { ObservationWriter } from '../observation-writer';
import { RecordingChainer } from './chain-in-transaction';
import { Recorder } from './recorder';
import { SessionState } from './session-state';

const ENVIRONMENT: SessionEnvironment = {
  extensionName: 'jeejio-privacy-inspector',
  extensionVersion: '0.1.0',
  browserName: 'Chromium',
  browserVersion: '140.0.1',
  userAgent: 'Mozilla/5.0 Chrome/140.0.1',
  os: 'linux x86-64',
  policyId: 'jeejio-privacy-policy',
  policyVersion: '2023-07',
  policySha256: 'abc',
  ruleSetVersion: '3',
};
const DETAILS = { caseName: 'Case 42', auditorName: 'A. Auditor', notes: 'Login flow' };
const TOOL = { name: 'jeejio-privacy-inspector', version: '0.1.0' };

let counter = 0;
let db: InspectorDatabase;

/** A worker's share of the extension: a writer that chains, and the recorder. A second call is a restarted worker. */
function worker() {
  const sessions = new SessionState(db);
  const writer = new ObservationWriter(db, () => {}, { step: new RecordingChainer(sessions) });
  const recorder = new Recorder(sessions, writer, async () => ENVIRONMENT);
  return { writer, recorder };
}

async function chainOf(sessionId: string) {
  const segments = await db.chainSegments
    .where('[sessionId+firstSeq]')
    .between([sessionId, Dexie.minKey], [sessionId, Dexie.maxKey])
    .toArray();
  return segments.flatMap((s) => s.entries.map((e, i) => ({ ...e, seq: s.firstSeq + i })));
}

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('recording sessions', () => {
  it('chains every observation stored while recording, once, and nothing from before or after', async () => {
    db = new InspectorDatabase(`recording-${++counter}`);
    const { writer, recorder } = worker();
    writer.add([cookieObservation({ id: 'before' })]);
    await writer.drain();

    const started = await recorder.start(DETAILS);
    if (!('status' in started)) throw new Error(started.problems.join());
    const sessionId = started.status.session?.id as string;
    expect(started.status.session).toMatchObject({ caseName: 'Case 42', status: 'recording', chained: 0 });

    // A fact already stored before the start is not stored again, so it does not join.
    writer.add([cookieObservation({ id: 'before' }), cookieObservation({ id: 'a' })]);
    writer.add([cookieObservation({ id: 'b' }), cookieObservation({ id: 'a' })]);
    await writer.drain();
    writer.add([cookieObservation({ id: 'c' })]);
    const stopped = await recorder.stop();
    expect(stopped.session).toMatchObject({ status: 'stopped', chained: 3 });
    writer.add([cookieObservation({ id: 'after' })]);
    await writer.drain();

    const entries = await chainOf(sessionId);
    expect(entries.map((e) => e.observationId)).toEqual(['a', 'b', 'c']);
    const session = await db.sessions.get(sessionId);
    expect(session?.chain).toEqual({ length: 3, head: entries[2]?.hash });
    expect(session?.environment).toEqual(ENVIRONMENT);
  });

  it('continues the chain in a restarted worker, and the exported bundle verifies', async () => {
    db = new InspectorDatabase(`recording-${++counter}`);
    const first = worker();
    await first.recorder.start(DETAILS);
    first.writer.add([cookieObservation({ id: 'one' }), cookieObservation({ id: 'two' })]);
    await first.writer.drain();

    const second = worker();
    second.writer.add([cookieObservation({ id: 'two' }), cookieObservation({ id: 'three' })]);
    await second.writer.drain();
    const status = await second.recorder.status();
    expect(status.session).toMatchObject({ status: 'recording', chained: 3 });
    const sessionId = status.session?.id as string;

    // A running session exports as it stands.
    const bundle = await exportSessionBundle(db, sessionId, { tool: TOOL, engine: {} });
    const verdict = await verifyBundle(bundle.zip);
    expect(verdict.problems).toEqual([]);
    expect(verdict.status).toBe('intact');
    expect(bundle.manifest.chain.length).toBe(3);
    expect(bundle.manifest.environment).toMatchObject({
      caseName: 'Case 42',
      auditorName: 'A. Auditor',
      browserName: 'Chromium',
      recordingStoppedAt: 'still recording at export',
      evidenceComplete: 'yes',
    });
    expect(bundle.manifest.publicKey.fingerprint).toBe((await describeInstallationKey(db)).fingerprint);
    expect(bundle.fileName).toMatch(/^evidence-Case-42-\d{4}-.*\.zip$/);

    const entries = await chainOf(sessionId);
    const observations = await db.observations.byIds(entries.map((e) => e.observationId));
    expect(
      verifyChain(entries.map((e) => ({ ...e, observation: observations.get(e.observationId) }))),
    ).toMatchObject({
      ok: true,
      head: { length: 3 },
    });
  });

  it('exports a session recorded while logged in without its session cookie or token, unless asked to', async () => {
    db = new InspectorDatabase(`recording-${++counter}`);
    const { writer, recorder } = worker();
    await recorder.start(DETAILS);
    const sessionCookie = '9B8A7F6E5D4C3B2A1F0E9D8C7B6A5F4E';
    const loginToken = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln';
    writer.add([
      cookieObservation({ id: 'jsession', name: 'JSESSIONID', value: sessionCookie }),
      cookieObservation({ id: 'token', name: 'token', value: loginToken }),
    ]);
    await writer.drain();
    const sessionId = (await recorder.active())?.id as string;
    const holding = (zip: Uint8Array, value: string) =>
      Object.entries(unzipSync(zip))
        .filter(([, bytes]) => new TextDecoder().decode(bytes).includes(value))
        .map(([name]) => name);

    const now = new Date('2026-11-25T12:00:00Z');
    const bundle = await exportSessionBundle(db, sessionId, { tool: TOOL, engine: {}, now });
    expect(holding(bundle.zip, sessionCookie)).toEqual([]);
    expect(holding(bundle.zip, loginToken)).toEqual([]);
    expect((await verifyBundle(bundle.zip)).status).toBe('intact');
    const session = await db.sessions.get(sessionId);
    expect(bundle.manifest.secrets).toMatchObject({
      handling: 'redacted',
      values: 2,
      recordedChain: session?.chain,
    });
    // The installation derives the bundle's key again from what the manifest names.
    const key = await bundleRedactionKey(db, bundle.manifest.secrets?.keyId as string);
    expect(holding(bundle.zip, redactionMark(key, sessionCookie))).toContain('observations.ndjson');

    const kept = await exportSessionBundle(db, sessionId, {
      tool: TOOL,
      engine: {},
      now,
      includeSecrets: true,
    });
    expect(holding(kept.zip, sessionCookie)).toContain('observations.ndjson');
    expect(holding(kept.zip, loginToken)).toContain('report.json');
    expect(kept.manifest.secrets).toEqual({ scheme: 'jeejio-redaction/1', handling: 'included' });
    expect((await verifyBundle(kept.zip)).status).toBe('intact');
  });

  it('exports a session recorded before chain entries held their texts from the stored observations', async () => {
    db = new InspectorDatabase(`recording-${++counter}`);
    const { writer, recorder } = worker();
    await recorder.start(DETAILS);
    const startedAt = (await recorder.active())?.startedAt as number;
    // One seen long before the start (a stopped worker's journal, stored by the next): found by id.
    writer.add([
      cookieObservation({ id: 'recent', observedAt: startedAt }),
      cookieObservation({ id: 'journaled', observedAt: startedAt - 3_600_000 }),
    ]);
    await writer.drain();
    // A value cut inside a surrogate pair: chained in its JSON form, which such entries kept themselves.
    const cut = cookieObservation({ id: 'cut', value: 'x\uD800', observedAt: startedAt + 5 });
    writer.add([cut]);
    await writer.drain();
    const sessionId = (await recorder.active())?.id as string;
    // As schema 3 left them: entries without their texts, the JSON form kept where it differed.
    await db.chainSegments.toCollection().modify((segment) => {
      segment.entries = segment.entries.map(({ text: _text, ...entry }) =>
        entry.observationId === 'cut' ? { ...entry, observation: toJsonValue(cut) } : entry,
      );
    });

    const bundle = await exportSessionBundle(db, sessionId, { tool: TOOL, engine: {} });
    const verdict = await verifyBundle(bundle.zip);
    expect(verdict.problems).toEqual([]);
    expect(verdict.status).toBe('intact');
    expect(bundle.manifest.chain.length).toBe(3);
  });

  it("stamps the exported bundle's manifest at the TSA it is given, and the stamp verifies against the TSA's certificate", async () => {
    db = new InspectorDatabase(`recording-${++counter}`);
    const { writer, recorder } = worker();
    await recorder.start(DETAILS);
    writer.add([cookieObservation({ id: 'one' })]);
    await recorder.stop();
    const sessionId = (await recorder.status()).session?.id as string;
    const tsa = await startLocalTsa();
    try {
      const url = new URL(await tsa.serve());
      const bundle = await exportSessionBundle(db, sessionId, {
        tool: TOOL,
        engine: {},
        stamp: tsaStamper(url),
      });
      expect(tsa.served()).toBe(1);
      expect(bundle.timestamp).toMatchObject({
        token: { tsaName: expect.stringContaining('Local Test TSA') },
      });
      expect(Object.keys(unzipSync(bundle.zip))).toContain('timestamp.tst');
      const verdict = await verifyBundle(bundle.zip, {
        tsaTrust: readTrustAnchors(await readFile(tsa.caPath)),
      });
      expect(verdict.problems).toEqual([]);
      expect(verdict).toMatchObject({ status: 'intact', timestamp: { trust: 'trusted' } });

      // Without a stamper, nothing is asked of the TSA and the bundle says nothing of a trusted time.
      const unstamped = await exportSessionBundle(db, sessionId, { tool: TOOL, engine: {} });
      expect(unstamped.timestamp).toBeUndefined();
      expect(Object.keys(unzipSync(unstamped.zip))).not.toContain('timestamp.tst');
      expect(tsa.served()).toBe(1);
    } finally {
      await tsa.close();
    }
  });

  it('bundles the session’s screenshots, and refuses one changed since it was taken', async () => {
    db = new InspectorDatabase(`recording-${++counter}`);
    const { writer, recorder } = worker();
    await recorder.start(DETAILS);
    writer.add([cookieObservation({ id: 'one', visitId: 'visit-1' })]);
    await writer.drain();
    const sessionId = (await recorder.active())?.id as string;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const shot = {
      id: 'shot-1',
      sessionId,
      visitId: 'visit-1',
      pageUrl: 'https://www.jeejio.com/',
      takenAt: Date.UTC(2026, 10, 25, 12),
      reason: 'navigation' as const,
      png,
      sha256: await sha256HexOfBytes(png),
    };
    await db.screenshots.add(shot);
    const bundle = await exportSessionBundle(db, sessionId, { tool: TOOL, engine: {} });
    expect(bundle.manifest.files.map((f) => f.path)).toContain(
      'screenshots/0001-2026-11-25T12-00-00-000Z-navigation.png',
    );
    expect((await verifyBundle(bundle.zip)).status).toBe('intact');

    await db.screenshots.put({ ...shot, png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 9, 9]) });
    await expect(exportSessionBundle(db, sessionId, { tool: TOOL, engine: {} })).rejects.toThrow(
      'Screenshots changed since they were taken: 0001-2026-11-25T12-00-00-000Z-navigation.png',
    );
  });

  it('chains in one round trip on a guess, and rolls the guess back when a fact was seen before or another worker wrote', async () => {
    db = new InspectorDatabase(`recording-${++counter}`);
    const first = worker();
    await first.recorder.start(DETAILS);
    first.writer.add([cookieObservation({ id: 'x' })]);
    await first.writer.drain();
    // Stored by another path: the guess that every observation of the next batch is new fails.
    await db.observations.addNew([cookieObservation({ id: 'seen' })]);
    first.writer.add([cookieObservation({ id: 'seen' }), cookieObservation({ id: 'y' })]);
    await first.writer.drain();
    // Another worker extends the chain: the first worker's picture of the head is stale.
    const second = worker();
    second.writer.add([cookieObservation({ id: 'z' })]);
    await second.writer.drain();
    first.writer.add([cookieObservation({ id: 'w' })]);
    await first.writer.drain();
    first.writer.add([cookieObservation({ id: 'v' })]);
    await first.writer.drain();

    const session = await first.recorder.active();
    const entries = await chainOf(session?.id as string);
    expect(entries.map((e) => e.observationId)).toEqual(['x', 'y', 'z', 'w', 'v']);
    const observations = await db.observations.byIds(entries.map((e) => e.observationId));
    expect(
      verifyChain(entries.map((e) => ({ ...e, observation: observations.get(e.observationId) }))),
    ).toMatchObject({
      ok: true,
      head: { length: 5, head: session?.chain.head },
    });
    expect(first.writer.lastError).toBeNull();
  });

  it('stores a batch and its chain entries together or not at all', async () => {
    db = new InspectorDatabase(`recording-${++counter}`);
    const { writer, recorder } = worker();
    await recorder.start(DETAILS);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const failure = Object.assign(new Error('worker stopped'), { name: 'AbortError' });
    vi.spyOn(db.chainSegments, 'add').mockRejectedValueOnce(failure);
    writer.add([cookieObservation({ id: 'x' }), cookieObservation({ id: 'y' })]);
    await writer.drain();
    // The chain could not be written, so neither were the observations.
    expect(await db.observations.count()).toBe(0);
    expect(writer.lastError).toContain('worker stopped');
    // The writer retries; both arrive, each once.
    await vi.waitFor(async () => expect(await db.observations.count()).toBe(2), { timeout: 2000 });
    const session = await recorder.active();
    const entries = await chainOf(session?.id as string);
    expect(entries.map((e) => e.observationId)).toEqual(['x', 'y']);
    expect(session?.chain.length).toBe(2);
  });

  it('refuses a start without a case name or while a session runs', async () => {
    db = new InspectorDatabase(`recording-${++counter}`);
    const { recorder } = worker();
    expect(await recorder.start({ ...DETAILS, caseName: '  ' })).toEqual({
      problems: ['caseName: Enter a case name.'],
    });
    expect(await recorder.start({ ...DETAILS, extra: 1 })).toMatchObject({ problems: [expect.any(String)] });
    expect(await recorder.start(DETAILS)).toHaveProperty('status');
    expect(await recorder.start(DETAILS)).toEqual({
      problems: ['A recording is already running: stop it first.'],
    });
    expect(await db.sessions.count()).toBe(1);
  });

  it('makes one non-extractable installation key, however many ask at once', async () => {
    db = new InspectorDatabase(`recording-${++counter}`);
    const [a, b] = await Promise.all([installationKeys(db), installationKeys(db)]);
    expect(a.privateKey.extractable).toBe(false);
    const again = await installationKeys(db);
    const fingerprints = await Promise.all(
      [a, b, again].map(async (k) => (await crypto.subtle.exportKey('jwk', k.publicKey)).x),
    );
    expect(new Set(fingerprints).size).toBe(1);
    expect(await db.signingKeys.count()).toBe(1);
    const view = await describeInstallationKey(db);
    expect(view.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(view.jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
  });
});
