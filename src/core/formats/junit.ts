import { XMLBuilder } from 'fast-xml-parser';
import type { Baseline } from '../config/inspector-config-schema';
import { findingsOf } from '../engine/findings';
import { formatClauseLocation } from '../policy/policy-model';
import type { Finding, Report, Violation } from '../report/report-types';
import { hostAndPath } from '../rules/describe';
import {
  type FindingChange,
  type FindingStatus,
  type FormatInput,
  findingChanges,
  findingStatuses,
  statusOfFinding,
} from './format-input';
import { rulesForReport } from './rule-descriptions';
import { clip, listWithMore, MAX_TEXT_CHARS } from './text-bounds';
import { xmlText } from './xml-text';

/** The test case that stands for loading a page, for pages the audit could not load. */
export const PAGE_LOAD_CASE = 'page-load';

/** A failure lists a summary, clauses and up to a hundred evidence ids. */
const MAX_BODY_CHARS = MAX_TEXT_CHARS * 4;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  processEntities: true,
  format: true,
  suppressEmptyNode: true,
});

/**
 * JUnit XML for CI test views: one <testsuite> per page; in it a failing
 * <testcase> per finding seen on that page (one problem, naming every rule
 * and clause it breaks) and a passing one per rule of the policy that nothing
 * there broke. A finding whose violations are all accepted by a baseline is
 * <skipped>, saying by whom and until when. It follows the Jenkins JUnit schema, which
 * Jenkins, GitLab and most CI test views read.
 *
 * fast-xml-parser's builder escapes markup, every "&" included (so "<", "&amp;"
 * and "]]>" read back as written; no CDATA is used); xmlText replaces what
 * XML 1.0 cannot carry at all.
 */
