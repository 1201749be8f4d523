import * as v from 'valibot';
import { SEVERITIES } from '../policy/policy-model-schema';
import { CanarySchema, FilterListSchema, MAX_CANARIES, MAX_FILTER_LISTS } from '../settings/user-settings';

/**
 * The schema of inspector.config.json, the file that tells a CI run what to
 * audit and which findings are accepted for now. Every object is strict: a
 * misspelt key is an error, never a setting silently ignored.
 * inspector-config.schema.json is generated from it for editors and other tools.
 */

const text = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));

const httpUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\//, 'must be an http(s) URL, such as https://www.jeejio.com/'),
  v.url('must be an http(s) URL, such as https://www.jeejio.com/'),
);

/**
 * isoDate accepts 2024-02-30; an acceptance must end on a day that exists.
 * Text not shaped like a date is isoDate's to report, once.
 */
export const realCalendarDate = v.check(
  (date: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return true;
    const day = new Date(`${date}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date;
  },
  (issue) => `${JSON.stringify(issue.input)} is not a calendar date`,
);

const isoDay = v.pipe(
  v.string(),
  v.isoDate('must be a date written YYYY-MM-DD'),
  realCalendarDate,
  v.description('The last day (UTC) the acceptance holds; from the next day on the finding fails again.'),
);

const ruleId = v.pipe(
  v.string(),
  v.regex(
    /^[a-z0-9][a-z0-9.-]{0,79}$/,
    'must be a rule id of the policy model, such as cookie-login-insecure',
  ),
);

/** A baseline names what it accepts in exactly one way; two ways would leave it unclear which was meant. */
export const MATCH_KEYS = ['subject', 'violationId', 'page'] as const;

const BaselineEntrySchema = v.strictObject({
  rule: ruleId,
  subject: v.optional(
    v.pipe(
      text(2000),
      v.description('What the violation is about, as report.json names it: "IDE@.doubleclick.net/".'),
    ),
  ),
  violationId: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^v-[0-9a-z]{1,40}$/, 'must be a violation id from report.json, such as v-1a2b3c'),
    ),
  ),
  page: v.optional(
    v.pipe(httpUrl, v.description('Accepts the rule on this page: violations seen only on this page.')),
  ),
  reason: text(1000),
  owner: text(200),
  expires: isoDay,
});

export const exactlyOneMatch = v.check(
  (entry: v.InferOutput<typeof BaselineEntrySchema>) =>
    MATCH_KEYS.filter((key) => entry[key] !== undefined).length === 1,
  'give exactly one of subject, violationId or page',
);

export const BaselineSchema = v.pipe(BaselineEntrySchema, exactlyOneMatch);

export const FAIL_ON = SEVERITIES;

export const InspectorConfigSchema = v.strictObject({
  /** Lets editors find the JSON Schema; not used otherwise. */
  $schema: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  hosts: v.optional(
    v.pipe(
      v.array(httpUrl),
      v.minLength(1),
      v.maxLength(200),
      v.description('The URLs to audit (staging pages); URLs given on the command line replace them.'),
    ),
  ),
  hostRules: v.optional(
    v.pipe(
      text(4000),
      v.description(
        'Chromium --host-resolver-rules, e.g. "MAP *.jeejio.com staging.internal:443": comma-separated "MAP pattern host[:port]" and "EXCLUDE pattern". A rule Chromium could not read stops the audit (exit 2).',
      ),
    ),
  ),
  policyModel: v.optional(
    v.pipe(
      text(1000),
      v.description('A policy model file, relative to this file; the built-in Jeejio model when absent.'),
    ),
  ),
  failOn: v.optional(
    v.pipe(
      v.picklist(FAIL_ON, 'must be high, medium or low'),
      v.description('The lowest severity that fails the audit (exit 1).'),
    ),
    'low',
  ),
  baselines: v.optional(v.pipe(v.array(BaselineSchema), v.maxLength(1000)), []),
  canaries: v.optional(
    v.pipe(
      v.array(CanarySchema),
      v.maxLength(MAX_CANARIES),
      v.description(
        'Contact details to find wherever they leak, as on the options page; reports name them by label only.',
      ),
    ),
  ),
  filterLists: v.optional(
    v.pipe(
      v.array(FilterListSchema),
      v.maxLength(MAX_FILTER_LISTS),
      v.description('Filter lists in EasyList syntax, each with the purpose its matches are classified as.'),
    ),
  ),
});

export type InspectorConfig = v.InferOutput<typeof InspectorConfigSchema>;
export type Baseline = v.InferOutput<typeof BaselineSchema>;
export type FailOn = (typeof FAIL_ON)[number];
