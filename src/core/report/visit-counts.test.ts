import { describe, expect, it } from 'vitest';
import { beaconObservation, cookieObservation } from '../../../tests/support/observations';
import type { Observation } from '../observations/observation';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { buildReport } from './build-report';
import { withVisitCounts } from './visit-counts';

const tool = { name: 'jeejio-privacy-inspector', version: '0.1.0' };

function visit(n: number, observations: Observation[]) {
  const pages = [
    { visitId: `v${n}`, tabId: 1, url: 'https://www.jeejio.com/', startedAt: 1_700_000_000_000 + n },
  ];
  return { pages, observations: observations.map((o) => ({ ...o, id: `${o.id}-${n}`, visitId: `v${n}` })) };
}

const insecureLogin = () =>
  cookieObservation({ name: 'token', value: 'tok-123456789', secure: false, httpOnly: false });
const adPixel = () => beaconObservation({ url: 'https://ad.doubleclick.net/pixel.gif' });

describe('withVisitCounts', () => {
  it('marks what only some visits made as intermittent, and counts one finding however many visits made it', () => {
    const visits = [
      visit(1, [insecureLogin()]),
      visit(2, [insecureLogin(), adPixel()]),
      visit(3, [insecureLogin()]),
    ];
    const own = visits.map((v) => buildReport({ tool, policy, ...v, generatedAt: 0 }));
    const combined = buildReport({
      tool,
      policy,
      pages: visits.flatMap((v) => v.pages),
      observations: visits.flatMap((v) => v.observations),
      generatedAt: 0,
    });
    const counted = withVisitCounts(combined, own);
    const byRule = (rule: string) => counted.violations.filter((v) => v.rule === rule);
    expect(byRule('cookie-login-insecure')).toEqual([
      expect.objectContaining({ seenInVisits: { visits: 3, of: 3 } }),
    ]);
    expect(byRule('cookie-login-insecure')[0]?.intermittent).toBeUndefined();
    expect(byRule('hit-undeclared-purpose')).toEqual([
      expect.objectContaining({ intermittent: true, seenInVisits: { visits: 1, of: 3 } }),
    ]);
    const pixelFinding = counted.findings.find((f) => f.rules.includes('hit-undeclared-purpose'));
    expect(pixelFinding).toMatchObject({ intermittent: true, seenInVisits: { visits: 1, of: 3 } });
  });
});
