import { describe, expect, it } from 'vitest';
import type { ReportComparison } from '../report/compare-reports';
import type { Severity } from '../rules/rule';
import { auditExitCode, failingViolations, violationsThatMayFail } from './exit-code';

const of = (...severities: Severity[]) => severities.map((severity) => ({ severity }));

describe('auditExitCode', () => {
  it.each([
    ['nothing found', of(), 'low', 0],
    ['a low violation, failing on low', of('low'), 'low', 1],
    ['a low violation, failing on medium', of('low'), 'medium', 0],
    ['a medium violation, failing on medium', of('medium', 'low'), 'medium', 1],
    ['a medium violation, failing on high', of('medium', 'low'), 'high', 0],
    ['a high violation, failing on high', of('high'), 'high', 1],
  ] as const)('%s: exit %i', (_label, violations, failOn, code) => {
    expect(auditExitCode({ violations, failOn, pageErrors: 0 })).toBe(code);
  });

  it('exits 2 when a page could not be loaded and nothing at the threshold was found', () => {
    expect(auditExitCode({ violations: of('low'), failOn: 'high', pageErrors: 1 })).toBe(2);
  });

  it('exits 0 for what no audited page did: a key found in storage, left there before the audit', () => {
    const found = { severity: 'high', notThisPage: 'stored-earlier' } as const;
    expect(auditExitCode({ violations: [found], failOn: 'low', pageErrors: 0 })).toBe(0);
  });

  it('exits 1 for violations even when a page could not be loaded: what was found stands', () => {
    expect(auditExitCode({ violations: of('high'), failOn: 'high', pageErrors: 1 })).toBe(1);
  });
});

describe('failingViolations', () => {
  it('counts every violation at or above the threshold', () => {
    expect(failingViolations(of('high', 'medium', 'low', 'medium'), 'medium')).toEqual(
      of('high', 'medium', 'medium'),
    );
  });
});

describe('violationsThatMayFail', () => {
  const standing = [{ id: 'v-old' }, { id: 'v-new' }, { id: 'v-flaky' }];
  const finding = (violationIds: string[], intermittent: boolean) => ({
    findingId: 'f',
    severity: 'high' as const,
    title: '',
    summary: '',
    rules: [],
    keys: [],
    violationIds,
    observationIds: [],
    pageUrls: [],
    intermittent,
    verified: true,
  });
  const nothing = { new: [], gone: [] };
  const comparison: ReportComparison = {
    previous: { generatedAt: '', pages: 1, findings: 1 },
    findings: { new: [finding(['v-new'], false), finding(['v-flaky'], true)], gone: [] },
    thirdParties: nothing,
    cookies: nothing,
    storageKeys: nothing,
  };

  it('with --fail-on-new: only the new ones, an intermittent one excepted', () => {
    expect(violationsThatMayFail(standing, comparison, true)).toEqual([{ id: 'v-new' }]);
  });

  it('without it, or without a comparison: all of them', () => {
    expect(violationsThatMayFail(standing, comparison, false)).toEqual(standing);
    expect(violationsThatMayFail(standing, undefined, true)).toEqual(standing);
  });
});
