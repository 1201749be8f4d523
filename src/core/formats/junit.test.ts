import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junitProblems } from '../../../tests/schemas/format-validators';
import { demoReport, HOSTILE_TEXT, hostileReport, violationOf } from '../../../tests/support/reports';
import { applyBaselines } from '../config/apply-baselines';
import type { Baseline } from '../config/inspector-config-schema';
import { findingsOf } from '../engine/findings';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { PAGE_LOAD_CASE, toJUnitXml } from './junit';
import { describePolicyRules } from './rule-descriptions';

const rules = describePolicyRules(policy);

interface Failure {
  '@message': string;
  '#text': string;
}

interface TestCase {
  '@name': string;
  failure?: Failure[];
  skipped?: string;
  error?: { '@message': string };
}

interface TestSuite {
  '@name': string;
  '@failures': string;
  testcase: TestCase[];
}

/** The XML as a conforming parser reads it back, entities decoded. */
function parse(xml: string): TestSuite[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: false,
    isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name),
  });
  return (parser.parse(xml) as { testsuites: { testsuite: TestSuite[] } }).testsuites.testsuite;
}

const suiteOf = (xml: string, url: string) => parse(xml).find((s) => s['@name'] === url);
/** A rule's passing case, or the case of a finding whose lead rule it is (named "rule[ + rule]: subject"). */
const caseOf = (suite: TestSuite | undefined, rule: string, subjectStart = '') =>
  suite?.testcase.find(
    (c) =>
      c['@name'] === rule || (c['@name'].startsWith(`${rule}`) && c['@name'].includes(`: ${subjectStart}`)),
  );

