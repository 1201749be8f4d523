import {
  CLOAKED_CANONICAL_NAME,
  CLOAKED_COLLECTOR_URL,
  CLOAKED_HOST,
} from '../../../src/demo-site/cloaked-collector-page';
import { streamPageUrl } from '../../../src/demo-site/demo-pages';
import { LATE_HITS_URL } from '../../../src/demo-site/late-hits-page';
import { BEACON_EMAIL, BEACON_PHONE, HM_SITE_ID, STREAM_DEFAULTS } from '../../../src/demo-site/pages';
import { PING_LINK_URL, PING_URL } from '../../../src/demo-site/ping-link-page';
import { findFirefox } from '../../../src/harness/find-firefox';
import {
  type FirefoxExtensionSession,
  launchFirefoxWithExtension,
} from '../../../src/harness/launch-firefox-with-extension';
import { STORAGE_PAGE_READINGS, STORAGE_PAGE_VIOLATIONS } from '../storage-page-expectations';
import { startDnsOverHttps } from './dns-over-https-server';
import {
  expect,
  exportReport,
  FIREFOX_AUDIT_BUILD,
  firefoxMajorVersion,
  test,
  visit,
} from './firefox-fixtures';

// The Firefox build in real headless Firefox (ESR), against the same HTTPS fixtures as the Chromium suite.

test('Firefox: cookies set by header and by script are recorded, and one the browser refuses is still evidence', async ({
  tab: page,
  firefox,
}) => {
  await visit(page, 'https://www.jeejio.com/');
  await visit(page, 'https://www.jeejio.com/hostile');
  await page.evaluate(`(async () => {
    const pause = () => new Promise((resolve) => setTimeout(resolve, 300));
    document.cookie = 'fx_rewritten=1; path=/; max-age=3600';
    await pause();
    document.cookie = 'fx_rewritten=2; path=/; max-age=3600';
    document.cookie = 'fx_deleted=1; path=/; max-age=3600';
    await pause();
    document.cookie = 'fx_deleted=; path=/; max-age=0';
    await pause();
  })()`);
  const report = await exportReport(firefox.background);
  const cookie = (name: string, provenance: string, action: string) =>
    report.observations.find(
      (o) => o.kind === 'cookie' && o.name === name && o.provenance === provenance && o.action === action,
    );
  // By header: the Set-Cookie as webRequest read it, and the jar (Firefox reports the change of the document's
  // own cookies before the extension has placed the page, so they are read from the jar as found there).
  expect(cookie('JSESSIONID', 'webRequest', 'set-attempt')).toMatchObject({ domain: 'www.jeejio.com' });
  expect(
    cookie('user_phone', 'cookies-api', 'present') ?? cookie('user_phone', 'cookies-api', 'set'),
  ).toBeDefined();
  // By script: the page hooks' claim, with the script that wrote it, and the jar's change.
  expect(cookie(`Hm_lvt_${HM_SITE_ID}`, 'page-hook', 'script-write')).toMatchObject({ verified: true });
  expect(cookie(`Hm_lvt_${HM_SITE_ID}`, 'cookies-api', 'set')).toBeDefined();
  // A third party's, by header: seen though Firefox keeps it partitioned.
  expect(cookie('IDE', 'webRequest', 'set-attempt')).toMatchObject({ domain: '.doubleclick.net' });
  // Refused (5,000 bytes, over Firefox's limit too): its Set-Cookie header is on record, the jar never had it.
  const big = report.observations.filter((o) => o.name === 'big');
  expect(big.map((o) => o.action)).toEqual(['set-attempt']);
  expect(big[0]).toMatchObject({ valueLength: 5000 });
  // Firefox's change causes read as Chrome's: an overwrite is one change (its "overwrite" removal is not
  // a removal), a deletion is a removal.
  const jarActions = (name: string) =>
    report.observations.filter((o) => o.name === name && o.provenance === 'cookies-api').map((o) => o.action);
  expect(jarActions('fx_rewritten')).toEqual(['set', 'set']);
  expect(jarActions('fx_deleted')).toEqual(['set', 'removed']);
  expect(report.violations.map((v) => v.rule)).toEqual(
    expect.arrayContaining([
      'cookie-sensitive-in-clear',
      'cookie-login-insecure',
      'cookie-third-party-recipient',
    ]),
  );
});

