import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Log } from 'sarif';
import type { Report, Violation } from '../../src/core/report/report-types';
import type { DemoSite } from '../../src/demo-site/server';
import { junitProblems, sarifProblems } from '../schemas/format-validators';
import { audit, type Run, workDir } from './audit-cli-process';
// The shared fixtures start the demo site; no test here asks for the extension, so none is launched.
import { expect, ROOT, test } from './fixtures';

/**
 * The audit as a CI job runs it: a config with hosts and accepted findings,
 * the formats CI reads, and the exit code that gates the pipeline.
 */

const accepted = { reason: 'Ad pixel contract under review (PRIV-12)', owner: 'privacy-office' };
const FAR_FUTURE = '2999-12-31';
const PAST = '2020-01-01';

interface Outcome {
  run: Run;
  out: string;
  report: Report;
}

async function auditWith(
  site: DemoSite,
  config: object,
  args: string[] = [],
  files: Record<string, unknown> = {},
): Promise<Outcome> {
  const out = await workDir({ ...files, 'inspector.config.json': { hostRules: site.hostRules, ...config } });
  const run = await audit([
    '--config',
    join(out, 'inspector.config.json'),
    '--out',
    out,
    '--ignore-https-errors',
    ...args,
  ]);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  return { run, out, report };
}

function violation(report: Report, rule: string, subject: string): Violation {
  const found = report.violations.find((v) => v.rule === rule && v.subject === subject);
  if (!found)
    throw new Error(`No ${rule} violation about ${subject} in ${JSON.stringify(report.violations)}`);
  return found;
}

interface JUnitCase {
  '@name': string;
  failure?: { '@message': string; '#text': string }[];
  skipped?: string;
}

async function junitCases(out: string, page: string): Promise<JUnitCase[]> {
  const xml = await readFile(join(out, 'report.junit.xml'), 'utf8');
  expect(await junitProblems(xml)).toEqual([]);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseAttributeValue: false,
    isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name),
  }).parse(xml) as { testsuites: { testsuite: { '@name': string; testcase: JUnitCase[] }[] } };
  return parsed.testsuites.testsuite.find((s) => s['@name'] === page)?.testcase ?? [];
}

async function sarifLog(out: string): Promise<Log> {
  const log = JSON.parse(await readFile(join(out, 'report.sarif'), 'utf8')) as Log;
  expect(sarifProblems(log)).toEqual([]);
  return log;
}

test('a baseline suppresses exactly what it names; JUnit, SARIF and CSV say so and are valid', async ({
  demoSite,
}) => {
  const home = 'https://www.jeejio.com/';
  // DoubleClick's IDE cookie breaks two promises, one finding: accepted whole, both violations named.
  const baselines = ['cookie-undeclared-purpose', 'cookie-third-party-recipient'].map((rule) => ({
    rule,
    subject: 'IDE@.doubleclick.net/',
    ...accepted,
    expires: FAR_FUTURE,
  }));
  const { run, out, report } = await auditWith(demoSite, { hosts: [home], baselines }, [
    '--format',
    'junit,sarif,csv,html',
  ]);
  // The home page breaks other promises too: those still fail.
  expect(run.code, run.stderr).toBe(1);
  const ide = violation(report, 'cookie-undeclared-purpose', 'IDE@.doubleclick.net/');
  const ideRecipient = violation(report, 'cookie-third-party-recipient', 'IDE@.doubleclick.net/');
  expect(ide.findingId).toBe(ideRecipient.findingId);
  expect(report.findings.length).toBeGreaterThan(2);

  expect(run.stderr).not.toContain('not yet available');
  expect((await readdir(out)).sort()).toEqual([
    'findings.csv',
    'inspector.config.json',
    'observations.json',
    'report.html',
    'report.json',
    'report.junit.xml',
    'report.sarif',
  ]);

  expect(run.stdout).toContain('Suppressed by a baseline (accepted, not failing): 2\n');
  expect(run.stdout).toContain(
    `  cookie-undeclared-purpose IDE@.doubleclick.net/: until ${FAR_FUTURE}, privacy-office`,
  );
  // The table lists a row per standing finding, the accepted one not at all.
  const table = run.stdout.slice(0, run.stdout.indexOf('Suppressed by a baseline'));
  const rows = table.split('\n').filter((line) => /^(HIGH|MEDIUM|LOW)\s/.test(line));
  expect(rows).toHaveLength(report.findings.length - 1);
  expect(rows.join('\n')).not.toContain('"IDE"');

  const results = (await sarifLog(out)).runs[0]?.results ?? [];
  expect(results).toHaveLength(report.findings.length);
  const suppressed = results.filter((r) => r.suppressions !== undefined);
  expect(suppressed.map((r) => r.properties?.findingId)).toEqual([ide.findingId]);
  expect(suppressed[0]?.suppressions?.[0]).toMatchObject({ kind: 'external', status: 'accepted' });

  const cases = await junitCases(out, home);
  const ideCase = cases.find((c) => c['@name'].includes(': IDE@.doubleclick.net/'));
  expect(ideCase?.failure).toBeUndefined();
  expect(ideCase?.skipped).toBeDefined();
  expect(cases.filter((c) => c.failure).length).toBe(
    report.findings.filter((f) => f.pageUrls.includes(home)).length - 1,
  );

  const csv = await readFile(join(out, 'findings.csv'), 'utf8');
  const ideRow = csv.split('\r\n').find((line) => line.includes(ide.id));
  expect(ideRow).toContain(`,accepted,${FAR_FUTURE},privacy-office,`);
});

