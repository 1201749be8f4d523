import { describe, expect, it } from 'vitest';
import {
  beaconObservation,
  cookieObservation,
  storageObservation,
} from '../../../tests/support/observations';
import type { Observation } from '../observations/observation';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { buildReport } from '../report/build-report';
import type { ReportScenario } from '../report/report-scenario';
import type { Report } from '../report/report-types';
import { formatScenarioComparison } from './format-scenario-comparison';
import { compareScenarios } from './scenario-comparison';

const tool = { name: 'jeejio-privacy-inspector', version: '0.1.0' };
const PAGE = 'https://www.jeejio.com/';
const OTHER = 'https://www.jeejio.com/other';

function run(observations: Observation[], scenario?: ReportScenario): Report {
  const pages = [PAGE, OTHER].map((url, i) => ({
    visitId: `v${i}`,
    tabId: 1,
    url,
    startedAt: 1_700_000_000_000,
  }));
  const report = buildReport({ tool, policy, pages, observations, generatedAt: 1_700_000_100_000 });
  return scenario ? { ...report, scenario } : report;
}

/** Google's advertising cookie, written by the page's script and stored by the browser. */
const adCookie = (pageUrl = PAGE, at = 1_700_000_000_500) =>
  cookieObservation({
    name: '_gcl_au',
    action: 'set',
    value: '1.1.123.456',
    observedAt: at,
    pageUrl,
    secure: false,
    httpOnly: false,
    session: false,
    expires: 1_800_000_000,
  });
const statisticsCookie = (at = 1_700_000_000_100) =>
  cookieObservation({
    name: 'Hm_lvt_0123456789abcdef0123456789abcdef',
    action: 'set',
    observedAt: at,
    value: '1700000000',
    httpOnly: false,
    secure: false,
    session: false,
    expires: 1_800_000_000,
  });
const adPixel = (pageUrl = PAGE) =>
  beaconObservation({
    url: 'https://ad.doubleclick.net/pixel.gif?r=1',
    pageUrl,
  });

describe('compareScenarios', () => {
  it('needs the default visit to compare with', () => {
    expect(() => compareScenarios([{ scenario: 'gpc', report: run([]) }])).toThrow(/default visit/);
  });

  it('says, page by page, what a scenario stopped, what it kept and what only it left', () => {
    const [gpc] = compareScenarios([
      { scenario: 'default', report: run([adCookie(PAGE), adPixel(PAGE), adCookie(OTHER), adPixel(OTHER)]) },
      {
        scenario: 'gpc',
        report: run([
          adCookie(OTHER),
          adPixel(OTHER),
          storageObservation({ pageUrl: PAGE, action: 'set', key: 'k' } as never),
        ]),
      },
    ]);
    const page = (url: string) => gpc?.pages.find((p) => p.pageUrl === url);
    expect(
      page(PAGE)
        ?.stopped.map((t) => `${t.kind} ${t.key}`)
        .sort(),
    ).toEqual(['beacon ad.doubleclick.net/pixel.gif', 'cookie _gcl_au@www.jeejio.com']);
    expect(page(PAGE)?.added.map((t) => t.kind)).toEqual(['storage']);
    // It stopped the advertising; a key of no known purpose is listed, and decides nothing.
    expect(page(PAGE)?.gpc).toBe('honoured');
    expect(page(OTHER)?.stopped).toEqual([]);
    expect(page(OTHER)?.gpc).toBe('ignored');
    // The advertising cookie's finding is no longer made on the page that honoured GPC; still made on the other.
    expect(gpc?.goneFindings.map((f) => f.pageUrl)).toContain(PAGE);
    expect(gpc?.keptFindings.map((f) => f.pageUrl)).toContain(OTHER);
    expect(gpc?.newFindings).toEqual([]);
  });

  it('calls a finding new on a page the default visit did not make it on, though it made it elsewhere', () => {
    const [reject] = compareScenarios([
      { scenario: 'default', report: run([adCookie(OTHER)]) },
      { scenario: 'reject', report: run([adCookie(OTHER), adCookie(PAGE)]) },
    ]);
    expect(reject?.newFindings.map((f) => [f.rule, f.pageUrl])).toEqual([
      ['cookie-undeclared-purpose', PAGE],
    ]);
    expect(reject?.newFindings[0]?.clause).toMatch(/^§7 lines 92/);
  });

  it("splits a banner's cookies at the moment it was answered", () => {
    const decidedAt = new Date(1_700_000_000_300).toISOString();
    const consent = [
      {
        pageUrl: PAGE,
        cmp: 'cookieconsent3',
        popupShown: true,
        action: 'reject' as const,
        succeeded: true,
        decidedAt,
      },
    ];
    const [reject] = compareScenarios([
      { scenario: 'default', report: run([statisticsCookie()]) },
      {
        scenario: 'reject',
        report: run([statisticsCookie(), adCookie(PAGE, 1_700_000_000_400)], {
          name: 'reject',
          description: '',
          consent,
        }),
      },
    ]);
    expect(reject?.consent?.[0]?.beforeChoice.map((t) => t.key)).toEqual([
      'Hm_lvt_0123456789abcdef0123456789abcdef@www.jeejio.com',
    ]);
    expect(reject?.consent?.[0]?.afterChoice.map((t) => t.key)).toEqual(['_gcl_au@www.jeejio.com']);
    expect(formatScenarioComparison(reject ? [reject] : [])).toContain(
      'the cookieconsent3 banner answered "reject"',
    );
  });

  it('lists what refusing cookies did not stop, and counts a refused header as nothing stored', () => {
    const refusedHeader = cookieObservation({
      name: 'IDE',
      domain: '.doubleclick.net',
      action: 'set-attempt',
      provenance: 'webRequest',
      url: 'https://ad.doubleclick.net/pixel.gif',
      cookieJar: 'refused',
    } as never);
    const [refuse] = compareScenarios([
      { scenario: 'default', report: run([adCookie(PAGE), adPixel(PAGE)]) },
      { scenario: 'refuse-cookies', report: run([adPixel(PAGE), refusedHeader]) },
    ]);
    expect(refuse?.refusalLeft).toEqual([
      {
        pageUrl: PAGE,
        traces: [expect.objectContaining({ kind: 'beacon', key: 'ad.doubleclick.net/pixel.gif' })],
      },
    ]);
    expect(formatScenarioComparison(refuse ? [refuse] : [])).toContain('What refusing cookies did not stop');
  });
});

