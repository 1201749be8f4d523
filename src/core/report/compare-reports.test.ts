import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { demoReportOf } from '../../../tests/support/reports';
import { compareReports, newViolationIds, nothingChanged, violationKey } from './compare-reports';
import schema from './report.schema.json';
import type { Report } from './report-types';

/** A run of the same pages, as a second audit records it: every observation and visit id its own. */
function rerun(report: Report): Report {
  return {
    ...report,
    generatedAt: '2030-01-01T00:00:00.000Z',
    pages: report.pages.map((p) => ({ ...p, visitId: `${p.visitId}-again` })),
    observations: report.observations.map((o) => ({ ...o, id: `${o.id}-again` })),
    violations: report.violations.map((v) => ({
      ...v,
      observationIds: v.observationIds.map((id) => `${id}-again`),
    })),
  };
}

const HOME = 'https://www.jeejio.com/';
const SHOP = 'https://iot.jeejio.com/shop';

describe('compareReports', () => {
  it('finds nothing new or gone between two runs of the same pages, though every observation id differs', () => {
    const report = demoReportOf([HOME, SHOP]);
    const comparison = compareReports(report, rerun(report));
    expect(comparison.findings).toEqual({ new: [], gone: [] });
    expect(comparison.thirdParties).toEqual({ new: [], gone: [] });
    expect(comparison.cookies).toEqual({ new: [], gone: [] });
    expect(comparison.storageKeys).toEqual({ new: [], gone: [] });
    expect(comparison.previous).toEqual({
      generatedAt: report.generatedAt,
      pages: 2,
      findings: report.summary.findings,
      // What judged it, so a reader can tell a change of rules from a change of the site.
      ruleSetVersion: report.ruleSetVersion,
      policy: { id: report.policy.id, version: report.policy.version },
    });
    expect(nothingChanged(comparison)).toBe(true);
  });

  it("keeps each finding's verified mark, so a new finding the page only claimed is shown as its claim", () => {
    const before = demoReportOf([SHOP]);
    const after = demoReportOf([SHOP, HOME]);
    const comparison = compareReports(before, after);
    const byId = new Map(after.findings.map((f) => [f.id, f]));
    expect(comparison.findings.new.length).toBeGreaterThan(0);
    for (const f of comparison.findings.new) expect(f.verified).toBe(byId.get(f.findingId)?.verified);
    const claimed = { ...after, findings: after.findings.map((f) => ({ ...f, verified: false })) };
    const claimedViolations = {
      ...claimed,
      violations: claimed.violations.map((v) => ({ ...v, verified: false })),
    };
    expect(compareReports(before, claimedViolations).findings.new.every((f) => f.verified === false)).toBe(
      true,
    );
  });

  it('lists what a page added as new, with its evidence in the current report, and nothing else', () => {
    const before = demoReportOf([SHOP]);
    const after = demoReportOf([SHOP, HOME]);
    const comparison = compareReports(before, after);
    const added = after.violations.filter(
      (v) => !before.violations.some((w) => violationKey(w) === violationKey(v)),
    );
    expect(added.length).toBeGreaterThan(0);
    expect(comparison.findings.new.flatMap((f) => f.violationIds).sort()).toEqual(
      added.map((v) => v.id).sort(),
    );
    expect(comparison.findings.gone).toEqual([]);
    const observationIds = new Set(after.observations.map((o) => o.id));
    for (const f of comparison.findings.new) {
      expect(f.observationIds.length).toBeGreaterThan(0);
      for (const id of f.observationIds) expect(observationIds.has(id)).toBe(true);
    }
    // The home page talks to Google's ad pixel, sets user_phone; the shop page does neither.
    expect(comparison.thirdParties.new.map((t) => t.host)).toContain('ad.doubleclick.net');
    expect(comparison.cookies.new.map((c) => `${c.name}@${c.domain}`)).toContain('user_phone@www.jeejio.com');
    expect(comparison.thirdParties.gone).toEqual([]);
    expect(comparison.cookies.gone).toEqual([]);
    expect(newViolationIds(comparison)).toEqual(new Set(added.map((v) => v.id)));
  });

  it('lists what is no longer seen as gone, with its evidence in the previous report', () => {
    const before = demoReportOf([SHOP, HOME]);
    const comparison = compareReports(before, demoReportOf([SHOP]));
    expect(comparison.findings.new).toEqual([]);
    expect(comparison.findings.gone.length).toBeGreaterThan(0);
    const previousIds = new Set(before.observations.map((o) => o.id));
    for (const f of comparison.findings.gone)
      for (const id of f.observationIds) expect(previousIds.has(id)).toBe(true);
    expect(comparison.thirdParties.gone.map((t) => t.host)).toContain('ad.doubleclick.net');
    expect(newViolationIds(comparison).size).toBe(0);
    expect(nothingChanged(comparison)).toBe(false);
  });

  it('says something changed when only a cookie or a storage key came or went, with no finding about it', () => {
    const report = demoReportOf([SHOP]);
    const cookie = report.observations.find((o) => o.kind === 'cookie');
    if (!cookie) throw new Error('the shop page sets no cookie');
    // Every sight of that cookie (name and domain) left out: the run before never saw it.
    const sameCookie = (o: (typeof report.observations)[number]) =>
      o.kind === 'cookie' && o.name === cookie.name && o.domain === cookie.domain;
    const withoutIt = { ...report, observations: report.observations.filter((o) => !sameCookie(o)) };
    const comparison = compareReports(withoutIt, report);
    expect(comparison.findings).toEqual({ new: [], gone: [] });
    expect(nothingChanged(comparison)).toBe(false);
    expect(nothingChanged(compareReports(report, withoutIt))).toBe(false);
  });

  it('knows a finding across runs by rule and subject, wherever it was seen', () => {
    const report = demoReportOf([HOME]);
    const moved = rerun(report);
    moved.violations = moved.violations.map((v) => ({ ...v, pageUrl: SHOP, pageUrls: [SHOP] }));
    expect(compareReports(report, moved).findings).toEqual({ new: [], gone: [] });
  });

  it('marks an intermittent new finding so, and leaves it out of what --fail-on-new fails', () => {
    const before = demoReportOf([SHOP]);
    const after = demoReportOf([SHOP, HOME]);
    const [first, ...rest] = compareReports(before, after).findings.new;
    if (!first) throw new Error('nothing new');
    const flaky = new Set(first.violationIds);
    after.violations = after.violations.map((v) => (flaky.has(v.id) ? { ...v, intermittent: true } : v));
    const comparison = compareReports(before, after);
    const again = comparison.findings.new.find((f) => f.findingId === first.findingId);
    expect(again?.intermittent).toBe(true);
    expect(comparison.findings.new.filter((f) => f.intermittent)).toHaveLength(1);
    expect(newViolationIds(comparison)).toEqual(new Set(rest.flatMap((f) => f.violationIds)));
    // Gone, it was intermittent in the run compared with: said so.
    const reverse = compareReports(after, before);
    expect(reverse.findings.gone.find((f) => f.findingId === first.findingId)?.intermittent).toBe(true);
  });

  it('lists a new part of a known finding (a rule more about the same cookie) as new', () => {
    const report = demoReportOf([HOME]);
    const grouped = report.violations.filter(
      (v) => report.violations.filter((w) => w.findingId === v.findingId).length > 1,
    );
    const [dropped] = grouped;
    if (!dropped) throw new Error('the demo home page has no finding of two rules');
    const before = { ...report, violations: report.violations.filter((v) => v !== dropped) };
    const comparison = compareReports(before, report);
    expect(comparison.findings.new).toHaveLength(1);
    expect(comparison.findings.new[0]?.violationIds).toEqual([dropped.id]);
    expect(comparison.findings.new[0]?.keys).toEqual([`${dropped.rule} ${dropped.subject}`]);
  });

  it('knows a storage key by its origin, area and key', () => {
    const report = demoReportOf([SHOP]);
    const template = report.observations[0];
    if (!template) throw new Error('no observation');
    const key = (id: string, area: 'localStorage' | 'sessionStorage', name: string) => ({
      ...template,
      id,
      kind: 'storage' as const,
      name,
      area,
      origin: 'https://www.jeejio.com',
      domain: 'www.jeejio.com',
    });
    const before = { ...report, observations: [...report.observations, key('s-1', 'localStorage', 'uid')] };
    const after = {
      ...report,
      observations: [
        ...report.observations,
        key('s-2', 'localStorage', 'uid'),
        key('s-3', 'sessionStorage', 'uid'),
        key('s-4', 'localStorage', '_hjSessionUser_1'),
      ],
    };
    const comparison = compareReports(before, after);
    expect(comparison.storageKeys.new).toEqual([
      { origin: 'https://www.jeejio.com', area: 'sessionStorage', key: 'uid', observationIds: ['s-3'] },
      {
        origin: 'https://www.jeejio.com',
        area: 'localStorage',
        key: '_hjSessionUser_1',
        observationIds: ['s-4'],
      },
    ]);
    expect(compareReports(after, before).storageKeys.gone.map((k) => k.observationIds)).toEqual([
      ['s-3'],
      ['s-4'],
    ]);
  });

  it('makes a report.json that follows report.schema.json, and one the schema refuses when it drifts', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const before = demoReportOf([SHOP]);
    const after = demoReportOf([SHOP, HOME]);
    after.violations[0] = {
      ...(after.violations[0] as (typeof after.violations)[number]),
      intermittent: true,
    };
    const compared = { ...after, comparison: compareReports(before, after) };
    expect(validate(JSON.parse(JSON.stringify(compared))), JSON.stringify(validate.errors)).toBe(true);
    const drifted = {
      ...compared,
      comparison: { ...compared.comparison, findings: { new: [{ id: 'x' }], gone: [] } },
    };
    expect(validate(drifted)).toBe(false);
  });
});
