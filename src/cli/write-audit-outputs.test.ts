import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { demoReportOf } from '../../tests/support/reports';
import { JEEJIO_POLICY_2023_07 as policy } from '../core/policy/jeejio-policy-2023-07';
import type { Report } from '../core/report/report-types';
import { type AuditOutputOptions, writeAuditOutputs } from './write-audit-outputs';

const HOME = 'https://www.jeejio.com/';
const SHOP = 'https://iot.jeejio.com/shop';

async function outputs(report: Report, options: Partial<AuditOutputOptions> = {}) {
  const outDir = await mkdtemp(join(tmpdir(), 'audit-outputs-'));
  const result = await writeAuditOutputs(report, {
    outDir,
    formats: ['json', 'junit', 'sarif', 'csv', 'html'],
    baselines: [],
    failOn: 'low',
    policy,
    failOnNew: false,
    writeReportJson: true,
    ...options,
  });
  const read = (name: string) => readFile(join(outDir, name), 'utf8');
  return { ...result, outDir, read };
}

/** Every JUnit test case that fails, and every one skipped, by name. */
function junitOutcomes(xml: string) {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['testsuite', 'testcase'].includes(name),
  }).parse(xml) as {
    testsuites: { testsuite: { testcase: { '@name': string; failure?: unknown; skipped?: string }[] }[] };
  };
  const cases = parsed.testsuites.testsuite.flatMap((s) => s.testcase);
  return {
    failing: cases.filter((c) => c.failure !== undefined).map((c) => c['@name']),
    skipped: cases.filter((c) => c.skipped !== undefined).map((c) => c['@name']),
  };
}

describe('writeAuditOutputs with --compare', () => {
  it('compared with a run of the same pages: nothing new, so --fail-on-new passes what plain --fail-on fails', async () => {
    const report = demoReportOf([HOME, SHOP]);
    const plain = await outputs(report, { previous: report });
    expect(plain.exitCode).toBe(1);
    const onlyNew = await outputs(report, { previous: report, failOnNew: true });
    expect(onlyNew.exitCode).toBe(0);
    expect(onlyNew.summary).toContain(
      `Compared with the run of ${report.generatedAt}: 0 new, 0 gone findings`,
    );
    expect(onlyNew.summary).toContain('Passing: no new finding at or above --fail-on low (--fail-on-new).');
    const written = JSON.parse(await onlyNew.read('report.json')) as Report;
    expect(written.comparison?.findings).toEqual({ new: [], gone: [] });
    // Every finding was in the earlier run: skipped in JUnit, a note in SARIF, none failing.
    expect(junitOutcomes(await onlyNew.read('report.junit.xml')).failing).toEqual([]);
    const sarif = JSON.parse(await onlyNew.read('report.sarif')) as Log;
    const results = sarif.runs[0]?.results ?? [];
    expect(results.length).toBe(report.findings.length);
    expect(new Set(results.map((r) => [r.baselineState, r.level].join(' ')))).toEqual(
      new Set(['unchanged note']),
    );
  });

  it('fails only on what is new; JUnit, SARIF, comparison.csv and report.html say which it is', async () => {
    const previous = demoReportOf([SHOP]);
    const current = demoReportOf([SHOP, HOME], 1_700_000_100_000);
    const out = await outputs(current, { previous, failOnNew: true });
    expect(out.exitCode).toBe(1);
    const comparison = out.report.comparison;
    if (!comparison) throw new Error('no comparison');
    const newFindings = comparison.findings.new;
    expect(newFindings.length).toBeGreaterThan(0);
    expect(out.summary).toContain(`: ${newFindings.length} new, 0 gone findings`);
    expect(out.summary).toContain('New findings:');
    expect(out.summary).toMatch(/Failing: \d+ new findings? at or above --fail-on low \(--fail-on-new\)\./);
    const junit = junitOutcomes(await out.read('report.junit.xml'));
    // A test case is named by its rules and its first violation's subject.
    const newNames = new Set(
      newFindings.map(
        (f) =>
          `${f.rules.join(' + ')}: ${current.violations.find((v) => v.id === f.violationIds[0])?.subject}`,
      ),
    );
    expect(junit.failing.length).toBeGreaterThan(0);
    for (const name of junit.failing) expect(newNames.has(name)).toBe(true);
    expect(junit.skipped.length).toBeGreaterThan(0);
    const sarif = JSON.parse(await out.read('report.sarif')) as Log;
    const states = (sarif.runs[0]?.results ?? []).map((r) => r.baselineState);
    expect(states.filter((s) => s === 'new')).toHaveLength(newFindings.length);
    expect(states).toContain('unchanged');
    const csv = await out.read('comparison.csv');
    expect(csv.split('\r\n')[0]).toBe(
      'change,what,key,severity,intermittent,summary,vendor,pages,evidence_ids,evidence_in',
    );
    expect(csv.split('\r\n').filter((line) => line.startsWith('new,finding,'))).toHaveLength(
      newFindings.length,
    );
    expect(csv).toContain('new,third-party,ad.doubleclick.net,');
    const html = await out.read('report.html');
    expect(html).toContain('<section id="comparison">');
    expect(html).toContain('<a href="#comparison">Compared</a>');
  });

  it('does not fail on a new finding seen in only some visits (intermittent), and says so', async () => {
    const previous = demoReportOf([SHOP]);
    const current = demoReportOf([SHOP, HOME]);
    const known = new Set(previous.violations.map((v) => v.id));
    const flaky: Report = {
      ...current,
      violations: current.violations.map((v) => (known.has(v.id) ? v : { ...v, intermittent: true })),
    };
    const out = await outputs(flaky, { previous, failOnNew: true });
    expect(out.exitCode).toBe(0);
    expect(out.summary).toContain('(intermittent)');
    expect(junitOutcomes(await out.read('report.junit.xml')).failing).toEqual([]);
    expect(await out.read('comparison.csv')).toMatch(/\r\nnew,finding,[^\r]*,yes,/);
  });

  it('writes no comparison.csv without a comparison', async () => {
    const out = await outputs(demoReportOf([SHOP]));
    expect(await readdir(out.outDir)).not.toContain('comparison.csv');
    expect(out.report.comparison).toBeUndefined();
  });
});