describe('what refusing cookies did not stop: identifiers sent', () => {
  const analyticsHit = (cid: string) =>
    beaconObservation({
      url: `https://www.google-analytics.com/g/collect?v=2&tid=G-ABC123&cid=${cid}&en=page_view`,
      pageUrl: PAGE,
    });

  it("names a visitor id a vendor's payload still carried, by field and endpoint, though its value differs between visits", () => {
    const [refuse] = compareScenarios([
      { scenario: 'default', report: run([adCookie(PAGE), analyticsHit('111.222')]) },
      { scenario: 'refuse-cookies', report: run([analyticsHit('333.444')]) },
    ]);
    const left = refuse?.refusalLeft?.[0]?.traces ?? [];
    expect(left).toContainEqual(
      expect.objectContaining({
        kind: 'identifier',
        key: 'cid (device-id) to www.google-analytics.com/g/collect',
        vendor: expect.stringContaining('Google Analytics'),
      }),
    );
    // The same field in both visits is kept, not stopped and added again.
    const page = refuse?.pages.find((p) => p.pageUrl === PAGE);
    expect(page?.kept.map((t) => t.kind)).toContain('identifier');
    expect(formatScenarioComparison(refuse ? [refuse] : [])).toContain(
      'identifier cid (device-id) to www.google-analytics.com/g/collect',
    );
  });

  const amplitudeBatch = (events: number, member = 'device_id') =>
    beaconObservation({
      url: 'https://api2.amplitude.com/2/httpapi',
      method: 'POST',
      requestBody: JSON.stringify({
        api_key: 'k',
        events: Array.from({ length: events }, (_, i) => ({
          [member]: 'd-7f3a9c2e',
          event_type: `e${i}`,
          library: 'amplitude-ts/2.11.1',
        })),
      }),
      pageUrl: PAGE,
    });

  it('keys an id by its field, not its place in a batch, so runs whose batches differ in size still compare', () => {
    const [refuse] = compareScenarios([
      { scenario: 'default', report: run([amplitudeBatch(3)]) },
      { scenario: 'refuse-cookies', report: run([amplitudeBatch(1)]) },
    ]);
    const page = refuse?.pages.find((p) => p.pageUrl === PAGE);
    const identifiers = (traces: { kind: string; key: string }[] = []) =>
      traces.filter((t) => t.kind === 'identifier').map((t) => t.key);
    expect(identifiers(page?.kept)).toEqual([
      'events[].device_id (device-id) to api2.amplitude.com/2/httpapi',
    ]);
    expect(identifiers(page?.stopped)).toEqual([]);
    expect(identifiers(page?.added)).toEqual([]);
  });

  it('prints what a page named, however hostile, without a control character reaching the terminal', () => {
    const hostile = '\u001b]0;pwned\u0007';
    const [refuse] = compareScenarios([
      { scenario: 'default', report: run([]) },
      {
        scenario: 'refuse-cookies',
        report: run([storageObservation({ key: hostile, action: 'set' } as never)]),
      },
    ]);
    const text = formatScenarioComparison(refuse ? [refuse] : []);
    expect(text).toContain('?]0;pwned?');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not be printed
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });

  it('takes no identifier from a hit that carries none, nor from a request only the page claimed', () => {
    const claimed = { ...analyticsHit('333.444'), provenance: 'page-hook' } as Observation;
    const [refuse] = compareScenarios([
      { scenario: 'default', report: run([]) },
      { scenario: 'refuse-cookies', report: run([adPixel(PAGE), claimed]) },
    ]);
    const kinds = (refuse?.refusalLeft ?? []).flatMap((p) => p.traces.map((t) => t.kind));
    expect(kinds).not.toContain('identifier');
  });
});
