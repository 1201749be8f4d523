import { describe, expect, it } from 'vitest';
import { cookieObservation } from '../../../tests/support/observations';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { buildReport } from './build-report';
import { cookieJarOutcomes, thirdPartyCookies } from './cookie-jar-outcome';

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
const jar = (name: string, domain: string, at: number, action: 'set' | 'present' = 'set') =>
  cookieObservation({ id: `j-${name}-${at}`, action, name, domain, observedAt: at });

describe('cookieJarOutcomes', () => {
  it('says a header was stored when the cookies API shows the cookie afterwards, domain dot or not', () => {
    const outcomes = cookieJarOutcomes([
      header('IDE', '.doubleclick.net'),
      jar('IDE', 'doubleclick.net', T + 40),
      header('MUID', '.bing.com'),
      header('late', 'www.jeejio.com'),
      jar('late', 'www.jeejio.com', T - 200, 'present'),
      header('stale', 'www.jeejio.com'),
      jar('stale', 'www.jeejio.com', T - 60_000, 'present'),
      header('__Host-chips', 'widgets.example', '; Partitioned'),
      jar('__Host-chips', 'widgets.example', T + 5),
    ]);
    expect(Object.fromEntries(outcomes)).toEqual({
      'h-IDE': 'stored',
      // The browser refused it: webRequest saw the header, the jar never held the cookie.
      'h-MUID': 'refused',
      // A jar report racing the header by a moment still answers it; one from a minute before does not.
      'h-late': 'stored',
      'h-stale': 'refused',
      'h-__Host-chips': 'partitioned',
    });
  });

  it('tells whether the browser blocked third-party cookies, or cannot tell', () => {
    const third = (outcome: 'stored' | 'refused' | 'partitioned') => ({ outcome, thirdParty: true });
    expect(
      thirdPartyCookies([third('refused'), third('refused'), { outcome: 'stored', thirdParty: false }]),
    ).toEqual({ attempted: 2, stored: 0, partitioned: 0, refused: 2, mode: 'blocked' });
    expect(thirdPartyCookies([third('stored')]).mode).toBe('allowed');
    expect(thirdPartyCookies([third('stored'), third('refused')]).mode).toBe('mixed');
    expect(thirdPartyCookies([third('partitioned'), third('refused')]).mode).toBe('mixed');
    expect(thirdPartyCookies([{ outcome: 'refused', thirdParty: false }]).mode).toBe('unknown');
  });

  it('puts each outcome on its Set-Cookie observation and the mode in the summary of report.json', () => {
    const report = buildReport({
      tool: { name: 't', version: '0' },
      policy,
      pages: [{ visitId: 'visit-1', tabId: 1, url: 'https://www.jeejio.com/', startedAt: T - 1000 }],
      observations: [header('MUID', '.bing.com'), header('IDE', '.doubleclick.net')],
      generatedAt: T,
    });
    expect(report.observations.map((o) => o.cookieJar)).toEqual(['refused', 'refused']);
    expect(report.summary.thirdPartyCookies).toEqual({
      attempted: 2,
      stored: 0,
      partitioned: 0,
      refused: 2,
      mode: 'blocked',
    });
  });
});
