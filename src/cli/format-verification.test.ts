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
