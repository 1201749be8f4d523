import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../../src/core/report/report-types';
import { ADDED_TRACKER_HOST, RELEASE_URL, RELEASE_WITH_TRACKER_URL } from '../../src/demo-site/release-page';
import type { DemoSite } from '../../src/demo-site/server';
import { audit, type Run, workDir } from './audit-cli-process';
// The shared fixtures start the demo site; no test here asks for the extension, so none is launched.
import { expect, test } from './fixtures';

/**
 * Two runs compared (--compare, --fail-on-new) and shards merged (audit
 * merge), in real Chromium against the demo site, as a release pipeline runs them.
 */

interface Outcome {
  run: Run;
  out: string;
  report: Report;
}

async function auditSite(site: DemoSite, args: string[]): Promise<Outcome> {
  const out = await workDir();
  const run = await audit([...args, '--out', out, '--host-rules', site.hostRules, '--ignore-https-errors']);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  return { run, out, report };
}

const keyOf = (v: { rule: string; subject: string }) => `${v.rule} ${v.subject}`;

test('a release that adds one tracker: exactly it and its findings are new, and --fail-on-new fails on them alone', async ({
  demoSite,
}) => {
  test.setTimeout(180_000);
  const before = await auditSite(demoSite, [RELEASE_URL]);
  expect(before.run.code, before.run.stderr).toBe(1);
  const previous = join(before.out, 'report.json');

  const after = await auditSite(demoSite, [
    RELEASE_WITH_TRACKER_URL,
    '--compare',
    previous,
    '--fail-on-new',
    '--format',
    'junit,sarif,csv,html',
  ]);
  expect(after.run.code, after.run.stderr).toBe(1);
  const comparison = after.report.comparison;
  if (!comparison) throw new Error('report.json has no comparison');
  // Who was talked to, and what was kept: the tracker's host and its cookie, nothing else, nothing gone.
  expect(comparison.thirdParties.new.map((t) => t.host)).toEqual([ADDED_TRACKER_HOST]);
  expect(comparison.cookies.new.map((c) => `${c.name}@${c.domain}`)).toEqual(['MUID@.bing.com']);
  expect(comparison.storageKeys).toEqual({ new: [], gone: [] });
  expect(comparison.thirdParties.gone).toEqual([]);
  expect(comparison.cookies.gone).toEqual([]);
  // The findings new are exactly those the second run has and the first has not, and all rest on the tracker.
  const known = new Set(before.report.violations.map(keyOf));
  const added = after.report.violations.filter((v) => !known.has(keyOf(v)));
  expect(added.length).toBeGreaterThan(0);
  expect(comparison.findings.new.flatMap((f) => f.keys).sort()).toEqual(added.map(keyOf).sort());
  expect(comparison.findings.gone).toEqual([]);
  const observation = new Map(after.report.observations.map((o) => [o.id, o]));
  for (const finding of comparison.findings.new) {
    expect(finding.observationIds.length).toBeGreaterThan(0);
    for (const id of finding.observationIds) expect(observation.get(id)?.domain).toMatch(/(^|\.)bing\.com$/);
  }
  // What the first run had too stays reported, and fails nothing.
  expect(after.report.violations.length).toBeGreaterThan(added.length);
  expect(after.run.stdout).toContain(
    `Compared with the run of ${before.report.generatedAt}: ${comparison.findings.new.length} new, 0 gone findings`,
  );
  expect(after.run.stdout).toContain(`New third party: ${ADDED_TRACKER_HOST}`);
  const junit = await readFile(join(after.out, 'report.junit.xml'), 'utf8');
  expect(junit.match(/<failure /g)).toHaveLength(comparison.findings.new.length);
  expect(junit).toContain('Seen in the run compared with too: --fail-on-new fails new findings only.');
  const sarif = JSON.parse(await readFile(join(after.out, 'report.sarif'), 'utf8')) as {
    runs: { results: { baselineState: string }[] }[];
  };
  expect(sarif.runs[0]?.results.filter((r) => r.baselineState === 'new')).toHaveLength(
    comparison.findings.new.length,
  );
  const csv = await readFile(join(after.out, 'comparison.csv'), 'utf8');
  expect(csv).toContain(`new,third-party,${ADDED_TRACKER_HOST},`);
  expect(await readFile(join(after.out, 'report.html'), 'utf8')).toContain('<section id="comparison">');

  // The same release audited again, compared with the first run: nothing new, nothing gone, exit 0.
  const again = await auditSite(demoSite, [RELEASE_URL, '--compare', previous, '--fail-on-new']);
  expect(again.run.code, again.run.stdout + again.run.stderr).toBe(0);
  expect(again.report.comparison?.findings).toEqual({ new: [], gone: [] });
  expect(again.report.comparison?.thirdParties).toEqual({ new: [], gone: [] });
  expect(again.report.comparison?.cookies).toEqual({ new: [], gone: [] });
  expect(again.run.stdout).toContain('Passing: no new finding at or above --fail-on low (--fail-on-new).');
  // Without --fail-on-new the same findings fail as ever.
  expect(again.report.violations.length).toBeGreaterThan(0);
});

