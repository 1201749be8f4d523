import {
  FORGED_ATTRIBUTION_COOKIES,
  FORGED_PIXEL_PHONE,
  FORGED_WRITER,
} from '../../src/demo-site/hostile-evidence-pages';
import { expect, exportReport, liveWorker, openPopup, tabIdOf, test, visit } from './fixtures';

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
