import type { Report } from '../../src/core/report/report-types';
import {
  FORGED_ATTRIBUTION_COOKIES,
  FORGED_PIXEL_PHONE,
  FORGED_WRITER,
} from '../../src/demo-site/hostile-evidence-pages';
import { HOOK_ATTACK_MARKS } from '../../src/demo-site/hostile-hook-pages';
import { expect, exportReport, liveWorker, openPopup, STORE_BUILD, tabIdOf, test, visit } from './fixtures';

/** Waits until the hooks' claims (sent every 250 ms) and the DOM checks (after load) are stored. */
async function settle(page: import('@playwright/test').Page): Promise<void> {
  await page.waitForTimeout(1_500);
}

test('a <noscript> pixel the browser never fetched is no verified evidence, and its findings say so', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/hostile-noscript-pixel');
  await settle(page);
  const report = await exportReport(extension.context);
  const pixel = report.observations.find((o) => o.url?.includes(`phone=${FORGED_PIXEL_PHONE}`));
  expect(pixel).toMatchObject({ provenance: 'dom', beaconSignals: ['noscript-pixel'], verified: false });
  // Nothing the browser saw went to that host.
  expect(
    report.observations.filter((o) => o.url?.startsWith('https://ads.tracker.example/') && o.verified),
  ).toEqual([]);
  const citing = report.violations.filter((v) => v.observationIds.includes(pixel?.id ?? ''));
  expect(citing.length).toBeGreaterThan(0);
  expect(citing.map((v) => [v.rule, v.verified])).toEqual(citing.map((v) => [v.rule, false]));

  const popup = await openPopup(extension, await tabIdOf(await liveWorker(extension.context), page));
  await expect(popup.getByTestId('unverified-claim').first()).toBeVisible();
});

test('a page naming WeChat’s SDK as its cookies’ writer changes neither their vendor nor a finding', async ({
  page,
  extension,
}) => {
  const url = 'https://www.jeejio.com/hostile-attribution';
  await visit(page, url);
  await settle(page);
  const report = await exportReport(extension.context);
  const wechat = (o: { vendor: string | null; purpose: string }) =>
    o.vendor === 'WeChat' || o.purpose === 'social';
  const c = FORGED_ATTRIBUTION_COOKIES;

  for (const name of Object.values(c)) {
    const seen = report.observations.filter((o) => o.kind === 'cookie' && o.name === name);
    const jar = seen.find((o) => o.provenance === 'cookies-api');
    expect(jar, name).toMatchObject({ verified: true });
    expect(seen.filter(wechat), name).toEqual([]);
    // The hook's own lookup names no WeChat script whatever the page did to its stack.
    const claims = seen.filter((o) => o.provenance === 'page-hook');
    expect(claims.length, name).toBeGreaterThan(0);
    for (const claim of claims) expect(claim.scriptUrl, name).not.toBe(FORGED_WRITER);
    expect(jar?.claimedScriptUrl, name).not.toBe(FORGED_WRITER);
  }
  // Eval'd code is inline, whatever URL it gave itself; the stack tricks leave the inline script named.
  const claimOf = (name: string) =>
    report.observations.find((o) => o.provenance === 'page-hook' && o.kind === 'cookie' && o.name === name);
  expect(claimOf(c.viaSourceUrl)?.scriptUrl).toBeUndefined();
  expect(claimOf(c.unknownViaSourceUrl)?.scriptUrl).toBeUndefined();
  expect(claimOf(c.viaPrepareStackTrace)?.scriptUrl).toBe(url);
  expect(claimOf(c.viaReplacedError)?.scriptUrl).toBe(url);
  // The browser's record of that cookie shows the claimed writer as a claim, and keeps its own classification.
  const jar = report.observations.find(
    (o) => o.provenance === 'cookies-api' && o.kind === 'cookie' && o.name === c.viaPrepareStackTrace,
  );
  expect(jar).toMatchObject({ claimedScriptUrl: url, purpose: 'unknown' });
  expect(jar?.classificationReason).toContain('The page claims the script');

  // The login cookie readable by scripts is still found, on the browser's own evidence.
  const login = report.violations.find(
    (v) => v.rule === 'cookie-login-insecure' && v.subject.includes(c.viaSourceUrl),
  );
  expect(login).toMatchObject({ verified: true });
  expect(report.violations.filter((v) => v.summary.includes('WeChat'))).toEqual([]);
});

const marks = HOOK_ATTACK_MARKS;
const ORIGIN = 'https://www.jeejio.com';

/** Visits a hostile hook page, checks it did its trick, and returns the report once its claims are in. */
async function attack(
  page: import('@playwright/test').Page,
  context: import('@playwright/test').BrowserContext,
  path: string,
  outcome: string,
): Promise<Report> {
  await visit(page, `${ORIGIN}${path}`);
  await expect(page.locator('body')).toHaveAttribute('data-outcome', outcome);
  await settle(page);
  return exportReport(context);
}

const claimsOf = (report: Report, kind: string, name: string) =>
  report.observations.filter((o) => o.provenance === 'page-hook' && o.kind === kind && o.name === name);

