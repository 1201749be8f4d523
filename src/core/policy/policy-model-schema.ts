import * as v from 'valibot';
import { PURPOSES } from '../classify/purpose';
import { PERSONAL_DATA_TYPES } from '../personal-data/find-personal-data';

/**
 * The schema a policy model file must follow. Valibot validates without
 * generating code at run time, which an extension's content security policy
 * forbids; policy-model.schema.json is generated from this for other tools.
 */

const MAX_TEXT = 2000;
const text = (max = MAX_TEXT) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9.-]{0,79}$/), v.description('lower-case id'));

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export const RECIPIENT_CATEGORIES = ['certification', 'affiliate', 'push-notification', 'payment'] as const;
export const BEACON_DATA = [
  'page-address',
  'referrer',
  'time-on-page',
  'browsing-environment',
  'display-settings',
] as const;
export const EVIDENCE_KINDS = [
  'cookie',
  'storage',
  'request',
  'beacon',
  'fingerprint',
  'policy-text',
] as const;

/** Every rule type the engine implements; a model naming any other is refused. */
export const RULE_TYPES = [
  'undeclared-purpose',
  'storage-undeclared-purpose',
  'sensitive-in-clear',
  'login-cookie-insecure',
  'plain-http',
  'third-party-recipient',
  'third-party-disclosure',
  'identifiable-statistics',
  'beacon-over-collection',
  'identifier-respawned',
  'retention-too-long',
  'policy-drift',
  'fingerprinting',
  'undeclared-hit-purpose',
] as const;

const ClauseSchema = v.object({
  id,
  section: text(20),
  lines: v.object({
    from: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
    to: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
  }),
  title: text(200),
  paraphrase: text(),
  quote: v.optional(text(200)),
  checkable: v.boolean(),
  notCheckableReason: v.optional(text(500)),
  evidenceKinds: v.optional(v.array(v.picklist(EVIDENCE_KINDS))),
  documentFinding: v.optional(text(500)),
});

const RuleBindingSchema = v.object({
  id,
  type: v.picklist(RULE_TYPES, (issue) => `Unknown rule type ${JSON.stringify(issue.input)}`),
  clause: id,
  /** Further clauses a violation of this rule also breaks (definitions it relies on). */
  alsoCites: v.optional(v.pipe(v.array(id), v.maxLength(10))),
  severity: v.picklist(SEVERITIES),
});

export const PolicyModelSchema = v.object({
  modelVersion: v.literal(1),
  id,
  version: v.pipe(v.string(), v.isoDate()),
  sourceSha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  sourceFile: text(200),
  /** policyLineHash of each line of the source text ('' for empty lines), to detect a changed live policy. */
  sourceLineHashes: v.optional(
    v.pipe(v.array(v.pipe(v.string(), v.regex(/^(?:[0-9a-f]{16})?$/))), v.maxLength(10_000)),
  ),
  operator: text(200),
  firstPartyDomains: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^[a-z0-9.-]{1,253}$/))),
    v.minLength(1),
    v.maxLength(50),
  ),
  declaredCookiePurposes: v.array(v.picklist(PURPOSES)),
  allowedRecipients: v.array(v.picklist(RECIPIENT_CATEGORIES)),
  sensitiveData: v.array(v.picklist(PERSONAL_DATA_TYPES)),
  declaredBeaconData: v.array(v.picklist(BEACON_DATA)),
  /** Regular expressions for storage keys the policy declares (search history); checked for safety on load. */
  declaredLocalStorageKeys: v.pipe(v.array(text(200)), v.maxLength(20)),
  /** Advisory bounds on cookie lifetime per purpose, in days. */
  retentionDays: v.record(
    v.picklist(PURPOSES),
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(36_500)),
  ),
  rules: v.pipe(v.array(RuleBindingSchema), v.maxLength(100)),
  clauses: v.pipe(v.array(ClauseSchema), v.minLength(1), v.maxLength(500)),
});

export type PolicyModelData = v.InferOutput<typeof PolicyModelSchema>;
export type PolicyClauseData = v.InferOutput<typeof ClauseSchema>;
export type RuleBinding = v.InferOutput<typeof RuleBindingSchema>;
export type RuleType = (typeof RULE_TYPES)[number];
