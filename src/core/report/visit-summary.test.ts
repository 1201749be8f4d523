import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES } from '../../../tests/support/golden-cases';
import { evaluateRules } from '../engine/evaluate-policy';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { SUMMARY_VIOLATIONS, summarizeVisit } from './visit-summary';

describe('summarizeVisit', () => {
  it('counts every violation by severity and keeps the most severe first screen', () => {
    const observations = GOLDEN_CASES.flatMap((c) => c.observations);
    const { violations } = evaluateRules(observations, policy);
    const summary = summarizeVisit(
      { visitId: 'v', url: 'https://www.jeejio.com/' },
      observations.length,
      violations,
      1,
    );
    expect(summary.violations).toBe(violations.length);
    expect(summary.bySeverity.high + summary.bySeverity.medium + summary.bySeverity.low).toBe(
      violations.length,
    );
    expect(summary.first).toHaveLength(Math.min(SUMMARY_VIOLATIONS, violations.length));
    expect(summary.first[0]?.severity).toBe('high');
  });
});
