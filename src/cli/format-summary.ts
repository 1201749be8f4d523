import type { BaselineOutcome } from '../core/config/apply-baselines';
import { failingViolations, violationsThatMayFail } from '../core/config/exit-code';
import type { Baseline, FailOn } from '../core/config/inspector-config-schema';
import { findingsOf } from '../core/engine/findings';
import { formatClauseLocation } from '../core/policy/policy-model';
import type {
  ComparedCookie,
  ComparedFinding,
  ComparedStorageKey,
  ReportComparison,
} from '../core/report/compare-reports';
import type { ThirdPartyCookies } from '../core/report/cookie-jar-outcome';
import { lossPhrase } from '../core/report/evidence-completeness';
import type { Finding, Report, Violation } from '../core/report/report-types';
import { terminalSafe } from '../core/util/terminal-safe';
import { inEnglish } from '../core/wording/phrase';
import { plural } from '../core/wording/plural';

/** How the audit judged the violations: which baselines applied, and the severity that fails. */
export interface AuditVerdict {
  baselines: BaselineOutcome;
  failOn: FailOn;
  /** --fail-on-new: only findings new since the run compared with (report.comparison) fail. */
  failOnNew?: boolean;
}

/**
 * The human summary printed after an audit: a table of the findings that
 * stand (one row per problem, with every clause it breaks), then totals; with a verdict, also what baselines accepted, which
 * acceptances expired and which matched nothing, and what fails the run.
 */
export function formatSummary(report: Report, verdict?: AuditVerdict): string {
  const lines: string[] = [];
  const s = report.summary;
  lines.push(
    `Audited ${counted(s.pages, 'page')}: ${counted(s.cookies, 'cookie')} (${s.unclassifiedCookies} unclassified), ${counted(s.observations, 'observation')}.`,
  );
  lines.push(
    `Policy: ${report.policy.id} ${report.policy.version} (sha256 ${report.policy.sha256.slice(0, 12)}…)`,
  );
  if (report.browser) lines.push(`Browser: ${report.browser.name} ${report.browser.version}`);
  if (report.scenario) lines.push(`Scenario: ${report.scenario.name} (${report.scenario.description})`);
  lines.push(...mergedLines(report));
  const thirdParty = s.thirdPartyCookies;
  if (thirdParty) lines.push(thirdPartyCookieLine(thirdParty));
  lines.push(...lossLines(report));
  lines.push(...errorLines(report));
  const advice = report.advice ?? [];
  if (report.violations.length === 0) {
    // Said only of what was audited: a page that could not be loaded is not clean, only unknown.
    lines.push(
      (report.errors?.length ?? 0) > 0
        ? 'No violations found on the pages that could be audited.'
        : 'No violations found.',
    );
    if (advice.length > 0) lines.push(...adviceLines(advice));
    if (report.comparison) lines.push(...comparisonLines(report.comparison, report));
    return lines.join('\n');
  }
  const standing = findingsOf(verdict?.baselines.kept ?? report.violations);
  const own = standing.filter((finding) => !finding.notThisPage);
  if (own.length > 0) lines.push('', ...findingTable(own), '');
  const f = s.findingsBySeverity;
  lines.push(
    `${counted(s.findings, 'finding')}: ${f.high} high, ${f.medium} medium, ${f.low} low (${counted(s.violations, 'rule violation')} in all).`,
  );
  const foundOnly = standing.filter((finding) => finding.notThisPage);
  if (foundOnly.length > 0) lines.push(...foundOnlyLines(foundOnly));
  if (advice.length > 0) lines.push(...adviceLines(advice));
  if (report.comparison) lines.push(...comparisonLines(report.comparison, report));
  if (verdict) lines.push(...verdictLines(verdict, advice, report.comparison));
  return lines.join('\n');
}

/** Pages that could not be audited, with why: their absence from the findings says nothing about them. */
function errorLines(report: Report): string[] {
  const errors = report.errors ?? [];
  if (errors.length === 0) return [];
  return [
    `Not audited: ${counted(errors.length, 'page')} could not be loaded, so nothing is known of ${errors.length === 1 ? 'it' : 'them'}.`,
    ...errors.map((e) => `  ${e.url}: ${e.message.split('\n')[0]?.slice(0, 200)}`),
  ];
}

/** Said before any finding: the findings rest on what was kept, and a reader must know when that is not all. */
function lossLines(report: Report): string[] {
  const losses = report.evidence?.losses ?? [];
  if (losses.length === 0) return [];
  return [
    'Evidence incomplete: limits dropped or cut some of what the pages did.',
    ...losses.map((loss) => `  ${inEnglish(lossPhrase(loss))}`),
  ];
}

/** The browser's mode, which decides what a third party could keep: reports say which it was in. */
function thirdPartyCookieLine(c: ThirdPartyCookies): string {
  if (c.mode === 'unknown')
    return 'Third-party cookies: none was sent, so whether the browser blocks them is unknown.';
  const what = `${c.refused} refused, ${c.stored} stored, ${c.partitioned} partitioned, of ${c.attempted}`;
  const mode = {
    blocked: 'blocked them',
    allowed: 'allowed them',
    partitioned: 'kept each apart, in a jar of the site it was set on',
    mixed: 'stored some and refused others',
  }[c.mode];
  return `Third-party cookies: the browser ${mode} (${what}).`;
}

