import type { Purpose } from '../classify/purpose';
import type { AuditScenarioName, ConsentOutcome, GpcSupport } from '../report/report-scenario';
import type { Report } from '../report/report-types';
import { pageKey, type Trace, type TraceKind, tracesByPage } from './page-traces';

/**
 * A finding on one page, as compared across runs: its id is derived from its
 * rule and subject, so it is the same in both, and a finding the default
 * visit made on one page is new on another.
 */
export interface ComparedFinding {
  id: string;
  rule: string;
  severity: string;
  title: string;
  summary: string;
  clause: string;
  pageUrl: string;
}

/** One page of a scenario beside the same page of the default visit. */
export interface PageDifference {
  pageUrl: string;
  /** Traces the default visit left that this scenario did not: what the scenario stopped. */
  stopped: Trace[];
  /** Traces both left: what the scenario did not stop. */
  kept: Trace[];
  /** Traces only this scenario left. */
  added: Trace[];
  /**
   * gpc: whether the page stopped what tracks a visitor (every trace of a
   * known tracking purpose: advertising, social, session replay,
   * fingerprinting) when GPC was sent; absent when the default visit had
   * nothing of the kind to stop.
   */
  gpc?: 'honoured' | 'ignored' | 'partly honoured';
}

/** A scenario's run beside the default run. */
export interface ScenarioDifference {
  scenario: AuditScenarioName;
  newFindings: ComparedFinding[];
  goneFindings: ComparedFinding[];
  /** Findings the scenario did not make go away. */
  keptFindings: ComparedFinding[];
  pages: PageDifference[];
  /**
   * refuse-cookies: what still follows a visitor who refused cookies, page by
   * page (storage, beacons, third parties, fingerprinting): §7 line 94 says
   * refusal is the visitor's way out, and these are what it did not close.
   */
  refusalLeft?: { pageUrl: string; traces: Trace[] }[];
  /** accept/reject: each banner's answer, with the cookies stored before the choice and after it. */
  consent?: ConsentDifference[];
  /** gpc: what each site's /.well-known/gpc.json says, its own word beside what the visit showed. */
  gpcSupport?: GpcSupport[];
}

export interface ConsentDifference extends ConsentOutcome {
  /** Cookies the browser stored on the page before any choice was made. */
  beforeChoice: Trace[];
  /** Cookies the browser stored after the choice (for `reject`: despite it). */
  afterChoice: Trace[];
}

export interface ScenarioRun {
  scenario: AuditScenarioName;
  report: Report;
}

/** Each scenario's run set beside the default's; the default run must be among `runs`. */
export function compareScenarios(runs: readonly ScenarioRun[]): ScenarioDifference[] {
  const baseline = runs.find((run) => run.scenario === 'default');
  if (!baseline) throw new Error('Scenarios are compared with the default visit, which is missing.');
  const baseTraces = tracesByPage(baseline.report);
  const baseFindings = findingsOf(baseline.report);
  return runs
    .filter((run) => run !== baseline)
    .map((run) => {
      const findings = findingsOf(run.report);
      const traces = tracesByPage(run.report);
      const pages = [...new Set([...baseTraces.keys(), ...traces.keys()])].map((pageUrl) =>
        pageDifference(pageUrl, baseTraces.get(pageUrl) ?? [], traces.get(pageUrl) ?? []),
      );
      if (run.scenario === 'gpc') for (const page of pages) withGpcVerdict(page);
      const difference: ScenarioDifference = {
        scenario: run.scenario,
        newFindings: [...findings].filter(([key]) => !baseFindings.has(key)).map(([, f]) => f),
        goneFindings: [...baseFindings].filter(([key]) => !findings.has(key)).map(([, f]) => f),
        keptFindings: [...findings].filter(([key]) => baseFindings.has(key)).map(([, f]) => f),
        pages,
      };
      if (run.scenario === 'refuse-cookies')
        difference.refusalLeft = [...traces]
          .map(([pageUrl, left]) => ({ pageUrl, traces: byWhatFollows(left) }))
          .filter((page) => page.traces.length > 0);
      const consent = run.report.scenario?.consent;
      if (consent) {
        const observedAt = new Map(run.report.observations.map((o) => [o.id, Date.parse(o.observedAt)]));
        difference.consent = consent.map((outcome) => aroundChoice(traces, observedAt, outcome));
      }
      const gpcSupport = run.report.scenario?.gpcSupport;
      if (gpcSupport) difference.gpcSupport = gpcSupport;
      return difference;
    });
}

