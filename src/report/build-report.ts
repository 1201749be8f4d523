import { hostOfUrl } from '../classify/url-parts';
import type { ClassifiedObservation } from '../engine/classified-observation';
import type { Corroboration } from '../engine/corroborate';
import { evaluatePolicy } from '../engine/evaluate-policy';
import type { RuleContextOptions } from '../engine/rule-context';
import type { Observation, PageVisit } from '../observations/observation';
import type { PolicyModel } from '../policy/policy-model';
import { SEVERITY_ORDER } from '../rules/rule';
import { RULE_SET_VERSION } from '../rules/rule-registry';
import type { Report, ReportObservation, ReportSummary, Violation } from './report-types';

export interface ReportInput extends RuleContextOptions {
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
  const { classified, violations, scorecard, corroboration } = evaluatePolicy(observations, input.policy, {
    ...(input.canaries && { canaries: input.canaries }),
    ...(input.filterLists && { filterLists: input.filterLists }),
  });
  const reportObservations = classified.map((c) => toReportObservation(c, corroboration));
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
    scorecard,
    summary: summarize(input.pages.length, reportObservations, violations),
  };
}

function toReportObservation(
  { observation: o, classification, party }: ClassifiedObservation,
  { confirmedBy, scriptOf }: Corroboration,
): ReportObservation {
  const confirming = confirmedBy.get(o.id);
  const scriptUrl = o.scriptUrl ?? scriptOf.get(o.id);
  const base = {
    id: o.id,
    kind: o.kind,
    provenance: o.provenance,
    observedAt: new Date(o.observedAt).toISOString(),
    pageUrl: o.pageUrl,
    party,
    vendor: classification.vendor,
    purpose: classification.purpose,
    classifiedBy: classification.matchedBy,
    classificationReason: classification.reason,
    ...(classification.likelyIdentifier && { likelyIdentifier: true }),
    ...(o.frameUrl !== undefined && { frameUrl: o.frameUrl }),
    ...(scriptUrl !== undefined && { scriptUrl }),
    verified: o.provenance !== 'page-hook' || confirming !== undefined,
    ...(confirming !== undefined && { confirmedBy: confirming }),
  };
  switch (o.kind) {
    case 'cookie':
      return {
        ...base,
        name: o.name,
        domain: o.domain,
        ...(o.url !== undefined && { url: o.url }),
        action: o.action,
        value: o.value,
        valueLength: o.valueLength,
        secure: o.secure,
        httpOnly: o.httpOnly,
        sameSite: o.sameSite,
        session: o.session,
        ...(o.expires !== undefined && { expires: epochSecondsToIso(o.expires) }),
        path: o.path,
        ...(o.rawHeader !== undefined && { rawHeader: o.rawHeader }),
        ...(o.warnings?.length && { warnings: o.warnings }),
      };
    case 'storage':
      return {
        ...base,
        name: o.key,
        domain: hostOfUrl(o.origin),
        action: o.action,
        area: o.area,
        origin: o.origin,
        value: o.value,
        valueLength: o.valueLength,
        ...(o.warnings?.length && { warnings: o.warnings }),
      };
    case 'request':
    case 'beacon':
      return {
        ...base,
        name: o.url,
        domain: hostOfUrl(o.url),
        url: o.url,
        method: o.method,
        resourceType: o.resourceType,
        ...(o.initiator !== undefined && { initiator: o.initiator }),
        ...(o.statusCode !== undefined && { statusCode: o.statusCode }),
        ...(o.contentType !== undefined && { contentType: o.contentType }),
        ...(o.requestBody !== undefined && { requestBody: o.requestBody }),
        ...(o.requestBodyLength !== undefined && { requestBodyLength: o.requestBodyLength }),
        ...(o.beaconSignals?.length && { beaconSignals: o.beaconSignals }),
        ...(o.warnings?.length && { warnings: o.warnings }),
      };
    case 'fingerprint':
      return {
        ...base,
        name: o.technique,
        domain: o.scriptUrl ? hostOfUrl(o.scriptUrl) : hostOfUrl(o.frameUrl ?? o.pageUrl),
        technique: o.technique,
        value: o.detail,
        valueLength: o.detail.length,
      };
    case 'policy-text':
      return {
        ...base,
        name: o.url,
        domain: hostOfUrl(o.url),
        url: o.url,
        value: o.text,
        valueLength: o.text.length,
      };
  }
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
  // A hostile header can state any expiry; Date cannot represent all of them.
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(seconds);
}
