import { findingsOf } from '../engine/findings';
import type { Severity } from '../rules/rule';
import type { Report, ReportObservation, Violation } from './report-types';

/**
 * What changed between two runs of an audit (report.json then report.json):
 * what the current run saw that the previous did not ("new"), and what the
 * previous saw that the current did not ("gone"). Each item carries its
 * evidence as ids into the report it comes from: the current report for what
 * is new, the previous one for what is gone.
 */
export interface ReportComparison {
  /** The run compared with, as its report names it. */
  previous: {
    generatedAt: string;
    pages: number;
    findings: number;
    /** What judged the run compared with: when either differs from this run's, a change may be the rules'. */
    ruleSetVersion?: string;
    policy?: { id: string; version: string };
  };
  findings: Changes<ComparedFinding>;
  /** Hosts of other parties the pages sent requests or beacons to. */
  thirdParties: Changes<ComparedThirdParty>;
  /** Cookies by name and domain. */
  cookies: Changes<ComparedCookie>;
  /** Storage keys by origin, area and key. */
  storageKeys: Changes<ComparedStorageKey>;
}

export interface Changes<T> {
  new: T[];
  gone: T[];
}

/**
 * A finding, or the part of one, that is new or gone. Across runs a finding is
 * known by its violations' keys, each a rule and what it is about (the subject):
 * a violation's id is derived from them, so it is the same in every run, while
 * observation ids and visit ids are not. A finding seen on another page than
 * before is the same finding, not a new one.
 */
export interface ComparedFinding {
  /** The finding's id in the report it comes from. */
  findingId: string;
  severity: Severity;
  title: string;
  summary: string;
  rules: string[];
  /** `rule subject` of each violation new (or gone): what identifies it across runs. */
  keys: string[];
  violationIds: string[];
  observationIds: string[];
  pageUrls: string[];
  /** Every violation of it that is new (or gone) was seen in only some visits of a page (--repeat). */
  intermittent: boolean;
  /** As Violation.notThisPage: nothing an audited page did; listed, never counted. */
  notThisPage?: boolean;
  /** As the finding's own: false when only the page's word supports it, so it is shown as a claim. */
  verified: boolean;
}

export interface ComparedThirdParty {
  host: string;
  vendor: string | null;
  observationIds: string[];
}

export interface ComparedCookie {
  name: string;
  domain: string;
  observationIds: string[];
}

export interface ComparedStorageKey {
  origin: string;
  area: string;
  key: string;
  observationIds: string[];
}

/** Evidence ids kept per item: enough to look each up, without copying a flood of them. */
export const MAX_COMPARED_EVIDENCE = 20;

/** Compares two reports; neither is changed. */
export function compareReports(previous: Report, current: Report): ReportComparison {
  return {
    previous: {
      generatedAt: previous.generatedAt,
      pages: previous.pages.length,
      findings: previous.summary.findings,
      ruleSetVersion: previous.ruleSetVersion,
      policy: { id: previous.policy.id, version: previous.policy.version },
    },
    findings: changedFindings(previous.violations, current.violations),
    thirdParties: changes(previous.observations, current.observations, thirdPartyOf, (host, seen) => ({
      host,
      vendor: seen[0]?.vendor ?? null,
      observationIds: evidence(seen),
    })),
    cookies: changes(previous.observations, current.observations, cookieOf, (_, seen) => ({
      name: seen[0]?.name ?? '',
      domain: seen[0]?.domain ?? '',
      observationIds: evidence(seen),
    })),
    storageKeys: changes(previous.observations, current.observations, storageKeyOf, (_, seen) => ({
      origin: seen[0]?.origin ?? '',
      area: seen[0]?.area ?? '',
      key: seen[0]?.name ?? '',
      observationIds: evidence(seen),
    })),
  };
}

