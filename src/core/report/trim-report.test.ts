import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES } from '../../../tests/support/golden-cases';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { buildReport } from './build-report';
import { trimReport } from './trim-report';

const report = buildReport({
  tool: { name: 't', version: '0' },
  policy,
  pages: [],
  observations: GOLDEN_CASES.flatMap((c) => c.observations),
  generatedAt: 0,
});

describe('trimReport', () => {
  it('leaves a small report whole', () => {
    expect(trimReport(report, 100_000)).toMatchObject({ observationsOmitted: 0 });
    expect(trimReport(report, 100_000).observations).toHaveLength(report.observations.length);
  });

  it('keeps cited evidence first, says how many were left out, and keeps the true counts', () => {
    const trimmed = trimReport(report, 50);
    expect(trimmed.observations).toHaveLength(50);
    expect(trimmed.observationsOmitted).toBe(report.observations.length - 50);
    expect(trimmed.summary).toEqual(report.summary);
    const cited = new Set([...report.violations, ...(report.advice ?? [])].flatMap((v) => v.observationIds));
    expect(trimmed.observations.every((o) => cited.has(o.id))).toBe(true);
  });
});
