import type { CookieClassification } from '../classify/classify-cookie';
import type { Party } from '../classify/party';
import type { CookieObservation } from '../observations/observation';
import type { PolicyModel } from '../policy/policy-model';

export type Severity = 'high' | 'medium' | 'low';

export const SEVERITY_ORDER: readonly Severity[] = ['high', 'medium', 'low'];

/** A cookie observation with what is known about it. */
export interface ClassifiedCookie {
  observation: CookieObservation;
  classification: CookieClassification;
  party: Party;
}

/** One way a cookie breaks a rule, in plain words. */
export interface RuleHit {
  summary: string;
  /** Overrides the rule's default when this case is more or less serious. */
  severity?: Severity;
}

/** A pure check of one cookie against one clause of the policy. */
export interface CookieRule {
  id: string;
  title: string;
  clauseId: string;
  severity: Severity;
  check(cookie: ClassifiedCookie, policy: PolicyModel): RuleHit | null;
}