/**
 * What refusal left, the most direct ways to follow a visitor first (an id
 * sent, a fingerprint read, storage kept), so the few a line names are those.
 */
const FOLLOWS_FIRST: readonly TraceKind[] = [
  'identifier',
  'fingerprinting',
  'storage',
  'cookie',
  'beacon',
  'third-party',
];
const byWhatFollows = (traces: Trace[]) =>
  [...traces].sort((a, b) => FOLLOWS_FIRST.indexOf(a.kind) - FOLLOWS_FIRST.indexOf(b.kind));

function pageDifference(pageUrl: string, before: Trace[], after: Trace[]): PageDifference {
  const keyOf = (t: Trace) => `${t.kind} ${t.key}`;
  const afterKeys = new Set(after.map(keyOf));
  const beforeKeys = new Set(before.map(keyOf));
  return {
    pageUrl,
    stopped: before.filter((t) => !afterKeys.has(keyOf(t))),
    kept: after.filter((t) => beforeKeys.has(keyOf(t))),
    added: after.filter((t) => !beforeKeys.has(keyOf(t))),
  };
}

/**
 * What tracks a visitor, as GPC asks a site to stop (the sale or sharing of
 * data for cross-site advertising): traces of a known tracking purpose.
 * Usage statistics, and traces of unknown purpose, are listed with the others
 * but decide nothing: the verdict would otherwise rest on a guess.
 */
const TRACKING_PURPOSES: ReadonlySet<string> = new Set<Purpose>([
  'advertising',
  'social',
  'session-replay',
  'fingerprinting',
]);
const tracks = (t: Trace) => TRACKING_PURPOSES.has(t.purpose) || t.kind === 'fingerprinting';

function withGpcVerdict(page: PageDifference): void {
  const stopped = page.stopped.filter(tracks).length;
  const kept = page.kept.filter(tracks).length + page.added.filter(tracks).length;
  if (stopped + kept === 0) return;
  page.gpc = kept === 0 ? 'honoured' : stopped === 0 ? 'ignored' : 'partly honoured';
}

/** Each violation once per page it was seen on, keyed by id and page. */
function findingsOf(report: Report): Map<string, ComparedFinding> {
  return new Map(
    report.violations.flatMap((v) =>
      (v.pageUrls.length > 0 ? v.pageUrls : [v.pageUrl]).map((pageUrl) => [
        `${v.id} ${pageKey(pageUrl)}`,
        {
          id: v.id,
          rule: v.rule,
          severity: v.severity,
          title: v.title,
          summary: v.summary,
          clause: `${v.clause.section} lines ${v.clause.lines.from}–${v.clause.lines.to}`,
          pageUrl,
        },
      ]),
    ),
  );
}

/** The cookies a page's visit stored (from the run's traces), split at the moment its banner was answered. */
function aroundChoice(
  traces: ReadonlyMap<string, Trace[]>,
  at: ReadonlyMap<string, number>,
  outcome: ConsentOutcome,
): ConsentDifference {
  const decidedAt = outcome.decidedAt === undefined ? undefined : Date.parse(outcome.decidedAt);
  const cookies = (traces.get(pageKey(outcome.pageUrl)) ?? []).filter((t) => t.kind === 'cookie');
  // No choice made: everything the page stored, it stored before any.
  const before = (t: Trace) => decidedAt === undefined || (at.get(t.observationId) ?? 0) < decidedAt;
  return {
    ...outcome,
    beforeChoice: cookies.filter(before),
    afterChoice: cookies.filter((t) => !before(t)),
  };
}