test('--compare with a missing or garbled report, and --fail-on-new alone, stop with exit 2 before a browser starts', async ({
  demoSite,
}) => {
  const out = await workDir({ 'garbled.json': '{"schemaVersion": 1, "pages": [' });
  const base = [RELEASE_URL, '--out', out, '--host-rules', demoSite.hostRules, '--ignore-https-errors'];
  const missing = await audit([...base, '--compare', join(out, 'nothing.json')]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain(`The report to compare with ${join(out, 'nothing.json')} does not exist.`);
  const garbled = await audit([...base, '--compare', join(out, 'garbled.json')]);
  expect(garbled.code).toBe(2);
  expect(garbled.stderr).toContain('cannot be used. It is not valid JSON');
  await writeFile(join(out, 'other.json'), JSON.stringify({ schemaVersion: 1, tool: { name: 'x' } }));
  const other = await audit([...base, '--compare', join(out, 'other.json')]);
  expect(other.code).toBe(2);
  expect(other.stderr).toContain('It is not a report.json this version can read:\n- tool.version: ');
  const alone = await audit([...base, '--fail-on-new']);
  expect(alone.code).toBe(2);
  expect(alone.stderr).toContain('--fail-on-new needs --compare FILE');
  for (const run of [missing, garbled, other, alone]) {
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).not.toContain('Visiting');
  }
});

/**
 * Pages that share nothing across the shards' boundary (the first shard's are
 * www.jeejio.com's, the second's other hosts'), so a shard's separate browser
 * sees what the one browser of a whole run sees.
 */
const SHARDED_URLS = [
  'https://www.jeejio.com/',
  'https://www.jeejio.com/clean',
  'https://open.jeejio.com/',
  'https://iot.jeejio.com/shop',
];

/**
 * What two runs of the same pages must agree on: pages, and each violation by
 * rule and subject with the pages it was seen on and the kinds and names of its
 * evidence. Left out, as each run's own: times (generatedAt, startedAt,
 * observedAt, observedMs), visit and observation ids, and cookie values.
 */
function meaning(report: Report) {
  const observation = new Map(report.observations.map((o) => [o.id, o]));
  const evidence = (ids: readonly string[]) =>
    [
      ...new Set(ids.map((id) => observation.get(id)).map((o) => `${o?.kind} ${o?.name} ${o?.domain}`)),
    ].sort();
  return {
    pages: report.pages.map((p) => p.url),
    violations: report.violations
      .map((v) => ({
        key: keyOf(v),
        severity: v.severity,
        pageUrls: v.pageUrls,
        evidence: evidence(v.observationIds),
      }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    findings: report.findings.map((f) => f.id).sort(),
    summary: {
      ...report.summary,
      // How many times a request or cookie was seen varies with timing; what was seen does not.
      observations: undefined,
    },
    scorecard: report.scorecard,
  };
}

test('audit merge of two shards makes the report of one unsharded run of the same URLs', async ({
  demoSite,
}) => {
  test.setTimeout(180_000);
  const list = await workDir({ 'urls.txt': `${SHARDED_URLS.join('\n')}\n` });
  const urls = join(list, 'urls.txt');
  const whole = await auditSite(demoSite, ['--urls', urls]);
  expect(whole.run.code, whole.run.stderr).toBe(1);
  const first = await auditSite(demoSite, ['--urls', urls, '--shard', '1/2']);
  const second = await auditSite(demoSite, ['--urls', urls, '--shard', '2/2']);
  expect([first.run.code, second.run.code]).toEqual([1, 1]);
  expect(first.report.pages.map((p) => p.url)).toEqual(SHARDED_URLS.slice(0, 2));

  const out = await workDir();
  const merged = await audit([
    'merge',
    first.out,
    second.out,
    '--out',
    out,
    '--format',
    'junit,sarif,csv,html',
  ]);
  expect(merged.code, merged.stderr).toBe(1);
  expect(merged.stdout).toContain(`Merged 2 reports: ${first.out}, ${second.out}`);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  expect(meaning(report)).toEqual(meaning(whole.report));
  // Every observation of both shards, once; and the shards' own facts kept.
  expect(report.observations.map((o) => o.id)).toEqual([
    ...first.report.observations.map((o) => o.id),
    ...second.report.observations.map((o) => o.id),
  ]);
  expect(report.summary.observations).toBe(
    first.report.summary.observations + second.report.summary.observations,
  );
  expect(report.merged?.map((p) => p.generatedAt)).toEqual([
    first.report.generatedAt,
    second.report.generatedAt,
  ]);
  expect(report.browser).toEqual(whole.report.browser);
  for (const file of ['report.junit.xml', 'report.sarif', 'findings.csv', 'report.html']) {
    expect(merged.stdout).toContain(join(out, file));
  }

  // A folder without report.json, and shards of another rule set, are refused with exit 2.
  const empty = await workDir();
  const noReport = await audit(['merge', first.out, empty, '--out', await workDir()]);
  expect(noReport.code).toBe(2);
  expect(noReport.stderr).toContain(`The shard report ${join(empty, 'report.json')} does not exist.`);
  const older = await workDir({ 'report.json': { ...second.report, ruleSetVersion: '1' } });
  const mixed = await audit(['merge', first.out, older, '--out', await workDir()]);
  expect(mixed.code).toBe(2);
  expect(mixed.stderr).toMatch(/Report 2 was judged by rule set 1, report 1 by \S+; audit them again/);
});