test('a canvas read back through a frame the page just made is claimed, and filed under that frame', async ({
  page,
  extension,
}) => {
  const report = await attack(page, extension.context, '/hostile-blank-frame', 'read');
  const canvas = report.observations.filter(
    (o) => o.kind === 'fingerprint' && o.name === 'canvas' && o.pageUrl.endsWith('/hostile-blank-frame'),
  );
  // An about:blank frame stands for the origin it inherits, as with the content scripts' own reports.
  expect(canvas).toEqual([
    expect.objectContaining({ provenance: 'page-hook', frameUrl: `${ORIGIN}/`, verified: false }),
  ]);
  expect(claimsOf(report, 'storage', marks.blankFrameKey)).toEqual([
    expect.objectContaining({ frameUrl: `${ORIGIN}/` }),
  ]);
});

test('a frame reached through window[0], which no script can wrap, is hooked when it is inserted', async ({
  page,
  extension,
}) => {
  const report = await attack(page, extension.context, '/hostile-indexed-frame', 'read');
  const canvas = report.observations.filter(
    (o) => o.kind === 'fingerprint' && o.name === 'canvas' && o.pageUrl.endsWith('/hostile-indexed-frame'),
  );
  expect(canvas).toEqual([expect.objectContaining({ provenance: 'page-hook', frameUrl: `${ORIGIN}/` })]);
  expect(claimsOf(report, 'storage', marks.indexedFrameKey)).toHaveLength(1);
});

test('a cookie written through a srcdoc frame before it loaded is claimed once, and the browser confirms it', async ({
  page,
  extension,
}) => {
  const report = await attack(page, extension.context, '/hostile-srcdoc-cookie', 'written');
  // Once: the frame's own hooks, when the extension runs them there too, leave a hooked window alone.
  expect(claimsOf(report, 'cookie', marks.srcdocCookie)).toEqual([
    expect.objectContaining({ frameUrl: `${ORIGIN}/`, action: 'script-write' }),
  ]);
  const jar = report.observations.find(
    (o) => o.provenance === 'cookies-api' && o.kind === 'cookie' && o.name === marks.srcdocCookie,
  );
  expect(jar).toMatchObject({ verified: true });
});

test('a script the page document.writes into a frame it opened is hooked too', async ({
  page,
  extension,
}) => {
  const report = await attack(page, extension.context, '/hostile-opened-frame', 'written');
  // document.open() erased every listener in the frame, the hooks' channel too: it is taken up again.
  expect(claimsOf(report, 'storage', marks.openedFrameKey)).toEqual([
    expect.objectContaining({ frameUrl: `${ORIGIN}/` }),
  ]);
});

test("storage written through a window.open('') window is claimed, under the tab that opened it", async ({
  page,
  extension,
}) => {
  const report = await attack(page, extension.context, '/hostile-popup', 'written');
  expect(claimsOf(report, 'storage', marks.popupKey)).toEqual([
    expect.objectContaining({ pageUrl: `${ORIGIN}/hostile-popup`, frameUrl: `${ORIGIN}/` }),
  ]);
});

test('a page probing its built-ins for hooks finds none, so it tracks as it would unwatched, and is claimed', async ({
  page,
  extension,
}) => {
  const report = await attack(page, extension.context, '/hostile-tostring-probe', 'no hooks seen');
  expect(claimsOf(report, 'storage', marks.probeKey)).toHaveLength(1);
  const canvas = report.observations.filter(
    (o) => o.kind === 'fingerprint' && o.name === 'canvas' && o.pageUrl.endsWith('/hostile-tostring-probe'),
  );
  expect(canvas).toEqual([expect.objectContaining({ provenance: 'page-hook', verified: false })]);
});

test('a page that replaced the built-ins the hooks use after they were installed is claimed all the same', async ({
  page,
  extension,
}) => {
  const report = await attack(page, extension.context, '/hostile-tampered-builtins', 'tampered');
  expect(claimsOf(report, 'storage', marks.tamperKey)).toHaveLength(1);
  expect(claimsOf(report, 'cookie', marks.tamperCookie)).toHaveLength(1);
  // A frame made after the tampering is hooked, and its canvas read claimed, despite it.
  const canvas = report.observations.filter(
    (o) =>
      o.kind === 'fingerprint' && o.name === 'canvas' && o.pageUrl.endsWith('/hostile-tampered-builtins'),
  );
  expect(canvas).toEqual([expect.objectContaining({ provenance: 'page-hook', frameUrl: `${ORIGIN}/` })]);
});

test("a page posting its own claims on the hooks' channel neither learns it nor gets anything recorded", async ({
  page,
  extension,
}) => {
  const report = await attack(page, extension.context, '/hostile-forged-channel', 'no channel');
  const forged = report.observations.filter(
    (o) => o.url === marks.forgedBeacon || o.name === 'zz_forged' || o.url?.includes('phone=13900000000'),
  );
  expect(forged).toEqual([]);
  expect(
    report.observations.filter((o) => o.verified && o.url?.startsWith('https://ads.tracker.example/')),
  ).toEqual([]);
});

test.describe('without access to all sites, where the page’s resource timing stands in for webRequest', () => {
  test.use({ extensionDir: STORE_BUILD });

  test('a beacon the page wipes from its resource timing right after it loaded is still seen', async ({
    page,
    extension,
  }) => {
    const report = await attack(page, extension.context, '/hostile-cleared-timing', 'cleared');
    // Taken as each entry came, from document_start: the page's clearing came too late to hide it.
    // The page's own resource timing is the only `dom` record of a request the markup never held.
    const listed = report.observations.filter(
      (o) => o.url === marks.clearedTimingPixel && o.provenance === 'dom',
    );
    expect(listed).toEqual([
      expect.objectContaining({ provenance: 'dom', party: 'third-party', verified: false }),
    ]);
  });
});
