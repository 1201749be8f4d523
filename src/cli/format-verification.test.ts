import { beforeAll, describe, expect, it } from 'vitest';
import { forge, sampleBundle, unzipBundle } from '../../tests/support/evidence-bundle';
import { exportPublicKey, generateSigningKeys, groupFingerprint } from '../core/evidence/signing';
import { verifyBundle } from '../core/evidence/verify-bundle';
import { formatVerification } from './format-verification';

describe('formatVerification', () => {
  let sample: Awaited<ReturnType<typeof sampleBundle>>;
  beforeAll(async () => {
    sample = await sampleBundle();
  });

  it('says an intact bundle is intact, by which key, and that the key was not checked when no fingerprint was given', async () => {
    const text = formatVerification('b.zip', await verifyBundle(sample.zip));
    const { fingerprint } = await exportPublicKey(sample.keys.publicKey);
    expect(text).toContain('INTACT, SIGNER NOT CHECKED: every file matches');
    expect(text).toContain(`${sample.entries.length} chained observations`);
    expect(text).toContain(`Signed by key ${groupFingerprint(fingerprint)}`);
    expect(text).toContain('NOT CHECKED against a trusted fingerprint: none was given.');
    expect(text).toContain('report.json (');
  });

  it('says what the signed manifest says was done with the recorder’s credentials', async () => {
    const verdict = await verifyBundle(sample.zip);
    const manifest = verdict.manifest as NonNullable<typeof verdict.manifest>;
    expect(formatVerification('b.zip', verdict)).not.toContain('Credentials:');
    const redacted = formatVerification('b.zip', {
      ...verdict,
      manifest: {
        ...manifest,
        secrets: {
          scheme: 'jeejio-redaction/1',
          handling: 'redacted',
          algorithm: 'HMAC-SHA-256',
          values: 2,
          observations: 3,
          keyId: 'evidence.zip.redaction-key.json',
          recordedChain: { length: 9, head: 'a'.repeat(64) },
        },
      },
    });
    expect(redacted).toContain(
      `Credentials: 2 values replaced by HMAC-SHA-256 marks, under the exporter's key "evidence.zip.redaction-key.json"; the redacted observations are chained anew, and the chain as recorded ended in ${'a'.repeat(64)} after 9 entries.`,
    );
    const included = formatVerification('b.zip', {
      ...verdict,
      manifest: { ...manifest, secrets: { scheme: 'jeejio-redaction/1', handling: 'included' } },
    });
    expect(included).toContain('Credentials: kept in clear');
  });

  it('says INTACT alone only for the key whose fingerprint was given', async () => {
    const { fingerprint } = await exportPublicKey(sample.keys.publicKey);
    const text = formatVerification(
      'b.zip',
      await verifyBundle(sample.zip, { expectedFingerprint: fingerprint }),
    );
    expect(text.split('\n')[1]).toMatch(/^INTACT: every file matches/);
    expect(text).toContain('(the fingerprint you gave');
    expect(text).not.toContain('NOT CHECKED');
  });

  it('names the foreign key of a bundle signed by someone else, and says it is not the one given', async () => {
    const foreign = await generateSigningKeys({ extractable: false });
    const forged = await forge(unzipBundle(sample.zip), foreign);
    const { fingerprint } = await exportPublicKey(sample.keys.publicKey);
    const text = formatVerification(
      'b.zip',
      await verifyBundle(forged, { expectedFingerprint: fingerprint }),
    );
    const foreignFingerprint = (await exportPublicKey(foreign.publicKey)).fingerprint;
    // Whole under its own key: a forgery, or a fingerprint mistyped, which the verifier cannot tell apart.
    expect(text).toContain('SIGNED BY ANOTHER KEY: 1 problem');
    expect(text).not.toContain('TAMPERED');
    expect(text).toContain('check it for a typo');
    expect(text).toContain(`Signed by key ${groupFingerprint(foreignFingerprint)}`);
    expect(text).toContain('NOT the fingerprint you gave: someone else signed this bundle.');
  });

  it('lists each problem, tagged with what kind of change it is', () => {
    const text = formatVerification('b.zip', {
      status: 'tampered',
      problems: [
        {
          kind: 'chain',
          change: 'deleted',
          file: 'observations.ndjson',
          index: 4,
          observationId: 'c-9',
          message: 'In observations.ndjson at line 6, entry 4 is missing (observation c-9).',
        },
        { kind: 'seal', message: 'The zip was changed after it was sealed.' },
      ],
    });
    expect(text.split('\n')).toEqual([
      'Bundle: b.zip',
      'TAMPERED: 2 problems',
      '  - [deleted] In observations.ndjson at line 6, entry 4 is missing (observation c-9).',
      '  - [seal] The zip was changed after it was sealed.',
    ]);
  });
  it('puts the trusted time beside the recorder’s latest, and says when the TSA was not checked', async () => {
    const verdict = await verifyBundle(sample.zip, {
      expectedFingerprint: sample.manifest.publicKey.fingerprint,
    });
    const stamp = {
      time: '2026-12-07T10:00:00.000Z',
      accuracyMs: 1000,
      tsa: 'CN=Local Test TSA',
      serial: '02',
      latestRecorded: { time: '2026-12-07T10:00:00.400Z', what: 'manifest.json "created"' },
    };
    const trusted = formatVerification('b.zip', { ...verdict, timestamp: { ...stamp, trust: 'trusted' } });
    expect(trusted).toContain('INTACT: every file matches');
    expect(trusted).toContain(
      'Trusted time: 2026-12-07T10:00:00.000Z (±1 s), stamped by CN=Local Test TSA, token serial 02',
    );
    expect(trusted).toContain(
      'The recorder\'s latest time in the bundle: 2026-12-07T10:00:00.400Z (manifest.json "created"), 0.400 s after the stamp: within its ±1 s accuracy and the 1 s allowed for TSAs that stamp whole seconds.',
    );
    const unchecked = formatVerification('b.zip', {
      ...verdict,
      timestamp: { ...stamp, trust: 'not-checked' },
    });
    expect(unchecked).toContain('INTACT, TIMESTAMP NOT CHECKED: every file');
    expect(unchecked).toContain('the TSA is NOT CHECKED: give its certificate with --tsa-cert');
    expect(formatVerification('b.zip', { ...verdict, timestamp: { trust: 'missing' } })).toContain(
      'Timestamp: NONE. --tsa-cert was given, but the bundle carries no timestamp token',
    );
    const clock = formatVerification('b.zip', {
      ...verdict,
      status: 'tampered',
      problems: [{ kind: 'clock', message: 'The bundle records a time after its trusted timestamp.' }],
      timestamp: { ...stamp, trust: 'trusted' },
    });
    expect(clock).toContain('TIMES CONTRADICT THE TIMESTAMP: 1 problem');
    const untrusted = formatVerification('b.zip', {
      ...verdict,
      status: 'tampered',
      problems: [{ kind: 'timestamp', message: "The TSA's certificate is not vouched for." }],
      timestamp: { ...stamp, trust: 'untrusted' },
    });
    expect(untrusted).toContain('TIMESTAMP NOT TRUSTED: 1 problem');
    expect(formatVerification('b.zip', verdict)).toContain(
      "Timestamp: none. The times in the bundle are the recorder's own word",
    );
  });
});