test('a finding stays failing while one of its violations is not accepted', async ({ demoSite }) => {
  const { run, out, report } = await auditWith(
    demoSite,
    {
      hosts: ['https://www.jeejio.com/'],
      baselines: [
        {
          rule: 'cookie-undeclared-purpose',
          subject: 'IDE@.doubleclick.net/',
          ...accepted,
          expires: FAR_FUTURE,
        },
      ],
    },
    ['--format', 'sarif'],
  );
  expect(run.code, run.stderr).toBe(1);
  const ide = violation(report, 'cookie-undeclared-purpose', 'IDE@.doubleclick.net/');
  const result = (await sarifLog(out)).runs[0]?.results?.find(
    (r) => r.properties?.findingId === ide.findingId,
  );
  expect(result?.suppressions).toBeUndefined();
  expect(run.stdout).toMatch(/HIGH\s+cookie-third-party-recipient\s.*"IDE"/);
});

test('an accepted finding fails again once its acceptance expires', async ({ demoSite }) => {
  const page = 'https://www.jeejio.com/hostile';
  const acceptance = { rule: 'cookie-login-insecure', page, ...accepted };

  const current = await auditWith(demoSite, {
    hosts: [page],
    baselines: [{ ...acceptance, expires: FAR_FUTURE }],
  });
  expect(current.report.violations.map((v) => v.subject)).toEqual(['session_token@www.jeejio.com/']);
  expect(current.run.code, current.run.stdout).toBe(0);
  expect(current.run.stdout).toContain('Passing: no finding at or above --fail-on low.');

  const lapsed = await auditWith(demoSite, { hosts: [page], baselines: [{ ...acceptance, expires: PAST }] }, [
    '--format',
    'junit,sarif',
  ]);
  expect(lapsed.run.code, lapsed.run.stdout).toBe(1);
  expect(lapsed.run.stdout).toContain(
    `Expired acceptances (failing again): 1\n  cookie-login-insecure session_token@www.jeejio.com/: expired ${PAST}, privacy-office`,
  );
  expect(lapsed.run.stdout).toMatch(/HIGH\s+cookie-login-insecure/);
  const failure = (await junitCases(lapsed.out, page)).find((c) =>
    c['@name'].startsWith('cookie-login-insecure: '),
  )?.failure?.[0];
  expect(failure?.['#text']).toContain(`Acceptance expired on ${PAST}`);
  const [result] = (await sarifLog(lapsed.out)).runs[0]?.results ?? [];
  expect(result?.suppressions).toBeUndefined();
  expect(result?.properties?.acceptanceExpired).toMatchObject({ expires: PAST });
});

test('--fail-on high lets lower severities pass, and the command line wins over the config', async ({
  demoSite,
}) => {
  // A model of the auditor's own binds one rule, at low severity: the beacons page hands a phone number
  // and an email to third parties. (Several rules set each finding's severity themselves; this one
  // takes the model's.)
  const model = JSON.parse(
    readFileSync(join(ROOT, 'src/core/policy/models/jeejio-privacy-policy-2023-07.json'), 'utf8'),
  ) as { rules: { id: string; severity: string }[] };
  const files = {
    'model.json': {
      ...model,
      rules: model.rules
        .filter((r) => r.id === 'third-party-disclosure')
        .map((r) => ({ ...r, severity: 'low' })),
    },
  };
  const config = { hosts: ['https://www.jeejio.com/beacons'], policyModel: 'model.json' };

  const high = await auditWith(demoSite, config, ['--fail-on', 'high'], files);
  expect(high.run.code, high.run.stdout).toBe(0);
  const severities = high.report.violations.map((v) => v.severity);
  expect(severities.length).toBeGreaterThan(0);
  expect(new Set(severities)).toEqual(new Set(['low']));
  expect(high.run.stdout).toMatch(/LOW\s+third-party-disclosure/);
  expect(high.run.stdout).toContain('Passing: no finding at or above --fail-on high.');

  const low = await auditWith(demoSite, { ...config, failOn: 'high' }, ['--fail-on', 'low'], files);
  expect(low.run.code, low.run.stdout).toBe(1);
  const failing = high.report.findings.length;
  expect(low.run.stdout).toContain(
    `Failing: ${failing} finding${failing === 1 ? '' : 's'} at or above --fail-on low.`,
  );
});

