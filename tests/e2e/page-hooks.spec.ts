import type { ReportObservation } from '../../src/core/report/report-types';
import { FORGED_MARKER, TECHNIQUE_PHONE } from '../../src/demo-site/technique-pages';
import { expect, exportReport, liveWorker, openPopup, tabIdOf, test, visit } from './fixtures';

const TRACKER = 'https://collect.tracker.example/t.js';
const MIXPANEL_SDK = 'https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js';

/** Waits until the hooks' claims (sent every 250 ms) and the DOM checks (after load) are stored. */
async function settle(page: import('@playwright/test').Page): Promise<void> {
  await page.waitForTimeout(1_500);
}

test('page hooks see each technique, first- and third-party, with the script that used it', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/techniques');
  await settle(page);
  const report = await exportReport(extension.context);
  const claims = report.observations.filter((o) => o.provenance === 'page-hook');
  const claim = (kind: string, fragment: string) =>
    claims.find((o) => o.kind === kind && (o.name.includes(fragment) || o.url?.includes(fragment)));

  // First-party inline script: the document is the script.
  const inline = 'https://www.jeejio.com/techniques';
  expect(claim('cookie', 'fp_uid')).toMatchObject({
    action: 'script-write',
    scriptUrl: inline,
    verified: true,
  });
  expect(claim('storage', 'fp_prefs')).toMatchObject({
    area: 'localStorage',
    scriptUrl: inline,
    verified: true,
  });
  expect(claim('storage', 'fp_session_step')).toMatchObject({ area: 'sessionStorage', scriptUrl: inline });
  expect(claim('storage', 'first-party-cache/pages/last')).toMatchObject({
    area: 'indexedDB',
    scriptUrl: inline,
  });
  expect(
    claims
      .filter((o) => o.url === 'https://www.jeejio.com/log')
      .map((o) => o.beaconSignals?.[0])
      .sort(),
  ).toEqual(['keepalive', 'send-beacon']);
  expect(claim('beacon', '/stat.gif')).toMatchObject({ beaconSignals: ['detached-image'], verified: true });

  // Third-party tracker: the same techniques, attributed to its script.
  expect(claim('cookie', 'tp_uid')).toMatchObject({ scriptUrl: TRACKER, verified: true });
  expect(claim('storage', 'tp_device')).toMatchObject({ scriptUrl: TRACKER, verified: true });
  expect(claim('beacon', 'collect.tracker.example/c?fp=')).toMatchObject({
    scriptUrl: TRACKER,
    beaconSignals: ['send-beacon'],
    verified: true,
  });
  // The browser's own record of that beacon names the script too, as the confirmed claim's word.
  const seen = report.observations.find(
    (o) => o.provenance === 'webRequest' && o.url?.startsWith('https://collect.tracker.example/c?fp='),
  );
  expect(seen).toMatchObject({ kind: 'beacon', claimedScriptUrl: TRACKER, verified: true });

  // Fingerprinting: every technique, by the tracker, a claim nothing on the browser side can confirm.
  const fingerprints = claims.filter((o) => o.kind === 'fingerprint');
  expect([...new Set(fingerprints.map((o) => o.technique))].sort()).toEqual([
    'audio',
    'canvas',
    'fonts',
    'webgl',
  ]);
  for (const o of fingerprints) {
    expect(o).toMatchObject({
      scriptUrl: TRACKER,
      purpose: 'fingerprinting',
      party: 'third-party',
      verified: false,
    });
  }
  const fingerprinting = report.violations.filter((v) => v.rule === 'fingerprinting');
  expect(fingerprinting).toHaveLength(4);
  expect(fingerprinting.every((v) => v.verified === false && v.clause.section === '§7')).toBe(true);

  // Beacons hidden in the markup, found in the DOM by the extension itself.
  const dom = (fragment: string) =>
    report.observations.find(
      (o) => o.provenance === 'dom' && o.kind === 'beacon' && o.url?.includes(fragment),
    );
  expect(dom('hidden.gif')).toMatchObject({ beaconSignals: ['hidden-element'], verified: true });
  expect(dom('collect.tracker.example/frame')).toMatchObject({ resourceType: 'sub_frame' });
  // A pixel inside <noscript> is never fetched: the markup alone verifies nothing.
  expect(dom('noscript.gif')).toMatchObject({ beaconSignals: ['noscript-pixel'], verified: false });

  // The beacon a page sends as it is left, from its own pagehide handler, is caught and filed under it.
  await visit(page, 'https://www.jeejio.com/clean');
  await expect
    .poll(async () =>
      (await exportReport(extension.context)).observations.find(
        (o) => o.provenance === 'page-hook' && o.url?.includes('e=exit'),
      ),
    )
    .toMatchObject({ pageUrl: inline, beaconSignals: ['send-beacon'], scriptUrl: inline });
  await page.goBack();
  // Back is a new visit whose scripts run again: the popup shows what reached the worker when it opens
  // (CI: opened at once, it showed the page before its fingerprinting claims came in).
  await settle(page);

  // The popup tells a claim from evidence the browser itself confirmed.
  const popup = await openPopup(extension, await tabIdOf(await liveWorker(extension.context), page));
  await expect(popup.getByTestId('unverified-claim').first()).toBeVisible();
});

