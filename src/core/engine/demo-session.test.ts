import { describe, expect, it } from 'vitest';
import log from '../../../tests/support/fixtures/demo-session.json';
import type { RecordedLog } from '../observations/observation';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { buildReport } from '../report/build-report';

/**
 * A session the real extension recorded on the demo site (six pages),
 * replayed through the engine: the verdicts must stay what a reader of the
 * policy expects, whatever changes inside the classifiers and rules.
 */
describe('replaying the recorded demo session', () => {
  const recorded = log as unknown as RecordedLog;
  const report = buildReport({
    tool: { name: 'test', version: '0' },
    policy,
    ...recorded,
    generatedAt: 0,
  });
  // Cookies by name; requests by their URL without the query, which holds random values.
  const nameOf = (id: string) => report.observations.find((o) => o.id === id)?.name.split('?')[0];
  const verdicts = report.violations.map((v) => `${v.rule} ${nameOf(v.observationIds[0] ?? '')}`).sort();

  it('finds exactly the violations the demo site was built to show', () => {
    expect(verdicts).toEqual(
      [
        'beacon-over-collection https://hm.baidu.com/hm.gif',
        'beacon-over-collection https://www.jeejio.com/log',
        'statistics-identifiable https://hm.baidu.com/hm.gif',
        'third-party-disclosure https://hm.baidu.com/hm.gif',
        'third-party-disclosure https://collect.tracker.example/c',
        'cookie-login-insecure PHPSESSID',
        'cookie-login-insecure session_token',
        'cookie-login-insecure token',
        'cookie-sensitive-in-clear user_phone',
        'cookie-third-party-recipient HMACCOUNT',
        'cookie-third-party-recipient IDE',
        'cookie-third-party-recipient MUID',
        'cookie-undeclared-purpose HMACCOUNT',
        'cookie-undeclared-purpose IDE',
        'cookie-undeclared-purpose MUID',
        'cookie-undeclared-purpose _fbp',
        'cookie-undeclared-purpose _uetsid',
        'hit-undeclared-purpose https://ad.doubleclick.net/pixel.gif',
        'hit-undeclared-purpose https://bat.bing.com/action/0',
        'hit-undeclared-purpose https://connect.facebook.net/en_US/fbevents.js',
      ].sort(),
    );
  });

  it('keeps advice apart: the lifetime bound is guidance, not a promise of the policy', () => {
    // Chromium caps the demo's two-year _ga cookie at 400 days, beyond the 395 set for statistics.
    expect(report.advice?.map((v) => `${v.rule} ${nameOf(v.observationIds[0] ?? '')}`)).toEqual([
      'retention-too-long _ga',
    ]);
    expect(report.summary).toMatchObject({ violations: verdicts.length, advice: 1 });
    expect(report.summary.byRule['retention-too-long']).toBeUndefined();
  });

  it('flags nothing on the page that only sets a Secure, HttpOnly session cookie', () => {
    const cleanPageFirst = report.violations.filter((v) => v.pageUrl === 'https://www.jeejio.com/clean');
    expect(cleanPageFirst).toEqual([]);
  });

  it('keeps the refused and malformed cookies of the hostile page as evidence', () => {
    const hostile = report.observations.filter((o) => o.pageUrl === 'https://www.jeejio.com/hostile');
    expect(hostile.some((o) => o.warnings?.some((w) => w.startsWith('Malformed')))).toBe(true);
    expect(hostile.find((o) => o.name === 'big')?.valueLength).toBe(5000);
  });

  it('scores the clauses it has evidence for and leaves the rest not observed or not checkable', () => {
    const status = Object.fromEntries(report.scorecard.map((c) => [c.clauseId, c.status]));
    expect(status['cookies.declared-purposes']).toBe('violated');
    expect(status['sharing.third-parties']).toBe('violated');
    expect(status['beacons.declared-collection']).toBe('violated');
    expect(status['storage.search-history']).toBe('not-observed');
    expect(status['app.permissions']).toBe('not-checkable');
  });
});