describe('toJUnitXml', () => {
  it('follows the Jenkins JUnit schema', async () => {
    expect(await junitProblems(toJUnitXml({ report: demoReport(), rules }))).toEqual([]);
  });

  it('has a suite per page, a failing case per finding there and a passing case per rule nothing broke, none for advice', () => {
    const report = demoReport();
    const suites = parse(toJUnitXml({ report, rules }));
    expect(suites.map((s) => s['@name'])).toEqual(report.pages.map((p) => p.url));
    const promised = rules.filter((r) => !r.advice).map((r) => r.id);
    expect(promised).not.toContain('retention-too-long');
    for (const suite of suites) {
      const failing = suite.testcase.filter((c) => c.failure);
      const onPage = findingsOf(report.violations.filter((v) => v.pageUrls.includes(suite['@name'])));
      expect(failing).toHaveLength(onPage.length);
      expect(Number(suite['@failures'])).toBe(onPage.length);
      const broken = new Set(onPage.flatMap((f) => f.rules));
      expect(suite.testcase.filter((c) => !c.failure).map((c) => c['@name'])).toEqual(
        promised.filter((id) => !broken.has(id)),
      );
    }
  });

  it('fails one case per finding, naming every clause it breaks', () => {
    const report = demoReport();
    const xml = toJUnitXml({ report, rules });
    const page = violationOf(report, 'statistics-identifiable', 'Baidu Tongji').pageUrl;
    const baidu = suiteOf(xml, page)?.testcase.find((c) => c['@name'].includes('statistics-identifiable'));
    expect(baidu?.failure).toHaveLength(1);
    const text = baidu?.failure?.[0]?.['#text'] ?? '';
    for (const section of ['§3', '§4', '§7']) expect(text).toContain(`Breaks: ${section}`);
  });

  it('fails a case per finding seen on its page, with the summary, clause and evidence', () => {
    const report = demoReport();
    const token = violationOf(report, 'cookie-login-insecure', 'token@');
    const xml = toJUnitXml({ report, rules });
    const failures =
      caseOf(suiteOf(xml, 'https://www.jeejio.com/'), 'cookie-login-insecure', 'token@')?.failure ?? [];
    expect(failures).toHaveLength(1);
    expect(failures[0]?.['@message']).toBe(`cookie-login-insecure: ${token.summary}`);
    expect(failures[0]?.['#text']).toContain('Breaks: §6, line 89');
    // The evidence listed is what was recorded on this page; the token cookie was seen on later pages too.
    const here = report.observations.filter((o) => o.pageUrl === 'https://www.jeejio.com/').map((o) => o.id);
    const [onHome, elsewhere] = [
      token.observationIds.filter((id) => here.includes(id)),
      token.observationIds.filter((id) => !here.includes(id)),
    ];
    expect(onHome.length).toBeGreaterThan(0);
    expect(failures[0]?.['#text']).toContain(`Evidence: ${onHome.join(' ')}\n`);
    for (const id of elsewhere) expect(failures[0]?.['#text']).not.toContain(id);
    expect(failures[0]?.['#text']).toContain(`Finding: ${token.findingId} (violations ${token.id})`);
    // A page only lists what was seen there.
    const open = suiteOf(xml, 'https://open.jeejio.com/');
    expect(caseOf(open, 'cookie-sensitive-in-clear')?.failure).toBeUndefined();
    expect(
      open?.testcase
        .filter((c) => c['@name'].startsWith('cookie-login-insecure'))
        .map((c) => c.failure?.[0]?.['@message']),
    ).toEqual([
      `cookie-login-insecure: ${violationOf(report, 'cookie-login-insecure', 'PHPSESSID@').summary}`,
    ]);
  });

  it('escapes hostile text so that a parser reads it back as written, and bounds huge values', async () => {
    const report = hostileReport();
    const xml = toJUnitXml({ report, rules });
    expect(await junitProblems(xml)).toEqual([]);
    expect(xml).not.toContain(']]>');
    expect(xml.length).toBeLessThan(500_000);
    const [hostile, huge] = report.violations;
    const failures = parse(xml).flatMap((s) => s.testcase.flatMap((c) => c.failure ?? []));
    // What XML 1.0 cannot carry (NUL, other C0 controls, a lone surrogate) becomes U+FFFD;
    // a parser turns the CRLF into LF; the rest, DEL and the RTL override included, reads back as written.
    const readable =
      '=HYPERLINK("x")<b>&amp; ]]> \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\u007f \uFFFD \u202e, "q"\nend';
    expect(HOSTILE_TEXT).toBe(
      '=HYPERLINK("x")<b>&amp; ]]> \u0000\u0001\u0008\u000b\u001b\u007f \ud800 \u202e, "q"\r\nend',
    );
    expect(failures.map((f) => f['@message'])).toContain(`${hostile?.rule}: ${readable}`);
    expect(suiteOf(xml, 'not a URL <at all>')).toBeDefined();
    const clipped = failures.find((f) => f['#text'].includes(`violations ${huge?.id}`));
    expect(clipped?.['@message'].length).toBeLessThanOrEqual(2000);
    expect(clipped?.['@message'].endsWith('…')).toBe(true);
  });

  it('skips a case whose violations a baseline accepts, and fails one whose acceptance expired', async () => {
    const report = demoReport();
    const accepted: Baseline = {
      rule: 'cookie-login-insecure',
      subject: violationOf(report, 'cookie-login-insecure', 'token@').subject,
      reason: 'Fixed in the next release',
      owner: 'web-team',
      expires: '2030-01-31',
    };
    const lapsed: Baseline = {
      ...accepted,
      rule: 'cookie-sensitive-in-clear',
      subject: violationOf(report, 'cookie-sensitive-in-clear', 'user_phone@').subject,
      expires: '2020-01-01',
    };
    const baselines = applyBaselines(report.violations, [accepted, lapsed], new Date('2025-06-01'));
    const xml = toJUnitXml({ report, rules, baselines });
    expect(await junitProblems(xml)).toEqual([]);
    const home = suiteOf(xml, 'https://www.jeejio.com/');
    const insecure = caseOf(home, 'cookie-login-insecure', 'token@');
    expect(insecure?.failure).toBeUndefined();
    expect(insecure?.skipped).toContain('Accepted until 2030-01-31 by web-team: Fixed in the next release');
    expect(caseOf(home, 'cookie-sensitive-in-clear', 'user_phone@')?.failure?.[0]?.['#text']).toContain(
      'Acceptance expired on 2020-01-01',
    );
  });

  it('reports a page that could not be loaded as an error, not as clean', async () => {
    const report = {
      ...demoReport(),
      errors: [{ url: 'https://www.jeejio.com/down', message: 'net::ERR_TIMED_OUT' }],
    };
    const xml = toJUnitXml({ report, rules });
    expect(await junitProblems(xml)).toEqual([]);
    const load = caseOf(suiteOf(xml, 'https://www.jeejio.com/down'), PAGE_LOAD_CASE);
    expect(load?.error?.['@message']).toBe('net::ERR_TIMED_OUT');
  });

  it('keeps a violation of a rule the given policy does not have', () => {
    const xml = toJUnitXml({
      report: demoReport(),
      rules: rules.filter((r) => r.id !== 'cookie-login-insecure'),
    });
    expect(
      caseOf(suiteOf(xml, 'https://www.jeejio.com/'), 'cookie-login-insecure', 'token@')?.failure,
    ).toHaveLength(1);
  });
});

describe('toJUnitXml of a scenario', () => {
  it('names the scenario in every suite, so the runs of one audit are told apart in CI', () => {
    const report = {
      ...demoReport(),
      scenario: { name: 'reject' as const, description: 'Banner answered "reject all".' },
    };
    const xml = toJUnitXml({ report, rules });
    expect(xml).toContain('<property name="scenario" value="reject"');
    expect(toJUnitXml({ report: demoReport(), rules })).not.toContain('name="scenario"');
  });
});
