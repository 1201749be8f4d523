import type { EvidenceKind } from '../observations/observation';
import type { DecodedParameter } from '../payloads/decode-payload';
import type { RuleType } from '../policy/policy-model-schema';
import type { Phrase } from '../wording/phrase';
import type { ClassifiedObservation } from './classified-observation';
import type { RuleContext } from './rule-context';

export type Severity = 'high' | 'medium' | 'low';

export const SEVERITY_ORDER: readonly Severity[] = ['high', 'medium', 'low'];

/** One way the observed behaviour breaks a rule. */
export interface RuleFinding {
  /** The evidence; the first observation's page is where the finding was first seen. */
  evidence: ClassifiedObservation[];
  /**
   * What the finding is about (a cookie, a storage key, a request endpoint):
   * findings of one rule about one subject are one violation.
   */
  subject: string;
  /** One line, plain words, in any language the catalogues hold (English in reports). */
  summary: Phrase;
  /** Overrides the binding's severity when this case is more or less serious. */
  severity?: Severity;
  /** The vendor payload fields that show it, decoded: where a reader finds each and what it means. */
  decoded?: DecodedParameter[];
}

/** A rule type's implementation: pure, over everything observed. */
export interface RuleImplementation {
  type: RuleType;
  /** The observation kinds without which the rule cannot find anything; it is skipped when none were seen. */
  triggeredBy: readonly EvidenceKind[];
  /**
   * `guidance` when the bound the rule applies comes from outside the policy (a
   * regulator's recommendation): its findings are advice, reported apart from
   * violations, and never count as a broken promise.
   */
  basis?: 'guidance';
  evaluate(context: RuleContext): RuleFinding[];
}
