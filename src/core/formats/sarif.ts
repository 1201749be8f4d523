import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import { findingsOf } from '../engine/findings';
import { formatClauseLocation } from '../policy/policy-model';
import type { Finding, ReportObservation, Violation } from '../report/report-types';
import type { Severity } from '../rules/rule';
import {
  type FindingChange,
  type FindingStatus,
  type FormatInput,
  findingChanges,
  findingStatuses,
  statusOfFinding,
} from './format-input';
import { type RuleDescription, rulesForReport } from './rule-descriptions';
import { clip, firstOf } from './text-bounds';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Code-scanning views sort by level; the policy's severities map onto it one to one. */
export const LEVEL_OF: Record<Severity, 'error' | 'warning' | 'note'> = {
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/** Evidence URLs beyond the page: enough to find the tracker, not a copy of report.json. */
const MAX_EVIDENCE_LOCATIONS = 10;
/** Longer URLs (a page stuffing data into its address) stay in report.json. */
const MAX_URI_CHARS = 8192;

/**
 * SARIF 2.1.0 for code-scanning views: the policy's rules as the tool's rules
 * (with the clause each enforces), a result per finding located at the
 * pages where it was seen and the URLs its evidence came from. A finding a
 * baseline accepts whole carries an external, accepted suppression, which such
 * views show as dismissed; one whose acceptance expired carries none and says so.
 * Compared with an earlier run (--compare), each result has its baselineState
 * (`new` or `unchanged`); with --fail-on-new, what is not a new finding (one
 * the earlier run had, or a new intermittent one) is only a note.
 */
export function toSarif({ report, rules, baselines, failOnNew }: FormatInput): Log {
  const statusOf = findingStatuses(baselines);
  const changeOf = findingChanges(report);
  const allRules = rulesForReport(rules, report.violations);
  const ruleIndex = new Map(allRules.map((r, i) => [r.id, i]));
  const observations = new Map(report.observations.map((o) => [o.id, o]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            rules: allRules.map(toRule),
          },
        },
        invocations: [
          {
            executionSuccessful: !report.errors?.length,
            endTimeUtc: report.generatedAt,
            toolExecutionNotifications: (report.errors ?? []).map(({ url, message }) => ({
              level: 'error',
              message: {
                text: clip(`Could not load ${url}: ${message}. Its findings are missing, not clean.`),
              },
              locations: locationsOf([url], 'The page that could not be loaded'),
            })),
          },
        ],
        results: findingsOf(report.violations).map((f) =>
          toResult(
            f,
            report.violations.filter((v) => f.violationIds.includes(v.id)),
            ruleIndex.get(f.rules[0] ?? ''),
            statusOfFinding(f, statusOf),
            observations,
            changeOf?.(f),
            failOnNew === true,
          ),
        ),
        properties: {
          policy: report.policy,
          ruleSetVersion: report.ruleSetVersion,
          pages: report.pages.map((p) => p.url),
          ...(report.browser && { browser: report.browser }),
        },
      },
    ],
  };
}

function toRule(rule: RuleDescription): ReportingDescriptor {
  const clause = formatClauseLocation(rule.clause);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.explanation },
    help: {
      text: `The policy, ${clause} (${rule.clause.title}): ${rule.clause.paraphrase} ${rule.explanation}`,
    },
    defaultConfiguration: { level: LEVEL_OF[rule.severity] },
    properties: {
      severity: rule.severity,
      clause: rule.clause,
      alsoCites: rule.alsoCites,
      tags: ['privacy', 'privacy-policy'],
    },
  };
}

/**
 * One result per finding, under its lead rule: code-scanning views count
 * results, and one request that breaks three clauses is one problem. The
 * other rules and clauses it breaks are in its message and properties.
 */
function toResult(
  finding: Finding,
  violations: readonly Violation[],
  ruleIndex: number | undefined,
  status: FindingStatus,
  observations: ReadonlyMap<string, ReportObservation>,
  change: FindingChange | undefined,
  failOnNew: boolean,
): Result {
  const evidenceUrls = [
    ...new Set(
      finding.observationIds
        .map((id) => observations.get(id)?.url)
        .filter((url): url is string => url !== undefined && !finding.pageUrls.includes(url)),
    ),
  ];
  const evidence = firstOf(finding.observationIds);
  const clauses = finding.clauses.map((c) => `${formatClauseLocation(c)} (${c.title})`).join('; ');
  return {
    ruleId: finding.rules[0] ?? '',
    ...(ruleIndex !== undefined && { ruleIndex }),
    // What no audited page did (a key it only found in storage) is a note, whatever its severity.
    level:
      finding.notThisPage || (failOnNew && change !== undefined && change !== 'new')
        ? 'note'
        : LEVEL_OF[finding.severity],
    ...(change !== undefined && { baselineState: change === 'known' ? 'unchanged' : 'new' }),
    message: {
      text: clip(finding.clauses.length > 1 ? `${finding.summary} Breaks ${clauses}.` : finding.summary),
    },
    locations: [
      ...locationsOf(firstOf(finding.pageUrls).shown, 'A page where it was seen'),
      ...locationsOf(firstOf(evidenceUrls, MAX_EVIDENCE_LOCATIONS).shown, 'Where its evidence came from'),
    ],
    // The finding id is derived from its violations' ids, each from a rule and what it is about: stable across runs.
    partialFingerprints: { 'jeejioFindingId/v1': finding.id },
    ...(status.state === 'accepted' && {
      suppressions: [
        {
          kind: 'external',
          status: 'accepted',
          justification: clip(status.baseline.reason),
          properties: { owner: clip(status.baseline.owner), expires: status.baseline.expires },
        },
      ],
    }),
    properties: {
      findingId: finding.id,
      rules: finding.rules,
      violationIds: finding.violationIds,
      subjects: violations.map((v) => clip(v.subject)),
      severity: finding.severity,
      verified: finding.verified,
      ...(change === 'new-intermittent' && { intermittent: true }),
      clauses: violations.map((v) => v.clause),
      observationIds: evidence.shown,
      ...(evidence.more > 0 && { moreObservations: evidence.more }),
      ...(status.state === 'acceptance-expired' && {
        acceptanceExpired: {
          expires: status.baseline.expires,
          owner: clip(status.baseline.owner),
          reason: clip(status.baseline.reason),
        },
      }),
    },
  };
}

/** One location per URL that is a valid URI of sane length; anything else stays in report.json. */
function locationsOf(urls: readonly string[], what: string): Location[] {
  return urls.flatMap((url) => {
    const uri = asUri(url);
    return uri === undefined
      ? []
      : [{ physicalLocation: { artifactLocation: { uri } }, message: { text: what } }];
  });
}

function asUri(url: string): string | undefined {
  if (url.length > MAX_URI_CHARS) return undefined;
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

/** "cookie-login-insecure" → "CookieLoginInsecure": SARIF wants a name without spaces. */
function pascalCase(id: string): string {
  return id
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
