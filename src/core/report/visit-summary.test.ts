import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES } from '../../../tests/support/golden-cases';
import { evaluateRules } from '../engine/evaluate-policy';
import { findingsOf } from '../engine/findings';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { SUMMARY_FINDINGS, summarizeVisit } from './visit-summary';

describe('summarizeVisit', () => {
  it('counts findings by severity and keeps the most severe findings whole for the first screen', () => {
    const observations = GOLDEN_CASES.flatMap((c) => c.observations);
    const { violations } = evaluateRules(observations, policy);
    const findings = findingsOf(violations);
    const summary = summarizeVisit(
      { visitId: 'v', url: 'https://www.jeejio.com/' },
      observations.length,
      violations,
      1,
    );
    expect(summary.violations).toBe(violations.length);
    expect(summary.findings).toBe(findings.length);
    expect(findings.length).toBeLessThan(violations.length);
    const { high, medium, low } = summary.findingsBySeverity;
    expect(high + medium + low).toBe(findings.length);
    // The popup regroups the kept violations: each shown finding must come back whole.
    const shown = findingsOf(summary.first);
    expect(shown).toHaveLength(Math.min(SUMMARY_FINDINGS, findings.length));
    expect(shown.map((f) => f.violationIds)).toEqual(
      findings.slice(0, SUMMARY_FINDINGS).map((f) => f.violationIds),
    );
    expect(shown[0]?.severity).toBe('high');
  });
});
