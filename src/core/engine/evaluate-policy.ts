import { isEvidence } from '../observations/evidence-loss';
import type {
  EvidenceKind,
  EvidenceObservation,
  NotThisPage,
  Observation,
} from '../observations/observation';
import type { DecodedParameter } from '../payloads/decode-payload';
import { clauseById, type PolicyModel } from '../policy/policy-model';
import type { RuleBinding } from '../policy/policy-model-schema';
import { type ClassifiedObservation, classifyObservation } from '../rules/classified-observation';
import { recognizeCollectorsByCookie } from '../rules/collectors-by-cookie';
import { type RuleImplementation, SEVERITY_ORDER, type Severity } from '../rules/rule';
import { RuleContext, type RuleContextOptions } from '../rules/rule-context';
import { RULE_IMPLEMENTATIONS } from '../rules/rule-registry';
import { englishRuleText } from '../rules/rule-texts';
import type { SdkProbe } from '../rules/sdk-probes';
import { stableId } from '../util/stable-id';
import { inEnglish } from '../wording/phrase';
import { type Corroboration, corroborate, isVerified } from './corroborate';
import { assignFindingIds, leadingReason } from './findings';
import { scoreClauses } from './score-clauses';
import type { ClauseVerdict, Violation } from './verdicts';

/** Decoded payload fields a violation lists; the rest are counted. */
export const MAX_DECODED_PER_VIOLATION = 20;

export interface RuleEvaluation {
  classified: ClassifiedObservation[];
  /** Promises of the policy broken. */
  violations: Violation[];
  /** Findings of rules whose bound is guidance, not the policy: never counted as broken promises. */
  advice: Violation[];
  /** Which page-hook claims the browser confirmed, and the scripts they name. */
  corroboration: Corroboration;
  /** Cookies and storage keys an SDK wrote only to test support: shown as probes, judged by no rule. */
  probes: SdkProbe[];
}

export interface Evaluation extends RuleEvaluation {
  scorecard: ClauseVerdict[];
}

/** Violations and advice, with the policy's scorecard (which only violations move): what a report shows. */
export function evaluatePolicy(
  observations: readonly Observation[],
  policy: PolicyModel,
  options: RuleContextOptions = {},
): Evaluation {
  const evaluation = evaluateRules(observations, policy, options);
  return {
    ...evaluation,
    scorecard: scoreClauses(
      policy,
      evaluation.classified.map((c) => c.observation),
      evaluation.violations,
    ),
  };
}

/**
 * Classifies every observation and runs every rule the policy model binds.
 * Findings of one rule about one subject (a cookie, an endpoint) are one
 * violation, citing all its evidence and every page where it was seen.
 */
