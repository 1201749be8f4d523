import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES } from '../../../tests/support/golden-cases';
import { evaluatePolicy } from '../engine/evaluate-policy';
import { prepareCanaries } from '../personal-data/find-personal-data';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { RULE_IMPLEMENTATIONS } from './rule-registry';

describe('golden table', () => {
  it('has at least 80 cases, with cases that fire and cases that must not for every bound rule', () => {
    expect(GOLDEN_CASES.length).toBeGreaterThanOrEqual(80);
    const fired = new Set(GOLDEN_CASES.flatMap((c) => c.expect));
    for (const rule of policy.rules.filter((r) => r.type !== 'policy-drift'))
      expect(fired).toContain(rule.id);
    expect(GOLDEN_CASES.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(25);
  });

  it.each(GOLDEN_CASES)('$name', ({ observations, expect: expected, canaries }) => {
    const prepared = canaries
      ? prepareCanaries(canaries.map((c, i) => ({ id: `c${i}`, label: `my ${c.kind}`, ...c })))
      : undefined;
    const evaluation = evaluatePolicy(observations, policy, prepared ? { canaries: prepared } : {});
    const findings = [...evaluation.violations, ...evaluation.advice];
    expect(
      findings.map((v) => v.rule).sort(),
      findings.map((v) => `${v.rule}: ${v.summary}`).join('\n'),
    ).toEqual([...expected].sort());
    // A rule whose bound is guidance gives advice, never a violation, and the other way round.
    const advisory = (rule: string) =>
      RULE_IMPLEMENTATIONS[policy.rules.find((r) => r.id === rule)?.type ?? 'policy-drift'].basis ===
      'guidance';
    expect(evaluation.violations.filter((v) => advisory(v.rule))).toEqual([]);
    expect(evaluation.advice.filter((v) => !advisory(v.rule))).toEqual([]);
    for (const v of findings) {
      expect(v.summary.length).toBeGreaterThan(20);
      expect(v.explanation.length).toBeGreaterThan(50);
      expect(v.observationIds.length).toBeGreaterThan(0);
    }
  });
});
