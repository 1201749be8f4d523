import { hostOfUrl } from '../classify/url-parts';
import { type Corroboration, isVerified } from '../engine/corroborate';
import { evaluatePolicy } from '../engine/evaluate-policy';
import { findingsOf } from '../engine/findings';
import { isEvidenceLoss } from '../observations/evidence-loss';
import type {
  EvidenceObservation,
  LinkDecorationObservation,
  Observation,
  PageVisit,
} from '../observations/observation';
import type { PolicyModel } from '../policy/policy-model';
import type { ClassifiedObservation } from '../rules/classified-observation';
import { SEVERITY_ORDER, type Severity } from '../rules/rule';
import type { RuleContextOptions } from '../rules/rule-context';
import { RULE_SET_VERSION } from '../rules/rule-registry';
import { evidenceCompleteness } from './evidence-completeness';
import type {
  Finding,
  Report,
  ReportLinkDecoration,
  ReportObservation,
  ReportSummary,
  Violation,
} from './report-types';
import type { ToolIdentity } from './tool';

export interface ReportInput extends RuleContextOptions {
  tool: ToolIdentity;
  policy: PolicyModel;
  pages: readonly PageVisit[];
  observations: readonly Observation[];
  generatedAt: number;
}

/** Builds report.json from recorded facts alone, so a stored log always replays to the same report. */
export function buildReport(input: ReportInput): Report {
  // Ties by id in code-unit order: localeCompare, many times slower, took a quarter of a large report's time.
  const observations = [...input.observations].sort(
    (a, b) => a.observedAt - b.observedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const { classified, violations, advice, scorecard, corroboration, probes } = evaluatePolicy(
    observations,
    input.policy,
    {
      ...(input.canaries && { canaries: input.canaries }),
      ...(input.filterLists && { filterLists: input.filterLists }),
    },
  );
  const reportObservations = classified.map((c) => toReportObservation(c, corroboration));
  const findings = findingsOf(violations);
  const evidence = evidenceCompleteness(observations.filter(isEvidenceLoss));
  const linkDecorations = observations.filter(isLinkDecoration).map(toReportLinkDecoration);
  return {
    schemaVersion: 1,
    tool: input.tool,
    policy: { id: input.policy.id, version: input.policy.version, sha256: input.policy.sourceSha256 },
    ruleSetVersion: RULE_SET_VERSION,
    generatedAt: new Date(input.generatedAt).toISOString(),
    pages: [...input.pages]
      .sort((a, b) => a.startedAt - b.startedAt)
      .map((p) => ({
        url: p.url,
        visitId: p.visitId,
        startedAt: new Date(p.startedAt).toISOString(),
        ...(p.startedBy && { startedBy: p.startedBy }),
      })),
    observations: reportObservations,
    violations,
    findings,
    advice,
    probes,
    ...(linkDecorations.length > 0 && { linkDecorations }),
    scorecard,
    evidence,
    summary: {
      ...summarize(input.pages.length, reportObservations, violations, findings),
      advice: advice.length,
      probes: probes.length,
      evidenceComplete: evidence.complete,
    },
  };
}

/**
 * Built field by field, not by spreading: spreading objects whose shapes vary
 * is several times slower, and a report can hold 100,000 observations.
 */
function toReportObservation(
  { observation: o, classification, party }: ClassifiedObservation,
  corroboration: Corroboration,
): ReportObservation {
  const confirming = corroboration.confirmedBy.get(o.id);
  const claimedScriptUrl = corroboration.scriptOf.get(o.id);
  const r: ReportObservation = {
    id: o.id,
    kind: o.kind,
    name: nameOf(o),
    domain: domainOf(o),
    provenance: o.provenance,
    observedAt: new Date(o.observedAt).toISOString(),
    pageUrl: o.pageUrl,
    party,
    vendor: classification.vendor,
    purpose: classification.purpose,
    classifiedBy: classification.matchedBy,
    classificationReason: classification.reason,
    verified: isVerified(o, corroboration),
  };
  if (classification.likelyIdentifier) r.likelyIdentifier = true;
  if (o.frameUrl !== undefined) r.frameUrl = o.frameUrl;
  if (o.scriptUrl !== undefined) r.scriptUrl = o.scriptUrl;
  if (claimedScriptUrl !== undefined) r.claimedScriptUrl = claimedScriptUrl;
  if (confirming !== undefined) r.confirmedBy = confirming;
  switch (o.kind) {
    case 'cookie':
      if (o.url !== undefined) r.url = o.url;
      r.action = o.action;
      r.value = o.value;
      r.valueLength = o.valueLength;
      r.secure = o.secure;
      r.httpOnly = o.httpOnly;
      r.sameSite = o.sameSite;
      r.session = o.session;
      if (o.expires !== undefined) r.expires = epochSecondsToIso(o.expires);
      r.path = o.path;
      if (o.rawHeader !== undefined) r.rawHeader = o.rawHeader;
      if (o.notThisPage) r.notThisPage = o.notThisPage;
      if (o.writtenOn) r.writtenOn = o.writtenOn;
      break;
    case 'storage':
      r.action = o.action;
      r.area = o.area;
      r.origin = o.origin;
      r.value = o.value;
      r.valueLength = o.valueLength;
      if (o.notThisPage) r.notThisPage = o.notThisPage;
      if (o.writtenOn) r.writtenOn = o.writtenOn;
      break;
    case 'request':
    case 'beacon':
      r.url = o.url;
      r.method = o.method;
      r.resourceType = o.resourceType;
      if (o.initiator !== undefined) r.initiator = o.initiator;
      if (o.statusCode !== undefined) r.statusCode = o.statusCode;
      if (o.contentType !== undefined) r.contentType = o.contentType;
      if (o.requestBody !== undefined) r.requestBody = o.requestBody;
      if (o.requestBodyLength !== undefined) r.requestBodyLength = o.requestBodyLength;
      if (o.beaconSignals?.length) r.beaconSignals = o.beaconSignals;
      if (o.canonicalName !== undefined) r.canonicalName = o.canonicalName;
      if (o.canonicalNameBy !== undefined) r.canonicalNameBy = o.canonicalNameBy;
      if (o.cnameChain?.length) r.cnameChain = o.cnameChain;
      if (o.browserTrackingFlags?.length) r.browserTrackingFlags = o.browserTrackingFlags;
      break;
    case 'fingerprint':
      r.technique = o.technique;
      r.value = o.detail;
      r.valueLength = o.detail.length;
      break;
    case 'policy-text':
      r.url = o.url;
      r.value = o.text;
      r.valueLength = o.text.length;
      break;
  }
  if (o.kind !== 'fingerprint' && o.kind !== 'policy-text' && o.warnings?.length) r.warnings = o.warnings;
  return r;
}

function isLinkDecoration(o: Observation): o is LinkDecorationObservation {
  return o.kind === 'link-decoration';
}

function toReportLinkDecoration(o: LinkDecorationObservation): ReportLinkDecoration {
  return {
    id: o.id,
    via: o.via,
    provenance: o.provenance,
    observedAt: new Date(o.observedAt).toISOString(),
    pageUrl: o.pageUrl,
    ...(o.frameUrl !== undefined && { frameUrl: o.frameUrl }),
    url: o.url,
    params: o.params,
    ...(o.chain && { chain: o.chain }),
    ...(o.bouncedThrough && { bouncedThrough: o.bouncedThrough }),
  };
}

/** Cookie name, storage key, request URL, or fingerprinting technique. */
function nameOf(o: EvidenceObservation): string {
  switch (o.kind) {
    case 'cookie':
      return o.name;
    case 'storage':
      return o.key;
    case 'fingerprint':
      return o.technique;
    default:
      return o.url;
  }
}

function domainOf(o: EvidenceObservation): string {
  switch (o.kind) {
    case 'cookie':
      return o.domain;
    case 'storage':
      return hostOfUrl(o.origin);
    case 'fingerprint':
      return hostOfUrl(o.scriptUrl || (o.frameUrl ?? o.pageUrl));
    default:
      return hostOfUrl(o.url);
  }
}

/** The summary's counts, from what a report holds: also what a merged report is recounted with. */
export function summarize(
  pages: number,
  observations: ReportObservation[],
  violations: Violation[],
  findings: Finding[],
): ReportSummary {
  const cookieKeys = new Set<string>();
  const unclassified = new Set<string>();
  for (const o of observations) {
    if (o.kind !== 'cookie') continue;
    const key = `${o.name}\u0000${o.domain}\u0000${o.path ?? ''}`;
    cookieKeys.add(key);
    if (o.purpose === 'unknown') unclassified.add(key);
  }
  const byRule: Record<string, number> = {};
  for (const v of violations) byRule[v.rule] = (byRule[v.rule] ?? 0) + 1;
  const bySeverity = countBySeverity(violations);
  // Counted for the pages that did them; what a page only found in storage is listed, not counted.
  const own = findings.filter((f) => !f.notThisPage);
  return {
    pages,
    observations: observations.length,
    cookies: cookieKeys.size,
    unclassifiedCookies: unclassified.size,
    findings: own.length,
    ...(own.length < findings.length && { findingsNotThisPage: findings.length - own.length }),
    findingsBySeverity: countBySeverity(own),
    violations: violations.length,
    bySeverity,
    byRule,
  };
}

/** How many there are of each severity, every severity present. */
export function countBySeverity(items: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0])) as Record<Severity, number>;
  for (const item of items) counts[item.severity] += 1;
  return counts;
}

function epochSecondsToIso(seconds: number): string {
  const ms = seconds * 1000;
  // A hostile header can state any expiry; Date cannot represent all of them.
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(seconds);
}
