import { describe, expect, it } from 'vitest';
import { policyTextObservation } from '../../../tests/support/observations';
import { evaluatePolicy } from '../engine/evaluate-policy';
import { JEEJIO_POLICY_2023_07 } from '../policy/jeejio-policy-2023-07';
import type { PolicyModel } from '../policy/policy-model';
import { policyLineHashes } from '../policy/policy-text';
import { formatLineRanges } from './policy-drift';

const MODELLED = [
  'Updated: July 17, 2023',
  '',
  '1. We collect what we need.',
  'a. We never sell data.',
  'Contact us.',
];
const policy: PolicyModel = {
  ...JEEJIO_POLICY_2023_07,
  sourceLineHashes: policyLineHashes(MODELLED.join('\n')),
};

function drift(pageText: string) {
  return evaluatePolicy([policyTextObservation(pageText)], policy).violations.filter(
    (v) => v.rule === 'policy-drift',
  );
}

describe('policy-drift (§10 lines 101-102)', () => {
  it('keeps quiet when the live page holds every modelled line, whatever its spacing, case and numbering', () => {
    expect(
      drift(
        'Privacy Policy\nUPDATED:   July 17, 2023\n\n2) We collect what we need.\n- We never sell data.\nContact us.\nFooter',
      ),
    ).toEqual([]);
  });

  it('names the modelled lines the live page lacks', () => {
    const [violation] = drift(
      'Updated: July 17, 2023\nWe collect what we need.\nWe may sell data.\nContact us.',
    );
    expect(violation?.summary).toContain('lacks 1 of the 4 lines');
    expect(violation?.summary).toContain('(lines 4)');
    expect(violation?.severity).toBe('medium');
  });

  it('is severe when most of the policy changed', () => {
    expect(drift('An entirely new policy.')[0]?.severity).toBe('high');
  });

  it('formats line ranges', () => {
    expect(formatLineRanges([1, 2, 3, 7, 9, 10])).toBe('1–3, 7, 9–10');
    expect(formatLineRanges([5])).toBe('5');
  });
});
