import type { Observation } from '../observations/observation';
import type { PolicyModel } from '../policy/policy-model';
import type { ClauseVerdict, Violation } from './verdicts';

/**
 * The policy's coverage, whole: every clause violated, kept, not observed
 * (nothing seen that it governs) or not checkable from a browser, with why;
 * a clause the policy's own text contradicts is said to be so, apart from
 * what the pages did.
 */
export function scoreClauses(
  policy: PolicyModel,
  observations: readonly Observation[],
  violations: readonly Violation[],
): ClauseVerdict[] {
  const violationsByClause = new Map<string, number>();
  for (const v of violations) {
    for (const id of new Set([v.clause.id, ...v.alsoCites.map((c) => c.id)])) {
      violationsByClause.set(id, (violationsByClause.get(id) ?? 0) + 1);
    }
  }
  const kindsSeen = new Set<string>(observations.map((o) => o.kind));
  return policy.clauses.map((clause) => {
    const base = { clauseId: clause.id, section: clause.section, lines: clause.lines, title: clause.title };
    if (!clause.checkable) {
      return { ...base, status: 'not-checkable', violations: 0, note: clause.notCheckableReason ?? '' };
    }
    if (clause.documentFinding)
      return { ...base, status: 'contradicts-itself', violations: 0, note: clause.documentFinding };
    const count = violationsByClause.get(clause.id) ?? 0;
    if (count > 0) return { ...base, status: 'violated', violations: count };
    const observed = (clause.evidenceKinds ?? []).some((kind) => kindsSeen.has(kind));
    return observed
      ? { ...base, status: 'kept', violations: 0 }
      : { ...base, status: 'not-observed', violations: 0, note: 'Nothing this clause governs was seen.' };
  });
}
