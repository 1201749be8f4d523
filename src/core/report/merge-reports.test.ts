import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import log from '../../../tests/support/fixtures/demo-session.json';
import { demoReportOf as reportOf } from '../../../tests/support/reports';
import type { RecordedLog } from '../observations/observation';
import { mergeReports, ReportMergeError } from './merge-reports';
import schema from './report.schema.json';
import type { Report } from './report-types';

const recorded = log as unknown as RecordedLog;
const tool = { name: 'jeejio-privacy-inspector', version: '0.1.0' };

// The session ran in one browser, where a later page sends the cookies an earlier one set: split so
// that no page depends on a page of the other half, as shards in browsers of their own are.
const byTime = [...recorded.pages].sort((a, b) => a.startedAt - b.startedAt).map((p) => p.url);
const firstHalf = byTime.filter((url) => url.startsWith('https://www.jeejio.com/'));
const secondHalf = byTime.filter((url) => !firstHalf.includes(url));

/**
 * What a report says, without what is per run (its time, its parts) and without
 * order (a merged report lists the pages shard by shard, a whole run by time).
 */
function content(report: Report) {
  return {
    pages: report.pages.map((p) => p.visitId).sort(),
    observations: report.observations.map((o) => o.id).sort(),
    violations: report.violations.map((v) => ({
      id: v.id,
      findingId: v.findingId,
      pageUrls: [...v.pageUrls].sort(),
      observationIds: [...v.observationIds].sort(),
      verified: v.verified,
      notThisPage: v.notThisPage,
    })),
    findings: report.findings.map((f) => ({
      ...f,
      observationIds: [...f.observationIds].sort(),
      pageUrls: [...f.pageUrls].sort(),
    })),
    scorecard: report.scorecard,
    summary: report.summary,
  };
}

describe('mergeReports', () => {
  it('makes of two shards the report of one run over all their pages', () => {
    const merged = mergeReports([reportOf(firstHalf), reportOf(secondHalf)], new Date(1_800_000_000_000));
    const whole = reportOf(byTime);
    // The two halves must each have findings, or the test proves little.
    expect(reportOf(firstHalf).violations.length).toBeGreaterThan(0);
    expect(reportOf(secondHalf).violations.length).toBeGreaterThan(0);
    expect(content(merged)).toEqual(content(whole));
    expect(merged.generatedAt).toBe('2027-01-15T08:00:00.000Z');
    expect(merged.merged?.map((p) => p.pages)).toEqual([4, 2]);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(JSON.parse(JSON.stringify(merged))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('joins a violation seen in both shards: its pages in shard order, its evidence from both', () => {
    // The same pages in both parts, under other visits: as if one URL were listed in two shards.
    const first = reportOf(firstHalf);
    const again = reportOf(firstHalf);
    const relabelled: Report = {
      ...again,
      pages: again.pages.map((p) => ({ ...p, visitId: `${p.visitId}-2`, url: `${p.url}?again` })),
      observations: again.observations.map((o) => ({ ...o, id: `${o.id}-2` })),
      violations: again.violations.map((v) => ({
        ...v,
        pageUrls: v.pageUrls.map((u) => `${u}?again`),
        pageUrl: `${v.pageUrl}?again`,
        observationIds: v.observationIds.map((id) => `${id}-2`),
      })),
    };
    const merged = mergeReports([first, relabelled], new Date());
    expect(merged.violations.map((v) => v.id)).toEqual(first.violations.map((v) => v.id));
    const pageOrder = merged.pages.map((p) => p.url);
    for (const v of merged.violations) {
      const before = first.violations.find((w) => w.id === v.id)?.pageUrls ?? [];
      const both = new Set([...before, ...before.map((u) => `${u}?again`)]);
      expect(v.pageUrls).toEqual(pageOrder.filter((u) => both.has(u)));
      expect(v.pageUrl).toBe(v.pageUrls[0]);
      expect(v.observationIds).toHaveLength(
        (first.violations.find((w) => w.id === v.id)?.observationIds.length ?? 0) * 2,
      );
    }
    expect(merged.summary.findings).toBe(first.summary.findings);
    expect(merged.summary.pages).toBe(first.pages.length * 2);
    expect(merged.summary.observations).toBe(first.observations.length * 2);
  });

  it('takes each observation and page once, by id', () => {
    const part = reportOf(firstHalf);
    const merged = mergeReports([part, part], new Date());
    expect(content(merged)).toEqual(content(part));
  });

  it('keeps the browser only when every part ran in the same one, and lists each part', () => {
    const chromium = { name: 'HeadlessChrome', version: '156.0.0.0', userAgent: 'UA 156' };
    const firefox = { name: 'Firefox', version: '140.0', userAgent: 'UA 140' };
    const same = mergeReports(
      [
        { ...reportOf(firstHalf), browser: chromium },
        { ...reportOf(secondHalf), browser: chromium },
      ],
      new Date(),
    );
    expect(same.browser).toEqual(chromium);
    const differing = mergeReports(
      [
        { ...reportOf(firstHalf, 1), browser: chromium },
        { ...reportOf(secondHalf, 2), browser: firefox },
      ],
      new Date(),
    );
    expect(differing.browser).toBeUndefined();
    expect(differing.merged).toEqual([
      { generatedAt: new Date(1).toISOString(), tool, browser: chromium, pages: 4 },
      { generatedAt: new Date(2).toISOString(), tool, browser: firefox, pages: 2 },
    ]);
  });

  it('joins the errors of every part, in order', () => {
    const a = { ...reportOf(firstHalf), errors: [{ url: 'https://www.jeejio.com/a', message: 'timeout' }] };
    const b = { ...reportOf(secondHalf), errors: [{ url: 'https://www.jeejio.com/b', message: 'refused' }] };
    expect(mergeReports([a, b], new Date()).errors?.map((e) => e.url)).toEqual([
      'https://www.jeejio.com/a',
      'https://www.jeejio.com/b',
    ]);
  });

  it('is intermittent only where every part saw it so', () => {
    const a = reportOf(firstHalf);
    const [v] = a.violations;
    if (!v) throw new Error('no violation');
    const flagged = (r: Report, on: boolean): Report => ({
      ...r,
      violations: r.violations.map((w) => (w.id === v.id ? { ...w, intermittent: on } : w)),
    });
    expect(
      mergeReports([flagged(a, true), flagged(a, true)], new Date()).violations.find((w) => w.id === v.id)
        ?.intermittent,
    ).toBe(true);
    expect(
      mergeReports([flagged(a, true), flagged(a, false)], new Date()).violations.find((w) => w.id === v.id)
        ?.intermittent,
    ).toBeUndefined();
  });

  it('refuses reports of another rule set or policy, and no report at all', () => {
    const a = reportOf(firstHalf);
    expect(() => mergeReports([a, { ...reportOf(secondHalf), ruleSetVersion: '0' }], new Date())).toThrow(
      /Report 2 was judged by rule set 0, report 1 by/,
    );
    expect(() =>
      mergeReports(
        [a, { ...reportOf(secondHalf), policy: { ...a.policy, sha256: 'ab'.repeat(32) } }],
        new Date(),
      ),
    ).toThrow(/Report 2 was judged by policy .* \(sha256 abababababab…\)/);
    expect(() => mergeReports([], new Date())).toThrow(ReportMergeError);
  });
});