test('advice is listed apart and never fails the run, whatever the threshold', async ({ demoSite }) => {
  // The Open Platform keeps _ga longer than guidance advises; the policy itself sets no lifetime.
  const session = 'PHPSESSID@open.jeejio.com/';
  const plain = await auditWith(demoSite, { hosts: ['https://open.jeejio.com/'] });
  expect(plain.report.violations.map((v) => v.subject)).toEqual([session]);
  expect(plain.report.advice?.map((a) => [a.rule, a.subject])).toEqual([
    ['retention-too-long', expect.stringMatching(/^_ga@open\.jeejio\.com/)],
  ]);
  expect(plain.run.stdout).toMatch(
    /Advice \(a bound from guidance, not the policy; never failing\): 1\n\s+retention-too-long _ga@/,
  );
  expect(plain.run.stdout).not.toMatch(/^LOW\s+retention-too-long/m);
  // With the one violation accepted, the advice alone passes even at --fail-on low.
  const sessionViolation = violation(plain.report, 'cookie-login-insecure', session);
  const accepting = {
    hosts: ['https://open.jeejio.com/'],
    failOn: 'low',
    baselines: [
      { rule: sessionViolation.rule, violationId: sessionViolation.id, ...accepted, expires: FAR_FUTURE },
    ],
  };
  const passing = await auditWith(demoSite, accepting, ['--format', 'junit,sarif,csv']);
  expect(passing.run.code, passing.run.stdout).toBe(0);
  expect(passing.run.stdout).toContain('Passing: no finding at or above --fail-on low.');
  const junit = await readFile(join(passing.out, 'report.junit.xml'), 'utf8');
  expect(junit).not.toMatch(/<failure[^>]*retention-too-long/);
  expect((await sarifLog(passing.out)).runs[0]?.results?.some((r) => r.ruleId === 'retention-too-long')).toBe(
    false,
  );
  expect(await readFile(join(passing.out, 'findings.csv'), 'utf8')).not.toContain('retention-too-long');
});

test('a config may name its own policy model, which the report and formats then follow', async ({
  demoSite,
}) => {
  const model = JSON.parse(
    readFileSync(join(ROOT, 'src/core/policy/models/jeejio-privacy-policy-2023-07.json'), 'utf8'),
  ) as { rules: { id: string }[] };
  const withoutRetention = { ...model, rules: model.rules.filter((r) => r.id !== 'retention-too-long') };
  const out = await workDir({
    'model.json': withoutRetention,
    'inspector.config.json': {
      hosts: ['https://open.jeejio.com/'],
      hostRules: demoSite.hostRules,
      policyModel: 'model.json',
    },
  });
  const run = await audit([
    '--config',
    join(out, 'inspector.config.json'),
    '--out',
    out,
    '--ignore-https-errors',
    '--format',
    'junit',
  ]);
  expect(run.code, run.stderr).toBe(1);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  expect(report.violations.map((v) => v.rule)).toEqual(['cookie-login-insecure']);
  const cases = await junitCases(out, 'https://open.jeejio.com/');
  // The finding's failing case first, then a passing case per rule of the model nothing broke there.
  expect(cases.map((c) => c['@name'])).toEqual([
    'cookie-login-insecure: PHPSESSID@open.jeejio.com/',
    ...withoutRetention.rules.map((r) => r.id).filter((id) => id !== 'cookie-login-insecure'),
  ]);
});

test('a config that is not valid stops the audit with exit 2 before a browser starts', async () => {
  const out = await workDir({
    'inspector.config.json': {
      hosts: ['https://www.jeejio.com/'],
      baselines: [
        {
          rule: 'cookie-login-insecure',
          subject: 'token@www.jeejio.com/',
          ...accepted,
          expires: '2026-02-30',
        },
      ],
    },
  });
  const run = await audit(['--config', join(out, 'inspector.config.json'), '--out', out]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('inspector.config.json: The config is invalid:');
  expect(run.stderr).toContain('baselines.0.expires: "2026-02-30" is not a calendar date');
  expect(await readdir(out)).toEqual(['inspector.config.json']);
});

test('--crawl follows the links of the pages given, on the same site only, up to the budget', async ({
  demoSite,
}) => {
  const out = await workDir();
  const run = await audit([
    'https://www.jeejio.com/clean',
    '--out',
    out,
    '--host-rules',
    demoSite.hostRules,
    '--ignore-https-errors',
    '--crawl',
    '4',
  ]);
  expect(run.code, run.stderr).not.toBe(2);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  const visited = [...new Set(report.pages.map((p) => p.url))];
  expect(visited[0]).toBe('https://www.jeejio.com/clean');
  // The clean page links to the other demo pages; the crawl visits them in the order they appear.
  expect(visited).toHaveLength(4);
  expect(visited.every((url) => new URL(url).hostname.endsWith('jeejio.com'))).toBe(true);
});
