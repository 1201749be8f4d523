import { beforeAll, describe, expect, it } from 'vitest';
import { sampleBundle } from '../../tests/support/evidence-bundle';
import { verifyBundle } from '../core/evidence/verify-bundle';
import { formatVerification } from './format-verification';

describe('formatVerification', () => {
  let sample: Awaited<ReturnType<typeof sampleBundle>>;
  beforeAll(async () => {
    sample = await sampleBundle();
  });

  it('says an intact bundle is intact, by which key, and what to compare it with', async () => {
    const text = formatVerification('b.zip', await verifyBundle(sample.zip), false);
    expect(text).toContain('INTACT');
    expect(text).toContain(`${sample.entries.length} chained observations`);
    expect(text).toMatch(/Signed by key ([0-9a-f]{4} ){15}[0-9a-f]{4}/);
    expect(text).toContain('Compare this fingerprint');
    expect(text).toContain('report.json (');
  });

  it('says what the signed manifest says was done with the recorder’s credentials', async () => {
    const verdict = await verifyBundle(sample.zip);
    const manifest = verdict.manifest as NonNullable<typeof verdict.manifest>;
    expect(formatVerification('b.zip', verdict, false)).not.toContain('Credentials:');
    const redacted = formatVerification(
      'b.zip',
      {
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
      },
      false,
    );
    expect(redacted).toContain(
      `Credentials: 2 values replaced by HMAC-SHA-256 marks, under the exporter's key "evidence.zip.redaction-key.json"; the redacted observations are chained anew, and the chain as recorded ended in ${'a'.repeat(64)} after 9 entries.`,
    );
    const included = formatVerification(
      'b.zip',
      {
        ...verdict,
        manifest: { ...manifest, secrets: { scheme: 'jeejio-redaction/1', handling: 'included' } },
      },
      false,
    );
    expect(included).toContain('Credentials: kept in clear');
  });

  it('lists each problem, tagged with what kind of change it is', () => {
    const text = formatVerification(
      'b.zip',
      {
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
      },
      false,
    );
    expect(text.split('\n')).toEqual([
      'Bundle: b.zip',
      'TAMPERED: 2 problems',
      '  - [deleted] In observations.ndjson at line 6, entry 4 is missing (observation c-9).',
      '  - [seal] The zip was changed after it was sealed.',
    ]);
  });
});