test('Firefox: web beacons (a pixel, sendBeacon, a POST) are recorded with their payloads and judged', async ({
  tab: page,
  firefox,
}) => {
  await visit(page, 'https://www.jeejio.com/beacons');
  const report = await exportReport(firefox.background);
  const network = report.observations.filter((o) => o.provenance === 'webRequest');
  const byPath = (fragment: string) => network.find((o) => o.url?.includes(fragment));
  expect(byPath('/stat.gif')).toMatchObject({ kind: 'beacon', beaconSignals: ['tiny-image'] });
  // Firefox calls a sendBeacon request "beacon" where Chrome says "ping"; both are read as pings.
  expect(byPath('hm.baidu.com/hm.gif')).toMatchObject({
    kind: 'beacon',
    resourceType: 'beacon',
    beaconSignals: expect.arrayContaining(['ping']),
    vendor: expect.stringContaining('Baidu'),
  });
  // A keepalive fetch: Firefox before 153 sends it past the extensions' webRequest (ESR 140 does, as its
  // devtools miss it too), so there only the page's own claim of the call, with its payload, tells of it.
  const keepalivePost = (await firefoxMajorVersion(firefox)) >= 153 ? network : report.observations;
  expect(keepalivePost.find((o) => o.url?.includes('collect.tracker.example'))).toMatchObject({
    method: 'POST',
    requestBody: expect.stringContaining(BEACON_EMAIL),
  });
  // A sendBeacon's payload, as the browser reported it before sending (Firefox files it as "beacon").
  expect(byPath('www.jeejio.com/log')).toMatchObject({
    kind: 'beacon',
    method: 'POST',
    requestBody: expect.stringContaining('realname=Zhang'),
  });
  const rules = report.violations.map((v) => v.rule);
  expect(rules).toEqual(
    expect.arrayContaining(['beacon-over-collection', 'third-party-disclosure', 'statistics-identifiable']),
  );
  const baidu = report.violations.find(
    (v) => v.rule === 'beacon-over-collection' && v.summary.includes('Baidu'),
  );
  expect(baidu?.summary).toContain('phone number');
  expect(baidu?.summary).not.toContain(BEACON_PHONE);
});

test('Firefox: local storage, session storage and IndexedDB are read and judged', async ({
  tab: page,
  firefox,
}) => {
  await visit(page, 'https://www.jeejio.com/storage');
  await expect
    .poll(async () => {
      const report = await exportReport(firefox.background);
      return report.observations
        .filter((o) => o.kind === 'storage' && o.provenance === 'dom')
        .map((o) => `${o.area}:${o.name}`)
        .sort();
    })
    .toEqual(STORAGE_PAGE_READINGS);
  const report = await exportReport(firefox.background);
  const flagged = report.violations.map(
    (v) => `${v.rule} ${report.observations.find((o) => o.id === v.observationIds[0])?.name}`,
  );
  expect(flagged.sort()).toEqual(STORAGE_PAGE_VIOLATIONS);
});

test('Firefox: the page hooks see fingerprinting, attributed to the script, as claims', async ({
  tab: page,
  firefox,
}) => {
  await visit(page, 'https://www.jeejio.com/techniques');
  // Headless Firefox on a machine without a GPU has no WebGL (Chromium has a software one): the page's
  // WebGL probe then reads nothing, and there is nothing to see.
  const webgl = await page.evaluate(() => document.createElement('canvas').getContext('webgl') !== null);
  const techniques = ['audio', 'canvas', 'fonts', ...(webgl ? ['webgl'] : [])];
  const report = await exportReport(firefox.background);
  const fingerprints = report.observations.filter((o) => o.kind === 'fingerprint');
  expect([...new Set(fingerprints.map((o) => o.technique))].sort()).toEqual(techniques);
  for (const o of fingerprints) {
    expect(o).toMatchObject({
      scriptUrl: 'https://collect.tracker.example/t.js',
      purpose: 'fingerprinting',
      verified: false,
    });
  }
  expect(report.violations.filter((v) => v.rule === 'fingerprinting')).toHaveLength(techniques.length);
});

test('Firefox: stopping the background page mid-page loses nothing and stores nothing twice', async ({
  tab: page,
  firefox,
}) => {
  const n = STREAM_DEFAULTS.n;
  // A page's cookies first, kept by the first background page.
  await visit(page, 'https://www.jeejio.com/');
  // Then a page receiving a cookie every 150 ms, while the background page is stopped three times: each
  // time, the page's next response starts a new one.
  await page.goto(streamPageUrl(n, 150));
  for (let stop = 1; stop <= 3; stop++) {
    await firefox.background.terminate();
    await expect.poll(() => firefox.background.pagesStarted, { timeout: 5_000 }).toBe(1 + stop);
  }
  await page.waitForFunction(() => (window as { streamDone?: boolean }).streamDone === true, {
    timeout: 30_000,
  });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const report = await exportReport(firefox.background);
  const ids = report.observations.map((o) => o.id);
  expect(new Set(ids).size).toBe(ids.length);
  // What the first background page kept is still there.
  expect(
    report.observations.find((o) => o.name === 'user_phone' && o.action === 'set-attempt'),
  ).toBeDefined();
  const headers = report.observations.filter(
    (o) => o.name.startsWith('stream_') && o.action === 'set-attempt',
  );
  expect(new Set(headers.map((o) => o.name)).size).toBe(n);
  expect(headers).toHaveLength(n);
});

