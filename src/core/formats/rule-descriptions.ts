import { clauseById, type PolicyModel } from '../policy/policy-model';
import type { Violation } from '../report/report-types';
import type { Severity } from '../rules/rule';
import { RULE_IMPLEMENTATIONS } from '../rules/rule-registry';
import { englishRuleText } from '../rules/rule-texts';

/** One rule of the policy as the CI formats describe it: JUnit test cases, SARIF rules. */
export interface RuleDescription {
  id: string;
  title: string;
  /** Why it matters, in plain words. */
  explanation: string;
  /** The binding's severity; a single violation may be rated differently. */
  severity: Severity;
  clause: Violation['clause'];
  alsoCites: Violation['alsoCites'];
  /** Its bound is guidance, not the policy: it gives advice, never a violation, so no CI test case. */
  advice?: true;
}

/** Every rule the policy model binds, with the clause it enforces, in the model's order. */
export function describePolicyRules(policy: PolicyModel): RuleDescription[] {
  return policy.rules.map((binding) => {
    const implementation = RULE_IMPLEMENTATIONS[binding.type];
    const { id, section, lines, title, paraphrase } = clauseById(policy, binding.clause);
    return {
      id: binding.id,
      title: englishRuleText(implementation.type, 'title'),
      explanation: englishRuleText(implementation.type, 'explanation'),
      ...(implementation.basis === 'guidance' && { advice: true as const }),
      severity: binding.severity,
      clause: { id, section, lines, title, paraphrase },
      alsoCites: (binding.alsoCites ?? []).map((cited) => {
        const also = clauseById(policy, cited);
        return { id: also.id, section: also.section, lines: also.lines, title: also.title };
      }),
    };
  });
}

/**
 * The rules to list for a report: the policy's, then any rule a violation
 * names that the policy does not (a report built with another model), so no
 * violation is dropped from a format for want of a rule to hang it on.
 */
export function rulesForReport(
  rules: readonly RuleDescription[],
  violations: readonly Violation[],
): RuleDescription[] {
  const all = [...rules];
  const known = new Set(rules.map((r) => r.id));
  for (const v of violations) {
    if (known.has(v.rule)) continue;
    known.add(v.rule);
    all.push({
      id: v.rule,
      title: v.title,
      explanation: v.explanation,
      severity: v.severity,
      clause: v.clause,
      alsoCites: v.alsoCites,
    });
  }
  return all;
}