export function toJUnitXml({ report, rules, baselines, failOnNew }: FormatInput): string {
  const changeOf = findingChanges(report);
  const context: SuiteContext = {
    report,
    ...(changeOf && { changeOf }),
    failOnNew: failOnNew === true && changeOf !== undefined,
    // A rule that only gives advice would show as a passing test of a promise the policy never made.
    ruleIds: rulesForReport(rules, report.violations)
      .filter((r) => !r.advice)
      .map((r) => r.id),
    statusOf: findingStatuses(baselines),
    pageOf: new Map(report.observations.map((o) => [o.id, o.pageUrl])),
  };
  const testsuite = pageSuites(report).map((page) => suiteElement(page, context));
  const sum = (key: '@tests' | '@failures' | '@errors') => testsuite.reduce((n, s) => n + s[key], 0);
  const document = {
    testsuites: {
      '@name': xmlText(`${report.tool.name}: ${report.policy.id} ${report.policy.version}`),
      '@tests': sum('@tests'),
      '@failures': sum('@failures'),
      '@errors': sum('@errors'),
      testsuite,
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(document)}`;
}

interface SuiteContext {
  report: Report;
  /** With a comparison (--compare): whether a finding is new since the run compared with. */
  changeOf?: (finding: Finding) => FindingChange;
  /** --fail-on-new: a finding the previous run had too, or a new intermittent one, is skipped, not failed. */
  failOnNew: boolean;
  ruleIds: string[];
  statusOf: (violationId: string) => FindingStatus;
  /** Each observation's page, to list the evidence recorded on the page of a suite. */
  pageOf: ReadonlyMap<string, string>;
}

interface PageSuite {
  url: string;
  startedAt?: string;
  loadError?: string;
}

/** Each page once, in visit order; a page that only a violation or an error names still gets its suite. */
function pageSuites(report: Report): PageSuite[] {
  const byUrl = new Map<string, PageSuite>();
  for (const page of report.pages) {
    if (!byUrl.has(page.url)) byUrl.set(page.url, { url: page.url, startedAt: page.startedAt });
  }
  for (const v of report.violations) {
    for (const url of v.pageUrls) if (!byUrl.has(url)) byUrl.set(url, { url });
  }
  for (const { url, message } of report.errors ?? []) {
    byUrl.set(url, { ...byUrl.get(url), url, loadError: message });
  }
  return [...byUrl.values()];
}

function suiteElement(page: PageSuite, context: SuiteContext) {
  // What a page only found in storage fails no test of it (Violation.notThisPage).
  const onPage = context.report.violations.filter((v) => !v.notThisPage && v.pageUrls.includes(page.url));
  const findings = findingsOf(onPage);
  // CI views group test cases by class name: "www.jeejio.com/shop".
  const classname = xmlText(hostAndPath(page.url));
  const broken = new Set(findings.flatMap((f) => f.rules));
  const violationById = new Map(onPage.map((v) => [v.id, v]));
  const cases = [
    ...findings.map((f) =>
      findingCase(
        f,
        f.violationIds.flatMap((id) => violationById.get(id) ?? []),
        classname,
        page.url,
        context,
      ),
    ),
    // Each rule not broken here passes once; a broken one is in the finding that breaks it.
    ...context.ruleIds
      .filter((id) => !broken.has(id))
      .map((id) => ({ '@name': xmlText(id), '@classname': classname })),
  ];
  const loadCases = page.loadError === undefined ? [] : [loadErrorCase(page.url, page.loadError, classname)];
  return {
    '@name': xmlText(page.url),
    '@tests': cases.length + loadCases.length,
    '@failures': cases.filter((c) => 'failure' in c).length,
    '@errors': loadCases.length,
    '@skipped': cases.filter((c) => 'skipped' in c).length,
    ...(page.startedAt !== undefined && { '@timestamp': page.startedAt }),
    properties: { property: properties(context.report) },
    testcase: [...loadCases, ...cases],
  };
}

/** One problem, one test case: failing, or skipped when every violation in it is accepted. */
function findingCase(
  finding: Finding,
  violations: readonly Violation[],
  classname: string,
  pageUrl: string,
  { statusOf, pageOf, changeOf, failOnNew }: SuiteContext,
) {
  const status = statusOfFinding(finding, statusOf);
  const change = changeOf?.(finding);
  // Several findings of one rule on a page (three insecure login cookies) are told apart by what each is about.
  const name = xmlText(`${finding.rules.join(' + ')}: ${violations[0]?.subject ?? finding.id}`, 300);
  if (status.state === 'accepted') {
    const lines = violations.map((v) => {
      const s = statusOf(v.id);
      return s.state === 'accepted' ? acceptedLine(v, s.baseline) : '';
    });
    return { '@name': name, '@classname': classname, skipped: xmlText(lines.join('\n'), MAX_BODY_CHARS) };
  }
  if (failOnNew && change !== undefined && change !== 'new') {
    return {
      '@name': name,
      '@classname': classname,
      skipped: xmlText(`${CHANGE_LINES[change]}: --fail-on-new fails new findings only. ${finding.summary}`),
    };
  }
  const here = finding.observationIds.filter((id) => pageOf.get(id) === pageUrl);
  const lapsed = status.state === 'acceptance-expired' ? status.baseline : undefined;
  return {
    '@name': name,
    '@classname': classname,
    failure: {
      '@type': finding.severity,
      '@message': xmlText(`${finding.rules[0]}: ${finding.summary}`),
      '#text': xmlText(
        failureText(finding, violations, here.length > 0 ? here : finding.observationIds, lapsed, change),
        MAX_BODY_CHARS,
      ),
    },
  };
}

function loadErrorCase(url: string, message: string, classname: string) {
  return {
    '@name': PAGE_LOAD_CASE,
    '@classname': classname,
    error: {
      '@type': 'page-load',
      '@message': xmlText(message),
      '#text': xmlText(`Could not load ${url}: ${message}\nIts findings are missing, not clean.`),
    },
  };
}

function properties(report: Report): { '@name': string; '@value': string }[] {
  const values: [string, string][] = [
    ['policy', `${report.policy.id} ${report.policy.version}`],
    ['policy-sha256', report.policy.sha256],
    ['rule-set', report.ruleSetVersion],
    ['tool', `${report.tool.name} ${report.tool.version}`],
    ...(report.browser
      ? [['browser', `${report.browser.name} ${report.browser.version}`] as [string, string]]
      : []),
    ...(report.summary.thirdPartyCookies
      ? [['third-party-cookies', report.summary.thirdPartyCookies.mode] as [string, string]]
      : []),
    // Each scenario's suites are named by their pages alike: the property tells the runs apart.
    ...(report.scenario ? [['scenario', report.scenario.name] as [string, string]] : []),
  ];
  return values.map(([name, value]) => ({ '@name': name, '@value': xmlText(value) }));
}

function failureText(
  finding: Finding,
  violations: readonly Violation[],
  evidence: readonly string[],
  lapsed: Baseline | undefined,
  change: FindingChange | undefined,
): string {
  const lines = [
    clip(finding.summary),
    ...violations.flatMap((v) => [
      `Breaks: ${formatClauseLocation(v.clause)}, ${v.clause.title} (${v.rule})`,
      ...v.alsoCites.map((c) => `  Also cites: ${formatClauseLocation(c)}, ${c.title}`),
    ]),
    `Severity: ${finding.severity}${finding.verified ? '' : ' (unverified claim: the page could have forged it)'}`,
    `Evidence: ${listWithMore(evidence)}`,
    `Finding: ${finding.id} (violations ${listWithMore(finding.violationIds)})`,
  ];
  if (change) lines.push(CHANGE_LINES[change]);
  if (lapsed) {
    lines.push(
      `Acceptance expired on ${lapsed.expires} (${clip(lapsed.owner, 200)}: ${clip(lapsed.reason, 500)}): failing again.`,
    );
  }
  return lines.join('\n');
}

const CHANGE_LINES: Record<FindingChange, string> = {
  new: 'New since the run compared with',
  'new-intermittent':
    'New since the run compared with, intermittent (seen in some visits of a page, not all)',
  known: 'Seen in the run compared with too',
};

function acceptedLine(violation: Violation, baseline: Baseline): string {
  return `Accepted until ${baseline.expires} by ${clip(baseline.owner, 200)}: ${clip(baseline.reason, 500)} (${violation.id}: ${clip(violation.summary)})`;
}
