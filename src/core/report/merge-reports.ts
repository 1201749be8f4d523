import { MAX_DECODED_PER_VIOLATION } from '../engine/evaluate-policy';
import { findingsOf } from '../engine/findings';
import { SEVERITY_ORDER } from '../rules/rule';
import { stableId } from '../util/stable-id';
import { summarize } from './build-report';
import { thirdPartyCookies } from './cookie-jar-outcome';
import type { EvidenceCompleteness, EvidenceLossSummary } from './evidence-completeness';
import type { ClauseVerdict, Report, ReportProbe, Violation } from './report-types';

/** Why reports cannot be merged: said to the user as it is (exit 2). */
export class ReportMergeError extends Error {
  override name = 'ReportMergeError';
}

/** The run each part of a merged report came from: what was per run, kept as it was. */
export interface MergedPart {
  generatedAt: string;
  tool: { name: string; version: string };
  browser?: { name: string; version: string; userAgent: string };
  pages: number;
}

/**
 * One report from the reports of several shards of one audit (`--shard i/n`),
 * given in shard order: pages in that order, observations once each (by id),
 * violations of the same rule about the same subject made one (their pages and
 * evidence joined), findings regrouped and every count recounted, errors
 * joined. What was per run is not made up: `generatedAt` is the merge's time,
 * `merged` lists each part's time, tool and browser, and `browser` is kept only
 * when every part ran in the same one. Refuses reports judged by another rule
 * set or policy than the first, whose findings would not mean the same.
 */
export function mergeReports(reports: readonly Report[], generatedAt: Date): Report {
  const [first] = reports;
  if (!first) throw new ReportMergeError('There is no report to merge.');
  for (const [i, report] of reports.entries()) {
    if (report.ruleSetVersion !== first.ruleSetVersion) {
      throw new ReportMergeError(
        `Report ${i + 1} was judged by rule set ${report.ruleSetVersion}, report 1 by ${first.ruleSetVersion}; audit them again with one version.`,
      );
    }
    const [a, b] = [first.policy, report.policy];
    if (a.id !== b.id || a.version !== b.version || a.sha256 !== b.sha256) {
      throw new ReportMergeError(
        `Report ${i + 1} was judged by policy ${b.id} ${b.version} (sha256 ${b.sha256.slice(0, 12)}…), report 1 by ${a.id} ${a.version} (sha256 ${a.sha256.slice(0, 12)}…).`,
      );
    }
  }
  const pages = uniqueBy(
    reports.flatMap((r) => r.pages),
    (p) => p.visitId,
  );
  const observations = uniqueBy(
    reports.flatMap((r) => r.observations),
    (o) => o.id,
  );
  const position = new Map<string, number>();
  pages.forEach((page, i) => {
    if (!position.has(page.url)) position.set(page.url, i);
  });
  const violations = mergeViolations(
    reports.map((r) => r.violations),
    position,
  );
  const advice = mergeViolations(
    reports.map((r) => r.advice ?? []),
    position,
  );
  const findings = findingsOf(violations);
  const probes = mergeProbes(reports.flatMap((r) => r.probes ?? []));
  const evidence = mergeEvidence(reports.map((r) => r.evidence));
  const errors = reports.flatMap((r) => r.errors ?? []);
  const browsers = new Set(reports.map((r) => JSON.stringify(r.browser ?? null)));
  const tools = new Set(reports.map((r) => JSON.stringify(r.tool)));
  const thirdParty = thirdPartyCookies(observations);
  return {
    schemaVersion: 1,
    // The tool that made each part is in `merged`; one name here only when they agree.
    tool: tools.size === 1 ? first.tool : { name: first.tool.name, version: 'several (see merged)' },
    ...(browsers.size === 1 && first.browser && { browser: first.browser }),
    policy: first.policy,
    ruleSetVersion: first.ruleSetVersion,
    generatedAt: generatedAt.toISOString(),
    pages,
    observations,
    violations,
    findings,
    advice,
    probes,
    scorecard: mergeScorecards(
      reports.map((r) => r.scorecard),
      violations,
    ),
    ...(evidence && { evidence }),
    summary: {
      ...summarize(pages.length, observations, violations, findings),
      advice: advice.length,
      probes: probes.length,
      ...(evidence && { evidenceComplete: evidence.complete }),
      ...(reports.some((r) => r.summary.thirdPartyCookies) && { thirdPartyCookies: thirdParty }),
    },
    ...(errors.length > 0 && { errors }),
    merged: reports.map((r) => ({
      generatedAt: r.generatedAt,
      tool: r.tool,
      ...(r.browser && { browser: r.browser }),
      pages: r.pages.length,
    })),
  };
}

/**
 * Violations of one rule about one subject in several parts are one (their id
 * is derived from rule and subject): pages and evidence joined, verified when
 * any part's was, the page's own doing when any part's was. Violations that
 * shared a finding in any part share one here, its id derived again from its
 * violations' ids as the engine derives it.
 */