export function evaluateRules(
  stored: readonly Observation[],
  policy: PolicyModel,
  options: RuleContextOptions = {},
): RuleEvaluation {
  // What the extension says it dropped is no fact about the page: the report counts it apart.
  const observations: readonly EvidenceObservation[] = stored.filter(isEvidence);
  const corroboration = corroborate(observations);
  const classified = recognizeCollectorsByCookie(
    observations.map((o) => classifyObservation(o, options, o.scriptUrl ?? corroboration.scriptOf.get(o.id))),
  );
  const context = new RuleContext(policy, classified, options);
  // Evidence is gathered in sets while findings stream in: one violation may collect thousands.
  const byKey = new Map<
    string,
    {
      violation: Violation;
      ids: Set<string>;
      /** Pages where the page itself did it, and where it only found it (see NotThisPage). */
      pages: Set<string>;
      foundOn: Set<string>;
      notThisPage: Set<NotThisPage>;
      decoded: Map<string, DecodedParameter>;
      /** Keys of the decoded fields the bound left out, so one seen on every page counts once. */
      decodedDropped: Set<string>;
      primaries: Set<string>;
      advice: boolean;
    }
  >();
  let kindsSeen = 0;
  for (const o of observations) kindsSeen |= KIND_BITS[o.kind];
  for (const { binding, rule, cited, alsoCites, triggerBits } of boundRules(policy)) {
    if ((kindsSeen & triggerBits) === 0) continue;
    for (const finding of rule.evaluate(context)) {
      const first = finding.evidence[0];
      if (!first) continue;
      const key = `${binding.id}\u0000${finding.subject}`;
      const severity = finding.severity ?? binding.severity;
      let entry = byKey.get(key);
      if (!entry) {
        entry = {
          violation: {
            id: violationId(key, binding.id, finding.subject),
            rule: binding.id,
            subject: finding.subject,
            title: englishRuleText(rule.type, 'title'),
            severity,
            clause: cited,
            alsoCites,
            summary: inEnglish(finding.summary),
            summaryPhrase: finding.summary,
            explanation: englishRuleText(rule.type, 'explanation'),
            pageUrl: first.observation.pageUrl,
            pageUrls: [],
            observationIds: [],
            verified: false,
          },
          ids: new Set(),
          pages: new Set(),
          foundOn: new Set(),
          notThisPage: new Set(),
          primaries: new Set(),
          decoded: new Map(),
          decodedDropped: new Set(),
          advice: rule.basis === 'guidance',
        };
        byKey.set(key, entry);
      } else if (rank(severity) < rank(entry.violation.severity)) {
        entry.violation.severity = severity;
        entry.violation.summary = inEnglish(finding.summary);
        entry.violation.summaryPhrase = finding.summary;
      }
      entry.primaries.add(first.observation.id);
      for (const e of finding.evidence) {
        entry.ids.add(e.observation.id);
        const found = notThisPageOf(e.observation);
        if (found) {
          entry.notThisPage.add(found);
          entry.foundOn.add(e.observation.pageUrl);
        } else entry.pages.add(e.observation.pageUrl);
        if (!entry.violation.verified && isVerified(e.observation, corroboration))
          entry.violation.verified = true;
      }
      for (const field of finding.decoded ?? []) {
        // The same field of the same vendor, with the same value, seen on every page: listed once.
        const fieldKey = `${field.vendor}\u0000${field.path}\u0000${field.meaning}\u0000${field.value}`;
        if (entry.decoded.has(fieldKey)) continue;
        if (entry.decoded.size < MAX_DECODED_PER_VIOLATION) entry.decoded.set(fieldKey, field);
        else entry.decodedDropped.add(fieldKey);
      }
    }
  }
  for (const { violation, ids, pages, foundOn, notThisPage, decoded, decodedDropped } of byKey.values()) {
    violation.observationIds = [...ids];
    // Blamed on the pages that did it; only when none did, on those that found it.
    if (pages.size > 0) violation.pageUrls = [...pages];
    else {
      violation.pageUrls = [...foundOn];
      violation.notThisPage = leadingReason(notThisPage);
    }
    violation.pageUrl = violation.pageUrls[0] ?? violation.pageUrl;
    if (decoded.size > 0) violation.decoded = [...decoded.values()];
    if (decodedDropped.size > 0) violation.decodedDropped = decodedDropped.size;
  }
  const bySeverity = (a: Violation, b: Violation) =>
    rank(a.severity) - rank(b.severity) || a.rule.localeCompare(b.rule) || a.id.localeCompare(b.id);
  const entries = [...byKey.values()];
  const violations = entries.filter((e) => !e.advice).map((e) => e.violation);
  const advice = entries.filter((e) => e.advice).map((e) => e.violation);
  const primaries = new Map(entries.map((e) => [e.violation.id, e.primaries]));
  // Advice is grouped apart: a broken promise and a piece of advice about one cookie are not one problem.
  assignFindingIds(violations, primaries);
  assignFindingIds(advice, primaries);
  return {
    classified,
    violations: violations.sort(bySeverity),
    advice: advice.sort(bySeverity),
    corroboration,
    probes: [...context.probes],
  };
}

/**
 * Why the page whose observation this is did not do it (a key found in
 * storage, a cookie another tab wrote meanwhile); undefined when it did.
 */
function notThisPageOf(observation: EvidenceObservation): NotThisPage | undefined {
  return observation.kind === 'storage' || observation.kind === 'cookie'
    ? observation.notThisPage
    : undefined;
}

/** One bit per observation kind, so a rule's triggers are checked with one AND. */
const KIND_BITS: Record<EvidenceKind, number> = {
  cookie: 1,
  storage: 2,
  request: 4,
  beacon: 8,
  fingerprint: 16,
  'policy-text': 32,
};

interface BoundRule {
  triggerBits: number;
  binding: RuleBinding;
  rule: RuleImplementation;
  cited: Violation['clause'];
  alsoCites: Violation['alsoCites'];
}

const boundRulesByPolicy = new WeakMap<PolicyModel, BoundRule[]>();

/** Each binding with its implementation and clauses resolved, once per policy model. */
function boundRules(policy: PolicyModel): BoundRule[] {
  let bound = boundRulesByPolicy.get(policy);
  if (!bound) {
    bound = policy.rules.map((binding) => {
      const c = clauseById(policy, binding.clause);
      const rule = RULE_IMPLEMENTATIONS[binding.type];
      return {
        triggerBits: rule.triggeredBy.reduce((bits, kind) => bits | KIND_BITS[kind], 0),
        binding,
        rule,
        // Shared by every violation of the rule, so frozen.
        cited: Object.freeze({
          id: c.id,
          section: c.section,
          lines: c.lines,
          title: c.title,
          paraphrase: c.paraphrase,
          ...(c.quote ? { quote: c.quote } : {}),
        }),
        alsoCites: Object.freeze(
          (binding.alsoCites ?? []).map((id) => {
            const also = clauseById(policy, id);
            return Object.freeze({
              id: also.id,
              section: also.section,
              lines: also.lines,
              title: also.title,
            });
          }),
        ) as Violation['alsoCites'],
      };
    });
    boundRulesByPolicy.set(policy, bound);
  }
  return bound;
}

const violationIds = new Map<string, string>();
const MAX_CACHED_IDS = 10_000;

/** Violation ids recur on every re-evaluation of a page (each badge update), so recent ones are kept. */
function violationId(key: string, ruleId: string, subject: string): string {
  let id = violationIds.get(key);
  if (id === undefined) {
    id = stableId('v', [ruleId, subject]);
    if (violationIds.size >= MAX_CACHED_IDS) violationIds.clear();
    violationIds.set(key, id);
  }
  return id;
}

function rank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}