/** True when the two reports differ in nothing compared: no finding, party, cookie or storage key new or gone. */
export function nothingChanged(comparison: ReportComparison): boolean {
  const { findings, thirdParties, cookies, storageKeys } = comparison;
  return [findings, thirdParties, cookies, storageKeys].every(
    (c) => c.new.length === 0 && c.gone.length === 0,
  );
}

/** What identifies a violation across runs: its rule and its subject (its id is derived from both). */
export function violationKey(violation: Pick<Violation, 'rule' | 'subject'>): string {
  return `${violation.rule} ${violation.subject}`;
}

/**
 * The ids of the current report's violations that the previous run did not
 * have, intermittent ones left out: what --fail-on-new may fail on.
 */
export function newViolationIds(comparison: ReportComparison): Set<string> {
  return new Set(comparison.findings.new.filter((f) => !f.intermittent).flatMap((f) => f.violationIds));
}

function changedFindings(
  previous: readonly Violation[],
  current: readonly Violation[],
): Changes<ComparedFinding> {
  const before = new Set(previous.map(violationKey));
  const now = new Set(current.map(violationKey));
  return {
    new: comparedFindings(current.filter((v) => !before.has(violationKey(v)))),
    gone: comparedFindings(previous.filter((v) => !now.has(violationKey(v)))),
  };
}

/** The violations grouped as their report grouped them, so a reader sees problems, not rule-by-rule rows. */
function comparedFindings(violations: readonly Violation[]): ComparedFinding[] {
  const byId = new Map(violations.map((v) => [v.id, v]));
  return findingsOf(violations).map((finding) => {
    const own = finding.violationIds.flatMap((id) => byId.get(id) ?? []);
    return {
      findingId: finding.id,
      severity: finding.severity,
      title: finding.title,
      summary: finding.summary,
      rules: finding.rules,
      keys: own.map(violationKey),
      violationIds: finding.violationIds,
      observationIds: finding.observationIds.slice(0, MAX_COMPARED_EVIDENCE),
      pageUrls: finding.pageUrls,
      intermittent: own.length > 0 && own.every((v) => v.intermittent === true),
      ...(finding.notThisPage && { notThisPage: true }),
      verified: finding.verified,
    };
  });
}

/** Requests and beacons to another party: who the pages talked to. */
function thirdPartyOf(o: ReportObservation): string | undefined {
  return (o.kind === 'request' || o.kind === 'beacon') && o.party === 'third-party' ? o.domain : undefined;
}

function cookieOf(o: ReportObservation): string | undefined {
  return o.kind === 'cookie' ? `${o.name}\u0000${o.domain}` : undefined;
}

function storageKeyOf(o: ReportObservation): string | undefined {
  return o.kind === 'storage' ? `${o.origin ?? ''}\u0000${o.area ?? ''}\u0000${o.name}` : undefined;
}

/** Items by key on both sides, each new or gone one described from its own report's observations. */
function changes<T>(
  previous: readonly ReportObservation[],
  current: readonly ReportObservation[],
  keyOf: (o: ReportObservation) => string | undefined,
  describeItem: (key: string, seen: readonly ReportObservation[]) => T,
): Changes<T> {
  const before = grouped(previous, keyOf);
  const now = grouped(current, keyOf);
  return {
    new: [...now].filter(([key]) => !before.has(key)).map(([key, seen]) => describeItem(key, seen)),
    gone: [...before].filter(([key]) => !now.has(key)).map(([key, seen]) => describeItem(key, seen)),
  };
}

function grouped(
  observations: readonly ReportObservation[],
  keyOf: (o: ReportObservation) => string | undefined,
): Map<string, ReportObservation[]> {
  const groups = new Map<string, ReportObservation[]>();
  for (const o of observations) {
    const key = keyOf(o);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(o);
    else groups.set(key, [o]);
  }
  return groups;
}

function evidence(seen: readonly ReportObservation[]): string[] {
  return seen.slice(0, MAX_COMPARED_EVIDENCE).map((o) => o.id);
}