/** Advice is listed apart: its bound is guidance, not the policy, so it never fails a run. */
function adviceLines(advice: readonly Violation[]): string[] {
  return [
    `Advice (a bound from guidance, not the policy; never failing): ${advice.length}`,
    ...advice.map((a) => `  ${a.rule} ${truncate(a.subject, 60)}: ${truncate(a.summary, 90)}`),
  ];
}

/** Keys found in storage that no audited page wrote: listed, never counted or failing (Violation.notThisPage). */
function foundOnlyLines(findings: readonly Finding[]): string[] {
  return [
    `Found in storage, not done by any audited page (left earlier or by another tab; not counted, never failing): ${findings.length}`,
    ...findings.map((f) => `  ${f.rules.join(' + ')}: ${clean(f.summary)}`),
  ];
}

/** The width of the last column, WHAT, before it goes on on the next line: never cut, so no leaked value is hidden. */
const WHAT_WIDTH = 72;

function findingTable(findings: readonly Finding[]): string[] {
  const rows = findings.map((f) => [
    f.severity.toUpperCase(),
    truncate(f.rules.join(' + '), 60),
    f.clauses.map(formatClauseLocation).join('; '),
    truncate(
      pageLabel(f.pageUrls[0] ?? '') + (f.pageUrls.length > 1 ? ` +${f.pageUrls.length - 1}` : ''),
      44,
    ),
    String(f.observationIds.length),
  ]);
  const header = ['SEVERITY', 'RULES', 'CLAUSES', 'PAGES', 'EVIDENCE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const indent = ' '.repeat(format(header).length + 2);
  return [
    `${format(header)}  WHAT`,
    ...rows.flatMap((cells, i) => {
      const finding = findings[i];
      const seen = finding?.seenInVisits;
      const what = `${clean(finding?.summary ?? '')}${seen && finding.intermittent ? ` (intermittent: seen in ${seen.visits} of ${seen.of} visits)` : ''}`;
      const [first = '', ...rest] = wrapWords(what, WHAT_WIDTH);
      return [`${format(cells)}  ${first}`.trimEnd(), ...rest.map((line) => `${indent}${line}`)];
    }),
  ];
}

/** Lines of at most `width` characters, broken between words; a word longer than that has a line of its own. */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function counted(n: number, noun: string): string {
  return `${n} ${plural(n, noun)}`;
}

/** A merged report's parts: when and in what browser each ran, said when they differ. */
function mergedLines(report: Report): string[] {
  const parts = report.merged;
  if (!parts) return [];
  const browsers = [
    ...new Set(parts.map((p) => (p.browser ? `${p.browser.name} ${p.browser.version}` : 'unknown'))),
  ];
  return [
    `Merged from ${counted(parts.length, 'report')}${browsers.length > 1 ? `, run in different browsers: ${browsers.join(', ')}` : ''}.`,
  ];
}

/** What changed since the run compared with: the counts, then each new finding, then each gone one. */
export function comparisonLines(
  c: ReportComparison,
  current?: Pick<Report, 'ruleSetVersion' | 'policy'>,
): string[] {
  const added = c.thirdParties.new.length + c.cookies.new.length + c.storageKeys.new.length;
  const gone = c.thirdParties.gone.length + c.cookies.gone.length + c.storageKeys.gone.length;
  const line = (f: ComparedFinding) =>
    `  ${f.severity.toUpperCase()} ${f.rules.join(' + ')}${f.intermittent ? ' (intermittent)' : ''}: ${truncate(f.summary, 100)}`;
  return [
    '',
    `Compared with the run of ${c.previous.generatedAt}: ${c.findings.new.length} new, ${c.findings.gone.length} gone ${plural(c.findings.gone.length, 'finding')}; ${added} new, ${gone} gone third parties, cookies and storage keys.`,
    ...judgedAlike(c, current),
    ...(c.findings.new.length > 0 ? ['New findings:', ...c.findings.new.map(line)] : []),
    ...(c.findings.gone.length > 0 ? ['Gone findings:', ...c.findings.gone.map(line)] : []),
    ...c.thirdParties.new.map(
      (t) => `  New third party: ${clean(t.host)}${t.vendor ? ` (${clean(t.vendor)})` : ''}`,
    ),
    ...c.thirdParties.gone.map(
      (t) => `  Gone third party: ${clean(t.host)}${t.vendor ? ` (${clean(t.vendor)})` : ''}`,
    ),
    ...listed('New cookie', c.cookies.new.map(cookieName)),
    ...listed('Gone cookie', c.cookies.gone.map(cookieName)),
    ...listed('New storage key', c.storageKeys.new.map(storageKeyName)),
    ...listed('Gone storage key', c.storageKeys.gone.map(storageKeyName)),
  ];
}

/** A warning when the two runs were judged by different rules or policies: a change may then be theirs. */
function judgedAlike(c: ReportComparison, current?: Pick<Report, 'ruleSetVersion' | 'policy'>): string[] {
  const before = c.previous;
  if (!current || before.ruleSetVersion === undefined || before.policy === undefined) return [];
  const differs = [
    ...(before.ruleSetVersion !== current.ruleSetVersion
      ? [`rule set ${clean(before.ruleSetVersion)}, this run ${clean(current.ruleSetVersion)}`]
      : []),
    ...(before.policy.id !== current.policy.id || before.policy.version !== current.policy.version
      ? [
          `policy ${clean(before.policy.id)} ${clean(before.policy.version)}, this run ${clean(current.policy.id)} ${clean(current.policy.version)}`,
        ]
      : []),
  ];
  return differs.length === 0
    ? []
    : [
        `WARNING: the run compared with was judged differently (${differs.join('; ')}): a finding may be new or gone because the rules changed, not the site.`,
      ];
}

/** Cookies and storage keys listed in the summary per kind of change; the rest are in report.json. */
export const MAX_LISTED_CHANGES = 10;

const cookieName = (c: ComparedCookie) => `${truncate(c.name, 60)} (${truncate(c.domain, 60)})`;
const storageKeyName = (k: ComparedStorageKey) =>
  `${truncate(k.key, 60)} (${truncate(k.area, 20)}, ${truncate(k.origin, 60)})`;

/** A line for each item up to MAX_LISTED_CHANGES, then how many more report.json's comparison holds. */
function listed(label: string, items: string[]): string[] {
  const lines = items.slice(0, MAX_LISTED_CHANGES).map((item) => `  ${label}: ${item}`);
  const more = items.length - MAX_LISTED_CHANGES;
  if (more > 0) lines.push(`  …and ${more} more ${label.toLowerCase()}s in report.json's comparison`);
  return lines;
}

function verdictLines(
  { baselines, failOn, failOnNew }: AuditVerdict,
  advice: readonly Violation[],
  comparison: ReportComparison | undefined,
): string[] {
  const lines: string[] = [];
  if (baselines.suppressed.length > 0) {
    lines.push(`Suppressed by a baseline (accepted, not failing): ${baselines.suppressed.length}`);
    for (const { violation, baseline } of baselines.suppressed) {
      lines.push(`  ${violation.rule} ${truncate(violation.subject, 60)}: ${acceptance(baseline, 'until')}`);
    }
  }
  if (baselines.expired.length > 0) {
    lines.push(`Expired acceptances (failing again): ${baselines.expired.length}`);
    for (const { violation, baseline } of baselines.expired) {
      lines.push(
        `  ${violation.rule} ${truncate(violation.subject, 60)}: ${acceptance(baseline, 'expired')}`,
      );
    }
  }
  if (baselines.unused.length > 0) {
    lines.push(`Baselines that matched no violation: ${baselines.unused.length}`);
    const adviceRules = new Set(advice.map((a) => a.rule));
    for (const baseline of baselines.unused) {
      const what = baseline.subject ?? baseline.violationId ?? baseline.page ?? '';
      // A rule whose bound is guidance gives advice now, which never fails: nothing is fixed, nothing to accept.
      const note = adviceRules.has(baseline.rule) ? '; this rule gives advice now, which never fails' : '';
      lines.push(`  ${baseline.rule} ${truncate(what, 60)} (${truncate(baseline.owner, 40)}${note})`);
    }
  }
  const onlyNew = failOnNew === true && comparison !== undefined;
  const mayFail = violationsThatMayFail(baselines.kept, comparison, onlyNew);
  const failing = findingsOf(failingViolations(mayFail, failOn)).length;
  const which = onlyNew ? 'new finding' : 'finding';
  // New, but seen in only some visits (--repeat): listed above, and said here, since they do not fail.
  const intermittentNew = onlyNew ? (comparison?.findings.new.filter((f) => f.intermittent).length ?? 0) : 0;
  const unfailed =
    intermittentNew > 0
      ? ` ${counted(intermittentNew, 'new finding')} seen in only some visits (intermittent) ${intermittentNew === 1 ? 'does' : 'do'} not fail.`
      : '';
  lines.push(
    failing > 0
      ? `Failing: ${counted(failing, which)} at or above --fail-on ${failOn}${onlyNew ? ' (--fail-on-new)' : ''}.${unfailed}`
      : `Passing: no ${intermittentNew > 0 ? `steady ${which}` : which} at or above --fail-on ${failOn}${onlyNew ? ' (--fail-on-new)' : ''}.${unfailed}`,
  );
  return lines;
}

function acceptance(baseline: Baseline, word: 'until' | 'expired'): string {
  return `${word} ${baseline.expires}, ${truncate(baseline.owner, 40)}: ${truncate(baseline.reason, 80)}`;
}

function pageLabel(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url;
  }
}

function truncate(text: string, max: number): string {
  const safe = clean(text);
  return safe.length <= max ? safe : `${safe.slice(0, max - 1)}…`;
}

/** Control characters from hostile cookie names must not drive the terminal. */
const clean = terminalSafe;
