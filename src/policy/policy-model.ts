import type { Purpose, RecipientCategory } from '../classify/purpose';

/** Where a clause sits in the policy text: section label and 1-based line range. */
export interface ClauseLocation {
  section: string;
  lines: { from: number; to: number };
}

export interface PolicyClause extends ClauseLocation {
  /** Stable id, used by rules and reports, e.g. `cookies.declared-purposes`. */
  id: string;
  title: string;
  /** What the clause promises, in our own words. */
  paraphrase: string;
  /** A short phrase of the original wording, for users who need the exact words. */
  quote?: string;
  /** Clauses a browser cannot observe say why; a report still lists them. */
  checkable: boolean;
  notCheckableReason?: string;
}

/** A machine-readable model of one privacy policy. */
export interface PolicyModel {
  id: string;
  /** The version date the policy itself states, ISO yyyy-mm-dd. */
  version: string;
  /** SHA-256 (hex) of the exact text this model was written from. */
  sourceSha256: string;
  sourceFile: string;
  operator: string;
  /** Registrable domains the policy covers: cookies and hosts there are first party. */
  firstPartyDomains: string[];
  /** Cookie purposes the policy declares (§7); any other purpose is undeclared. */
  declaredCookiePurposes: Purpose[];
  /** Third-party kinds the policy allows to receive personal information (§4). */
  allowedRecipients: RecipientCategory[];
  clauses: PolicyClause[];
}

export function clauseById(policy: PolicyModel, id: string): PolicyClause {
  const clause = policy.clauses.find((c) => c.id === id);
  if (!clause) throw new Error(`Policy ${policy.id} has no clause "${id}"`);
  return clause;
}

export function formatClauseLocation(location: ClauseLocation): string {
  const { from, to } = location.lines;
  return from === to ? `${location.section}, line ${from}` : `${location.section}, lines ${from}–${to}`;
}
