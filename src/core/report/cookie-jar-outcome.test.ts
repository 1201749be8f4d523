import { describe, expect, it } from 'vitest';
import { cookieObservation } from '../../../tests/support/observations';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { buildReport } from './build-report';
import { withCookieJar } from './cookie-jar-outcome';

const T = 1_700_000_000_000;
const header = (name: string, domain: string, extra = '') =>
  cookieObservation({
    id: `h-${name}`,
    provenance: 'webRequest',
    action: 'set-attempt',
    name,
    domain,
    observedAt: T,
    url: `https://${domain.replace(/^\./, '')}/p`,
    rawHeader: `${name}=1; Path=/; Secure; SameSite=None${extra}`,
  });

const reportOf = (...observations: ReturnType<typeof header>[]) =>
  buildReport({
    tool: { name: 't', version: '0' },
    policy,
    pages: [{ visitId: 'visit-1', tabId: 1, url: 'https://www.jeejio.com/', startedAt: T - 1000 }],
    observations,
    generatedAt: T,
  });

describe('withCookieJar', () => {
  it('says of each Set-Cookie whether the jar held the cookie at the end, domain dot or not', () => {
    const report = withCookieJar(
      reportOf(
        header('IDE', '.doubleclick.net'),
        header('MUID', '.bing.com'),
        header('lang', 'www.jeejio.com'),
        header('__Host-chips', 'widgets.example', '; Partitioned'),
      ),
      [
        { name: 'IDE', domain: 'doubleclick.net', path: '/' },
        { name: 'lang', domain: 'www.jeejio.com', path: '/' },
        { name: '__Host-chips', domain: 'widgets.example', path: '/' },
        // Same name elsewhere: not the cookie the header set.
        { name: 'MUID', domain: '.bing.com', path: '/other' },
      ],
    );
    const outcome = Object.fromEntries(report.observations.map((o) => [o.name, o.cookieJar]));
    expect(outcome).toEqual({
      IDE: 'stored',
      MUID: 'refused',
      lang: 'stored',
      '__Host-chips': 'partitioned',
    });
    expect(report.summary.thirdPartyCookies).toEqual({
      attempted: 3,
      stored: 1,
      partitioned: 1,
      refused: 1,
      mode: 'mixed',
    });
  });

  it('tells a browser that blocked third-party cookies from one that allowed them, or cannot tell', () => {
    const thirdParty = reportOf(header('IDE', '.doubleclick.net'), header('MUID', '.bing.com'));
    expect(withCookieJar(thirdParty, []).summary.thirdPartyCookies?.mode).toBe('blocked');
    const both = [
      { name: 'IDE', domain: '.doubleclick.net', path: '/' },
      { name: 'MUID', domain: '.bing.com', path: '/' },
    ];
    expect(withCookieJar(thirdParty, both).summary.thirdPartyCookies?.mode).toBe('allowed');
    expect(
      withCookieJar(reportOf(header('lang', 'www.jeejio.com')), []).summary.thirdPartyCookies,
    ).toMatchObject({
      attempted: 0,
      mode: 'unknown',
    });
  });

  it("counts a cookie the jar keeps partitioned (Firefox's Total Cookie Protection) as partitioned, without a Partitioned attribute", () => {
    const thirdParty = reportOf(header('IDE', '.doubleclick.net'), header('MUID', '.bing.com'));
    const partitioned = [
      { name: 'IDE', domain: '.doubleclick.net', path: '/', partitioned: true },
      { name: 'MUID', domain: '.bing.com', path: '/', partitioned: true },
    ];
    expect(withCookieJar(thirdParty, partitioned).summary.thirdPartyCookies).toEqual({
      attempted: 2,
      stored: 0,
      partitioned: 2,
      refused: 0,
      mode: 'partitioned',
    });
  });

  it('leaves a report built without the browser (the extension, a replay) silent on it', () => {
    const report = reportOf(header('IDE', '.doubleclick.net'));
    expect(report.observations[0]?.cookieJar).toBeUndefined();
    expect(report.summary.thirdPartyCookies).toBeUndefined();
  });
});
