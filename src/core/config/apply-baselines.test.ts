import { describe, expect, it } from 'vitest';
import { demoReport, violationOf } from '../../../tests/support/reports';
import { applyBaselines } from './apply-baselines';
import type { Baseline } from './inspector-config-schema';

const report = demoReport();
const phone = violationOf(report, 'cookie-sensitive-in-clear', 'user_phone@');
const token = violationOf(report, 'cookie-login-insecure', 'token@');
const phpSession = violationOf(report, 'cookie-login-insecure', 'PHPSESSID@');
const accepted = { reason: 'Tracked in PRIV-12', owner: 'web-team' };
const on = new Date('2026-03-31T23:59:00Z');

const bySubject = (v: typeof phone, expires = '2026-03-31'): Baseline => ({
  ...accepted,
  rule: v.rule,
  subject: v.subject,
  expires,
});

describe('applyBaselines', () => {
  it('suppresses exactly what a baseline names, and keeps the rest', () => {
    const outcome = applyBaselines(report.violations, [bySubject(phone)], on);
    expect(outcome.suppressed).toEqual([{ violation: phone, baseline: bySubject(phone) }]);
    expect(outcome.kept).toEqual(report.violations.filter((v) => v !== phone));
    expect(outcome.expired).toEqual([]);
    expect(outcome.unused).toEqual([]);
  });

  it('matches by violation id, and by subject only within the named rule', () => {
    const byId: Baseline = { ...accepted, rule: token.rule, violationId: token.id, expires: '2026-12-31' };
    const wrongRule: Baseline = { ...bySubject(phone), rule: 'cookie-login-insecure' };
    const outcome = applyBaselines(report.violations, [byId, wrongRule], on);
    expect(outcome.suppressed.map((s) => s.violation)).toEqual([token]);
    expect(outcome.unused).toEqual([wrongRule]);
  });

  it('holds an acceptance through its expiry date, and fails the finding again the day after', () => {
    const lastDay = applyBaselines(report.violations, [bySubject(phone)], new Date('2026-03-31T23:59:59Z'));
    expect(lastDay.suppressed).toHaveLength(1);
    const dayAfter = applyBaselines(report.violations, [bySubject(phone)], new Date('2026-04-01T00:00:00Z'));
    expect(dayAfter.suppressed).toEqual([]);
    expect(dayAfter.kept).toContain(phone);
    expect(dayAfter.expired).toEqual([{ violation: phone, baseline: bySubject(phone) }]);
  });

  it('lets a current acceptance win over an expired one for the same finding', () => {
    const outcome = applyBaselines(
      report.violations,
      [bySubject(phone, '2025-01-01'), bySubject(phone, '2027-01-01')],
      on,
    );
    expect(outcome.suppressed.map((s) => s.baseline.expires)).toEqual(['2027-01-01']);
    expect(outcome.expired).toEqual([]);
  });

  it('accepts a rule on a page only for what was seen on that page alone', () => {
    expect(phpSession.pageUrls).toEqual(['https://open.jeejio.com/']);
    expect(token.pageUrls.length).toBeGreaterThan(1);
    const onOpen: Baseline = {
      ...accepted,
      rule: 'cookie-login-insecure',
      page: 'https://OPEN.jeejio.com',
      expires: '2026-12-31',
    };
    const onHome: Baseline = { ...onOpen, page: 'https://www.jeejio.com/' };
    const outcome = applyBaselines(report.violations, [onOpen, onHome], on);
    // The token cookie was also seen on other www pages, which nobody accepted.
    expect(outcome.suppressed.map((s) => s.violation)).toEqual([phpSession]);
    expect(outcome.kept).toContain(token);
    expect(outcome.unused).toEqual([onHome]);
  });

  it('reports acceptances that match nothing', () => {
    const stale: Baseline = {
      ...accepted,
      rule: 'fingerprinting',
      subject: 'canvas@gone.js',
      expires: '2026-12-31',
    };
    expect(applyBaselines(report.violations, [stale], on).unused).toEqual([stale]);
  });
});