test.describe('behind a DNS server of the test', () => {
  let dns: Awaited<ReturnType<typeof startDnsOverHttps>>;
  test.beforeAll(async () => {
    dns = await startDnsOverHttps({ [CLOAKED_HOST]: CLOAKED_CANONICAL_NAME });
  });
  test.afterAll(async () => {
    await dns.close();
  });
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
  test.use({ firefoxPreferences: async ({}, use) => use(dns.firefoxPreferences) });

  test("Firefox: a collector under a first-party name is uncloaked through the browser's resolver", async ({
    tab: page,
    firefox,
  }) => {
    await visit(page, CLOAKED_COLLECTOR_URL);
    const report = await exportReport(firefox.background);
    expect(dns.asked).toContain(CLOAKED_HOST);
    const hit = report.observations.find(
      (o) => o.provenance === 'webRequest' && o.url?.startsWith(`https://${CLOAKED_HOST}/collect`),
    );
    expect(hit).toMatchObject({
      canonicalName: CLOAKED_CANONICAL_NAME,
      party: 'third-party',
      vendor: 'Adobe Analytics',
      purpose: 'statistics',
    });
    expect(hit?.classificationReason).toContain(`${CLOAKED_HOST} → ${CLOAKED_CANONICAL_NAME}`);
    // A host that is no alias keeps its own name: the page itself.
    const document = report.observations.find((o) => o.url === CLOAKED_COLLECTOR_URL);
    expect(document?.canonicalName).toBeUndefined();
  });
});

test.describe("with Firefox's tracker lists naming the demo's trackers", () => {
  // Firefox's own test entries stand for the Disconnect lists it downloads (the tests have no network).
  test.use({
    firefoxPreferences: {
      'urlclassifier.trackingAnnotationTable.testEntries': 'collect.tracker.example,hm.baidu.com',
    },
  });

  test("Firefox: the browser's own tracker classification is kept as evidence beside the extension's", async ({
    tab: page,
    firefox,
  }) => {
    // A pixel 2 s after load (the beacons page's keepalive fetch is hidden from extensions before Firefox 153).
    await visit(page, LATE_HITS_URL, 3_000);
    const report = await exportReport(firefox.background);
    const network = report.observations.filter((o) => o.provenance === 'webRequest');
    const tracker = network.find((o) => o.url?.startsWith('https://collect.tracker.example/'));
    expect(tracker?.browserTrackingFlags).toContain('tracking');
    expect(tracker?.classificationReason).toContain(
      "Firefox's own tracker lists flag the request too (tracking",
    );
    expect(network.find((o) => o.url === LATE_HITS_URL)?.browserTrackingFlags).toBeUndefined();
  });
});

test.describe('with first-party isolation on', () => {
  test.use({ firefoxPreferences: { 'privacy.firstparty.isolate': true } });

  test('Firefox: the jar is still read (HttpOnly cookies included) and the page judged as without it', async ({
    tab: page,
    firefox,
    demoSite,
  }) => {
    // The cookies API refuses a query naming no first-party domain when isolation is on.
    const findingsOn = async (session: FirefoxExtensionSession, tab: typeof page) => {
      await visit(tab, 'https://www.jeejio.com/');
      await visit(tab, 'https://www.jeejio.com/clean');
      return exportReport(session.background);
    };
    const report = await findingsOn(firefox, page);
    const read = report.observations.filter((o) => o.provenance === 'cookies-api' && o.action === 'present');
    expect(read.map((o) => o.name)).toEqual(expect.arrayContaining(['JSESSIONID', 'user_phone']));
    expect(read.find((o) => o.name === 'JSESSIONID')).toMatchObject({ httpOnly: true });

    const plain = await launchFirefoxWithExtension({
      firefoxPath: findFirefox(),
      extensionDir: FIREFOX_AUDIT_BUILD,
      hostRules: demoSite.hostRules,
      ignoreHttpsErrors: true,
    });
    try {
      const without = await findingsOn(plain, await plain.browser.newPage());
      const summaries = (r: typeof report) =>
        r.findings.map((f) => `${f.rules.join('+')} ${f.summary}`).sort();
      expect(summaries(report).length).toBeGreaterThan(3);
      expect(summaries(report)).toEqual(summaries(without));
    } finally {
      await plain.close();
    }
  });
});

test.describe('with hyperlink auditing on', () => {
  // Off by default in Firefox (browser.send_pings); a user or an enterprise policy may turn it on.
  test.use({ firefoxPreferences: { 'browser.send_pings': true } });

  test("Firefox: a link's ping is recorded as a web beacon of the page that has the link", async ({
    tab: page,
    firefox,
  }) => {
    await visit(page, PING_LINK_URL, 500);
    await page.click('#pinging-link');
    await expect
      .poll(async () =>
        (await exportReport(firefox.background)).observations.find(
          (o) => o.provenance === 'webRequest' && o.url === PING_URL,
        ),
      )
      .toMatchObject({
        kind: 'beacon',
        resourceType: 'ping',
        method: 'POST',
        pageUrl: PING_LINK_URL,
        beaconSignals: expect.arrayContaining(['ping']),
      });
  });
});
