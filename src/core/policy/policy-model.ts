import type { PolicyClauseData, PolicyModelData } from './policy-model-schema';

/** A machine-readable model of one privacy policy; see policy-model-schema.ts for its fields. */
export type PolicyModel = PolicyModelData;
export type PolicyClause = PolicyClauseData;

/** Where a clause sits in the policy text: section label and 1-based line range. */
export type ClauseLocation = Pick<PolicyClause, 'section' | 'lines'>;

export function clauseById(policy: PolicyModel, id: string): PolicyClause {
  const clause = policy.clauses.find((c) => c.id === id);
  if (!clause) throw new Error(`Policy ${policy.id} has no clause "${id}"`);
  return clause;
}

export function formatClauseLocation(location: ClauseLocation): string {
  const { from, to } = location.lines;
  return from === to ? `${location.section}, line ${from}` : `${location.section}, lines ${from}–${to}`;
}
