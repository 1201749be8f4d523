import type { PolicyModel } from '../policy/policy-model';
import { phrase } from '../wording/phrase';
import type { ClassifiedCookie, ClassifiedStorage } from './classified-observation';
import { describePersonalData } from './describe';
import type { RuleFinding, RuleImplementation } from './rule';
import type { RuleContext } from './rule-context';

/** §6 line 89 (encryption), with §1/§2 defining what is personal and sensitive. */
export const sensitiveInClear: RuleImplementation = {
  type: 'sensitive-in-clear',
  triggeredBy: ['cookie', 'storage'],
  evaluate(context) {
    const findings: RuleFinding[] = [];
    const sensitive = sensitiveTypes(context.policy);
    for (const items of [context.cookies, context.storage]) {
      for (const item of items) {
        const finding = check(item, context, sensitive);
        if (finding) findings.push(finding);
      }
    }
    return findings;
  },
};

function check(
  item: ClassifiedCookie | ClassifiedStorage,
  context: RuleContext,
  sensitive: ReadonlySet<string>,
): RuleFinding | null {
  const o = item.observation;
  if (o.action === 'removed' || o.action === 'cleared') return null;
  if (o.kind === 'storage' && context.isDeclaredStorageKey(o.key)) return null;
  const found = context.personalData(item).filter((m) => sensitive.has(m.type) || m.type === 'email');
  if (found.length === 0) return null;
  const onlyPersonal = found.every((m) => !sensitive.has(m.type));
  const where =
    o.kind === 'cookie'
      ? phrase('phrase_where_cookie', o.name)
      : phrase('phrase_where_storage', o.area, o.key);
  return {
    evidence: [item],
    subject: o.kind === 'cookie' ? `${o.name}@${o.domain}${o.path}` : `${o.area}:${o.origin}:${o.key}`,
    summary: phrase('summary_sensitive_in_clear', where, describePersonalData(found)),
    severity: onlyPersonal ? 'medium' : 'high',
  };
}

const sensitiveByPolicy = new WeakMap<PolicyModel, ReadonlySet<string>>();

function sensitiveTypes(policy: PolicyModel): ReadonlySet<string> {
  let types = sensitiveByPolicy.get(policy);
  if (!types) {
    types = new Set(policy.sensitiveData);
    sensitiveByPolicy.set(policy, types);
  }
  return types;
}
