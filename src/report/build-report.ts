import type { Observation, PageVisit } from '../observations/observation';
import type { PolicyModel } from '../policy/policy-model';
import { RULE_SET_VERSION } from '../rules/cookie-rules';
import { SEVERITY_ORDER } from '../rules/rule';
import { classifyCookieObservation, findViolations } from './find-violations';
import type { Report, ReportObservation, ReportSummary, Violation } from './report-types';

export interface ReportInput {
  tool: { name: string; version: string };
  policy: PolicyModel;
  pages: readonly PageVisit[];
  observations: readonly Observation[];
  generatedAt: number;
}

/** Builds report.json from recorded facts alone, so a stored log always replays to the same report. */
export function buildReport(input: ReportInput): Report {
  const observations = [...input.observations].sort(
    (a, b) => a.observedAt - b.observedAt || a.id.localeCompare(b.id),
  );
  const violations = findViolations(observations, input.policy);
  const reportObservations = observations.map(toReportObservation);
  return {
    schemaVersion: 1,
    tool: input.tool,
    policy: { id: input.policy.id, version: input.policy.version, sha256: input.policy.sourceSha256 },
    ruleSetVersion: RULE_SET_VERSION,
    generatedAt: new Date(input.generatedAt).toISOString(),
    pages: [...input.pages]
      .sort((a, b) => a.startedAt - b.startedAt)
      .map((p) => ({ url: p.url, visitId: p.visitId, startedAt: new Date(p.startedAt).toISOString() })),
    observations: reportObservations,
    violations,
    summary: summarize(input.pages.length, reportObservations, violations),
  };
}

function toReportObservation(observation: Observation): ReportObservation {
  const base = {
    id: observation.id,
    kind: observation.kind,
    provenance: observation.provenance,
    observedAt: new Date(observation.observedAt).toISOString(),
    pageUrl: observation.pageUrl,
  };
  const { classification, party } = classifyCookieObservation(observation);
  return {
    ...base,
    name: observation.name,
    domain: observation.domain,
    ...(observation.url !== undefined && { url: observation.url }),
    party,
    vendor: classification.vendor,
    purpose: classification.purpose,
    classifiedBy: classification.matchedBy,
    classificationReason: classification.reason,
    action: observation.action,
    value: observation.value,
    valueLength: observation.valueLength,
    secure: observation.secure,
    httpOnly: observation.httpOnly,
    sameSite: observation.sameSite,
    session: observation.session,
    ...(observation.expires !== undefined && { expires: epochSecondsToIso(observation.expires) }),
    path: observation.path,
    ...(observation.rawHeader !== undefined && { rawHeader: observation.rawHeader }),
    ...(observation.warnings?.length && { warnings: observation.warnings }),
  };
}

function summarize(pages: number, observations: ReportObservation[], violations: Violation[]): ReportSummary {
  const cookieKeys = new Set<string>();
  const unclassified = new Set<string>();
  for (const o of observations) {
    if (o.kind !== 'cookie') continue;
    const key = `${o.name}\u0000${o.domain}\u0000${o.path ?? ''}`;
    cookieKeys.add(key);
    if (o.purpose === 'unknown') unclassified.add(key);
  }
  const bySeverity = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0])) as ReportSummary['bySeverity'];
  const byRule: Record<string, number> = {};
  for (const v of violations) {
    bySeverity[v.severity] += 1;
    byRule[v.rule] = (byRule[v.rule] ?? 0) + 1;
  }
  return {
    pages,
    observations: observations.length,
    cookies: cookieKeys.size,
    unclassifiedCookies: unclassified.size,
    violations: violations.length,
    bySeverity,
    byRule,
  };
}

function epochSecondsToIso(seconds: number): string {
  const ms = seconds * 1000;
  // Browsers cap expiry around year 400 days ahead, but a hostile header can say anything.
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(seconds);
}