test('a real analytics SDK never seen before: cookies, storage and beacons detected, attributed, classified, judged', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/analytics-sdk');
  await settle(page);
  const report = await exportReport(extension.context);
  const isSdk = (o: ReportObservation) => o.scriptUrl === MIXPANEL_SDK;

  // The browser's record of the SDK's cookie names the SDK as the page's claim, which classifies nothing.
  const cookies = report.observations.filter((o) => o.kind === 'cookie' && o.name.startsWith('mp_'));
  expect(
    cookies.some(
      (o) =>
        o.provenance === 'cookies-api' &&
        o.claimedScriptUrl === MIXPANEL_SDK &&
        o.classifiedBy !== 'script' &&
        o.classificationReason.includes('The page claims'),
    ),
  ).toBe(true);
  expect(cookies.some((o) => o.provenance === 'page-hook' && o.verified && isSdk(o))).toBe(true);

  const storage = report.observations.filter((o) => o.kind === 'storage' && o.name.startsWith('__mpq_'));
  expect(storage.some((o) => o.provenance === 'dom' && o.vendor === 'Mixpanel')).toBe(true);
  expect(storage.filter((o) => o.provenance === 'page-hook').every(isSdk)).toBe(true);

  const beacons = report.observations.filter(
    (o) => o.provenance === 'webRequest' && o.url?.startsWith('https://api-js.mixpanel.com/'),
  );
  expect(beacons.map((o) => new URL(o.url ?? '').pathname)).toEqual(
    expect.arrayContaining(['/track/', '/engage/']),
  );
  for (const o of beacons)
    expect(o).toMatchObject({ kind: 'beacon', vendor: 'Mixpanel', claimedScriptUrl: MIXPANEL_SDK });

  const judged = report.violations.filter((v) => v.summary.includes('Mixpanel'));
  expect(judged.map((v) => [v.rule, v.verified])).toEqual(
    expect.arrayContaining([
      ['third-party-disclosure', true],
      ['statistics-identifiable', true],
    ]),
  );
  expect(judged.find((v) => v.rule === 'third-party-disclosure')?.summary).not.toContain(TECHNIQUE_PHONE);
  // The SDK rewrites its own cookie (delete, then set): bookkeeping, not an identifier restored behind the user's back.
  expect(report.violations.filter((v) => v.rule === 'identifier-respawned')).toEqual([]);
});

test('a hostile page cannot forge evidence, and what it hides from the hooks the browser still sees', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/hostile-bridge');
  await settle(page);
  // The page asked for the channel and listened for it: it never learned it.
  await expect(page).toHaveTitle('learned 0');
  const report = await exportReport(extension.context);
  const mentions = (o: ReportObservation) => JSON.stringify(o).includes(FORGED_MARKER);
  expect(report.observations.filter(mentions)).toEqual([]);
  expect(report.violations.filter((v) => JSON.stringify(v).includes(FORGED_MARKER))).toEqual([]);

  // The beacon sent through a fresh about:blank iframe's own sendBeacon: the hooks reach the frame
  // before the page can use it, and the browser sees the beacon leave either way.
  const sentThroughFrame = report.observations.filter((o) => o.url?.includes('via=about-blank'));
  const smuggled = sentThroughFrame.find((o) => o.provenance === 'webRequest');
  expect(smuggled).toMatchObject({ kind: 'beacon', provenance: 'webRequest', verified: true });
  expect(sentThroughFrame.find((o) => o.provenance === 'page-hook')).toMatchObject({ verified: true });
  const disclosed = report.violations.find(
    (v) => v.rule === 'third-party-disclosure' && v.observationIds.includes(smuggled?.id ?? ''),
  );
  expect(disclosed).toMatchObject({ verified: true });
});