function mergeViolations(parts: readonly (readonly Violation[])[], position: ReadonlyMap<string, number>) {
  const byId = new Map<string, { merged: Violation; intermittent: boolean[] }>();
  for (const part of parts) {
    for (const v of part) {
      const seen = byId.get(v.id);
      if (!seen) {
        byId.set(v.id, {
          merged: { ...v, pageUrls: [...v.pageUrls], observationIds: [...v.observationIds] },
          intermittent: [v.intermittent === true],
        });
        continue;
      }
      const m = seen.merged;
      m.pageUrls = [...new Set([...m.pageUrls, ...v.pageUrls])];
      m.observationIds = [...new Set([...m.observationIds, ...v.observationIds])];
      m.verified = m.verified || v.verified;
      if (!v.notThisPage) delete m.notThisPage;
      if (v.decoded?.length) {
        const decoded = uniqueBy([...(m.decoded ?? []), ...v.decoded], (d) => JSON.stringify(d));
        m.decoded = decoded.slice(0, MAX_DECODED_PER_VIOLATION);
        const dropped = (m.decodedDropped ?? 0) + (v.decodedDropped ?? 0) + decoded.length - m.decoded.length;
        if (dropped > 0) m.decodedDropped = dropped;
      }
      seen.intermittent.push(v.intermittent === true);
    }
  }
  const at = (url: string) => position.get(url) ?? Number.MAX_SAFE_INTEGER;
  const violations = [...byId.values()].map(({ merged, intermittent }) => {
    const pageUrls = [...merged.pageUrls].sort((a, b) => at(a) - at(b));
    const v: Violation = { ...merged, pageUrls, pageUrl: pageUrls[0] ?? merged.pageUrl };
    // Seen in every visit of some part's pages, it is not intermittent in the whole.
    if (intermittent.every(Boolean)) v.intermittent = true;
    else delete v.intermittent;
    return v;
  });
  regroupFindings(violations, parts);
  const rank = (v: Violation) => SEVERITY_ORDER.indexOf(v.severity);
  // The engine's order: by severity, then rule, then id.
  return violations.sort(
    (a, b) => rank(a) - rank(b) || a.rule.localeCompare(b.rule) || a.id.localeCompare(b.id),
  );
}

function regroupFindings(violations: Violation[], parts: readonly (readonly Violation[])[]): void {
  const parent = new Map<string, string>(violations.map((v) => [v.id, v.id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    return r;
  };
  for (const part of parts) {
    const leadOf = new Map<string, string>();
    for (const v of part) {
      if (v.findingId === undefined) continue;
      const lead = leadOf.get(v.findingId);
      if (lead === undefined) leadOf.set(v.findingId, v.id);
      else parent.set(root(v.id), root(lead));
    }
  }
  const groups = new Map<string, string[]>();
  for (const v of violations) {
    const r = root(v.id);
    groups.set(r, [...(groups.get(r) ?? []), v.id]);
  }
  const findingOf = new Map<string, string>();
  for (const ids of groups.values()) {
    const id = stableId('f', [...ids].sort());
    for (const member of ids) findingOf.set(member, id);
  }
  for (const v of violations) v.findingId = findingOf.get(v.id) ?? v.findingId;
}

/** The policy's clauses are the same in every part; a clause's verdict is recounted from the merged violations. */
function mergeScorecards(
  parts: readonly (readonly ClauseVerdict[])[],
  violations: readonly Violation[],
): ClauseVerdict[] {
  const counts = new Map<string, number>();
  for (const v of violations) {
    for (const id of new Set([v.clause.id, ...v.alsoCites.map((c) => c.id)])) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  const [first = []] = parts;
  return first.map((clause) => {
    if (clause.status === 'not-checkable' || clause.status === 'contradicts-itself') return clause;
    const count = counts.get(clause.clauseId) ?? 0;
    const { note: _note, ...base } = clause;
    if (count > 0) return { ...base, status: 'violated', violations: count };
    // Kept when any part saw what it governs (a part that saw it and broke it saw it too).
    const observed = parts.some((part) =>
      part.some((c) => c.clauseId === clause.clauseId && (c.status === 'kept' || c.status === 'violated')),
    );
    return observed
      ? { ...base, status: 'kept', violations: 0 }
      : { ...clause, status: 'not-observed', violations: 0 };
  });
}

function mergeProbes(probes: readonly ReportProbe[]): ReportProbe[] {
  const byKey = new Map<string, ReportProbe>();
  for (const probe of probes) {
    const key = `${probe.kind}\u0000${probe.name}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...probe, observationIds: [...probe.observationIds] });
    else seen.observationIds = [...new Set([...seen.observationIds, ...probe.observationIds])];
  }
  return [...byKey.values()];
}

/** Each limit's losses summed over the parts; complete only when every part was. */
function mergeEvidence(
  parts: readonly (EvidenceCompleteness | undefined)[],
): EvidenceCompleteness | undefined {
  const known = parts.filter((p): p is EvidenceCompleteness => p !== undefined);
  if (known.length === 0) return undefined;
  const byCause = new Map<string, EvidenceLossSummary>();
  for (const loss of known.flatMap((p) => p.losses)) {
    const seen = byCause.get(loss.cause);
    if (!seen) {
      byCause.set(loss.cause, { ...loss, pages: [...loss.pages] });
      continue;
    }
    seen.count += loss.count;
    seen.occurrences += loss.occurrences;
    seen.pages = [...new Set([...seen.pages, ...loss.pages])];
    if (loss.details) seen.details = [...new Set([...(seen.details ?? []), ...loss.details])].slice(0, 5);
    if (loss.perKey) {
      const counts = new Map((seen.perKey ?? []).map((k) => [k.key, k.count]));
      for (const k of loss.perKey) counts.set(k.key, (counts.get(k.key) ?? 0) + k.count);
      const limit = Math.max(seen.perKey?.length ?? 0, loss.perKey.length);
      seen.perKey = [...counts]
        .map(([key, count]) => ({ key, count }))
        .sort((a, b) => b.count - a.count)
        .slice(0, limit);
    }
  }
  return { complete: known.every((p) => p.complete), losses: [...byCause.values()] };
}

function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
