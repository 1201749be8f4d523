import { readFile } from 'node:fs/promises';
import type * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BundleFiles,
  readJson,
  rezip,
  sampleBundle,
  sampleLog,
  unzipBundle,
  writeJson,
} from '../../../tests/support/evidence-bundle';
import { type LocalTsa, startLocalTsa } from '../../../tests/support/local-tsa';
import { MANIFEST_SIGNATURE_FILE, TIMESTAMP_FILE } from './bundle-layout';
import { LEGACY_MANIFEST_FORMAT, type Manifest, signedPart } from './manifest';
import { signCanonical } from './signing';
import { timestampRequest } from './timestamp/timestamp-request';
import { tokenOfResponse } from './timestamp/timestamp-response';
import { readTrustAnchors } from './timestamp/trust-anchors';
import { verifyBundle } from './verify-bundle';
import { verifyExitCode } from './verify-exit-code';
import { sealZip } from './zip-seal';

describe('a bundle stamped by a time-stamping authority', () => {
  let tsa: LocalTsa;
  let other: LocalTsa;
  let trust: pkijs.Certificate[];
  const stampWith = (authority: LocalTsa) => async (bytes: Uint8Array<ArrayBuffer>) => {
    const request = await timestampRequest(bytes);
    const answer = tokenOfResponse(await authority.reply(request.der), request);
    if ('error' in answer) throw new Error(answer.error);
    return answer.token;
  };

  beforeAll(async () => {
    [tsa, other] = await Promise.all([startLocalTsa(), startLocalTsa('Another TSA')]);
    trust = readTrustAnchors(await readFile(tsa.caPath));
  }, 30_000);
  afterAll(async () => {
    await Promise.all([tsa.close(), other.close()]);
  });

  it('carries the token; verify reports the trusted time beside the recorded ones, and exit 0 needs both checks', async () => {
    const sample = await sampleBundle(undefined, { stamp: stampWith(tsa), created: new Date() });
    expect(sample.timestamp).toMatchObject({ token: { tsaName: 'CN=Local Test TSA' } });
    expect(Object.keys(unzipBundle(sample.zip)).slice(-3)).toEqual([
      'manifest.json',
      MANIFEST_SIGNATURE_FILE,
      TIMESTAMP_FILE,
    ]);
    const fingerprint = sample.manifest.publicKey.fingerprint;
    const trusted = await verifyBundle(sample.zip, { expectedFingerprint: fingerprint, tsaTrust: trust });
    expect(trusted.status).toBe('intact');
    expect(trusted.timestamp).toMatchObject({ trust: 'trusted', tsa: 'CN=Local Test TSA', accuracyMs: 1000 });
    expect(Date.parse(trusted.timestamp?.latestRecorded?.time ?? '')).toBeLessThanOrEqual(
      Date.parse(trusted.timestamp?.time ?? '') + 2000,
    );
    expect(verifyExitCode(trusted)).toBe(0);
    // The token's signature is still checked without a trust list, but who issued it is not: exit 3.
    const unchecked = await verifyBundle(sample.zip, { expectedFingerprint: fingerprint });
    expect(unchecked).toMatchObject({ status: 'intact', timestamp: { trust: 'not-checked' } });
    expect(verifyExitCode(unchecked)).toBe(3);
    // Another TSA's root does not vouch for this token.
    const foreign = await verifyBundle(sample.zip, {
      expectedFingerprint: fingerprint,
      tsaTrust: readTrustAnchors(await readFile(other.caPath)),
    });
    expect(foreign.status).toBe('tampered');
    expect(foreign.problems).toEqual([
      expect.objectContaining({ kind: 'timestamp', message: expect.stringContaining('not vouched for') }),
    ]);
    expect(verifyExitCode(foreign)).toBe(1);
  });

  it('a token for another digest, sealed as the exporter would, exits 1 naming the imprint', async () => {
    const wrong = stampWith(tsa);
    const sample = await sampleBundle(undefined, {
      stamp: (bytes) => wrong(new Uint8Array([...bytes, 0x20])),
      created: new Date(),
    });
    const verdict = await verifyBundle(sample.zip, {
      expectedFingerprint: sample.manifest.publicKey.fingerprint,
      tsaTrust: trust,
    });
    expect(verdict.status).toBe('tampered');
    expect(verdict.problems).toEqual([
      expect.objectContaining({
        kind: 'timestamp',
        message: expect.stringMatching(/not this manifest's digest/),
      }),
    ]);
    expect(verifyExitCode(verdict)).toBe(1);
  });

  it('an altered token exits 1, even re-sealed with the signing key', async () => {
    const sample = await sampleBundle(undefined, { stamp: stampWith(tsa), created: new Date() });
    const files = unzipBundle(sample.zip);
    const token = (files[TIMESTAMP_FILE] as Uint8Array<ArrayBuffer>).slice();
    token[token.length - 3] = (token[token.length - 3] ?? 0) ^ 0xff;
    files[TIMESTAMP_FILE] = token;
    const verdict = await verifyBundle(await sealZip(rezip(files), sample.keys.privateKey), {
      tsaTrust: trust,
    });
    expect(verdict.status).toBe('tampered');
    expect(verdict.problems.map((p) => p.kind)).toEqual(['timestamp']);
  });

  it('flags a bundle whose recorded times are after the trusted time', async () => {
    const sample = await sampleBundle(undefined, {
      stamp: stampWith(tsa),
      created: new Date(Date.now() + 3600_000),
    });
    const verdict = await verifyBundle(sample.zip, { tsaTrust: trust });
    expect(verdict.status).toBe('tampered');
    expect(verdict.problems).toEqual([
      expect.objectContaining({
        kind: 'clock',
        message: expect.stringMatching(/manifest.json "created" is dated .* after the TSA.s/),
      }),
    ]);
  });

  it('flags an observation dated after the trusted time, though the manifest is dated before it', async () => {
    const last = sampleLog.observations.at(-1);
    if (!last) throw new Error('the sample log has observations');
    const late = { ...last, id: 'seen-later', observedAt: Date.now() + 3600_000 };
    const sample = await sampleBundle(undefined, {
      stamp: stampWith(tsa),
      created: new Date(),
      observations: [...sampleLog.observations, late],
    });
    const verdict = await verifyBundle(sample.zip, { tsaTrust: trust });
    expect(verdict.status).toBe('tampered');
    expect(verdict.problems).toEqual([
      expect.objectContaining({
        kind: 'clock',
        message: expect.stringMatching(/observation seen-later "observedAt" is dated .* after the TSA.s/),
      }),
    ]);
  });

  it('a stamp that fails leaves the bundle whole and unstamped, and says why', async () => {
    const sample = await sampleBundle(undefined, {
      stamp: async () => {
        throw new Error('the TSA at http://127.0.0.1:9/ did not answer');
      },
    });
    expect(sample.timestamp).toEqual({ error: 'the TSA at http://127.0.0.1:9/ did not answer' });
    expect(Object.keys(unzipBundle(sample.zip))).not.toContain(TIMESTAMP_FILE);
    const verdict = await verifyBundle(sample.zip, { tsaTrust: trust });
    expect(verdict).toMatchObject({ status: 'intact', timestamp: { trust: 'missing' } });
    expect(verifyExitCode(verdict)).toBe(3);
  });

  it('manifest.sig: required, and checked over the manifest bytes', async () => {
    const sample = await sampleBundle();
    const files = unzipBundle(sample.zip);
    const without: BundleFiles = { ...files };
    delete without[MANIFEST_SIGNATURE_FILE];
    const missing = await verifyBundle(await sealZip(rezip(without), sample.keys.privateKey));
    expect(missing.problems).toEqual([
      expect.objectContaining({ kind: 'file-missing', file: MANIFEST_SIGNATURE_FILE }),
    ]);
    const other = await sampleBundle(sample.keys);
    const swapped = {
      ...files,
      [MANIFEST_SIGNATURE_FILE]: unzipBundle(other.zip)[MANIFEST_SIGNATURE_FILE] as Uint8Array<ArrayBuffer>,
    };
    const verdict = await verifyBundle(await sealZip(rezip(swapped), sample.keys.privateKey));
    expect(verdict.problems).toEqual([
      expect.objectContaining({ kind: 'signature', file: MANIFEST_SIGNATURE_FILE }),
    ]);
  });

  it('a bundle of the format before manifest.sig still verifies', async () => {
    const sample = await sampleBundle();
    const files = unzipBundle(sample.zip);
    delete files[MANIFEST_SIGNATURE_FILE];
    const manifest = readJson<Manifest>(files, 'manifest.json');
    manifest.format = LEGACY_MANIFEST_FORMAT;
    manifest.signature.value = await signCanonical(sample.keys.privateKey, signedPart(manifest));
    writeJson(files, 'manifest.json', manifest);
    const verdict = await verifyBundle(await sealZip(rezip(files), sample.keys.privateKey));
    expect(verdict).toMatchObject({ status: 'intact', problems: [] });
  });
});
