import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../../src/core/report/report-types';
import { SPA_ADS_URL, SPA_HOME_URL, SPA_PROFILE_PHONE, SPA_URL } from '../../src/demo-site/spa-page';
import { audit, workDir } from './audit-cli-process';
import {
  expect,
  exportReport,
  liveWorker,
  openExtensionPage,
  openPopup,
  tabIdOf,
  test,
  visit,
} from './fixtures';

/** A single-page app's routes: each is a visit of its own, and what it sends is filed under it. */

const PROFILE_URL = `${SPA_HOME_URL}#/profile`;

/** The report's pages of the app, each as "URL how-it-began". */
function pagesOf(report: Report): string[] {
  return report.pages.map((p) => `${p.url} ${p.startedBy ?? 'document-load'}`);
}

/** The page each hit of the app was filed under, by what it was sent to, as the browser or the page hooks saw it. */
function pageOfHit(report: Report, urlPart: string, provenance = 'webRequest'): string[] {
  const hits = report.observations.filter(
    (o) => o.provenance === provenance && o.url?.includes(urlPart) && o.kind !== 'cookie',
  );
  return [...new Set(hits.map((o) => o.pageUrl))];
}

/** When each page began and each hit was answered, for a failure to say which clock disagreed. */
function clockOf(report: Report, urlPart: string): string {
  const pages = report.pages.map((p) => `${p.startedAt} ${p.url} began (${p.startedBy ?? 'document-load'})`);
  const hits = report.observations
    .filter((o) => o.provenance === 'webRequest' && o.url?.includes(urlPart))
    .map((o) => `${o.observedAt} ${urlPart} answered, filed under ${o.pageUrl}`);
  return [...pages, ...hits].sort().join('\n');
}

/** The pages a rule's violations about a host were found on. */
function violationPages(report: Report, rule: string, host: string): string[] {
  const about = report.violations.filter((v) =>
    v.observationIds.some((id) => report.observations.find((o) => o.id === id)?.domain.endsWith(host)),
  );
  return [...new Set(about.filter((v) => v.rule === rule).flatMap((v) => v.pageUrls))];
}

test('in the browser, each route of the app is its own visit: the popup shows the route it is on', async ({
  page,
  extension,
}) => {
  await visit(page, SPA_URL);
  // The router moved the bare URL to its home route while loading.
  await expect(page).toHaveURL(SPA_HOME_URL);
  const profileHits = Promise.all([
    page.waitForResponse(/hm\.baidu\.com\/hm\.gif\?.*&ep=/),
    page.waitForResponse(/hm\.baidu\.com\/hm\.gif\?.*&v=profile/),
    // Sent on the profile before the app moves on (a request the app starts in the same instant as
    // the next route is a race the browser's events do not settle), answered only on the ads route.
    page.waitForRequest(/\/app\/api\/profile/),
  ]);
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page).toHaveURL(PROFILE_URL);
  await profileHits;
  // On at once, while the content script still holds back the profile's beacon and pixel (the page hooks
  // report in batches, hidden images are checked once loaded) and its data request is still running:
  // all of them must be filed under the profile.
  const profileData = page.waitForResponse(/\/app\/api\/profile/);
  // A person reads the profile before moving on: a request begun within 100 ms of a route change is
  // taken for the new route's (see visitOfSentRequest), and a script clicks faster than anyone.
  await page.waitForTimeout(300);
  await page.getByRole('link', { name: 'Ads' }).click();
  await expect(page).toHaveURL(SPA_ADS_URL);
  // The profile's data, asked for on the profile, is answered only now, on the ads route.
  await profileData;
  await page.waitForLoadState('networkidle');

  const worker = await liveWorker(extension.context);
  const popup = await openPopup(extension, await tabIdOf(worker, page));
  await expect(popup.locator('.page-url')).toHaveText(SPA_ADS_URL);
  await expect(popup.getByTestId('route-change')).toHaveText('route change, no page load');
  const violations = popup.getByTestId('violations').locator('li');
  // The ad pixel's cookie is this route's finding, once; the profile's phone beacon is not.
  // One finding for the IDE cookie, whichever of the two rules it breaks leads it.
  await expect(
    popup.locator('li[data-rules~="cookie-third-party-recipient"]', { hasText: '"IDE"' }),
  ).toHaveCount(1, { timeout: 20_000 });
  await expect(violations.filter({ hasText: 'Baidu' })).toHaveCount(0);
  await expect(violations.filter({ hasText: 'phone number' })).toHaveCount(0);

  const report = await exportReport(extension.context);
  // The app noted the route it left and moved on in one click: the note is filed under the route it left.
  const notes = report.observations.filter(
    (o) => o.provenance === 'page-hook' && o.kind === 'storage' && o.name === 'spa_left',
  );
  expect(notes.map((o) => [o.value, o.pageUrl])).toEqual([['#/profile', PROFILE_URL]]);
  expect(pagesOf(report)).toEqual([
    `${SPA_URL} document-load`,
    `${SPA_HOME_URL} route-change`,
    `${PROFILE_URL} route-change`,
    `${SPA_ADS_URL} route-change`,
  ]);
  expect(pageOfHit(report, '/stat.gif'), clockOf(report, '/stat.gif')).toEqual([SPA_HOME_URL]);
  expect(pageOfHit(report, 'hm.baidu.com/hm.gif')).toEqual([PROFILE_URL]);
  expect(pageOfHit(report, 'ad.doubleclick.net/pixel.gif')).toEqual([SPA_ADS_URL]);
  expect(pageOfHit(report, 'hm.baidu.com/hm.gif', 'page-hook')).toEqual([PROFILE_URL]);
  expect(pageOfHit(report, 'hm.baidu.com/hm.gif', 'dom')).toEqual([PROFILE_URL]);
  expect(pageOfHit(report, '/app/api/profile'), clockOf(report, '/app/api/profile')).toEqual([PROFILE_URL]);
  expect(pageOfHit(report, 'ad.doubleclick.net/pixel.gif', 'page-hook')).toEqual([SPA_ADS_URL]);
  expect(violationPages(report, 'cookie-third-party-recipient', 'doubleclick.net')).toEqual([SPA_ADS_URL]);
  expect(violationPages(report, 'beacon-over-collection', 'hm.baidu.com')).toEqual([PROFILE_URL]);
  const beacon = report.violations.find((v) => v.rule === 'beacon-over-collection');
  expect(beacon?.summary).toContain('phone number');
  expect(beacon?.summary).not.toContain(SPA_PROFILE_PHONE);

  // The report page lists each route as a visit of its own, marked as a route change.
  const reportPage = await openExtensionPage(extension, 'report.html');
  const timeline = reportPage.getByTestId('timeline').locator('li');
  await expect(timeline).toHaveCount(4);
  await expect(timeline.first()).not.toContainText('route change');
  await expect(reportPage.getByTestId('timeline').locator('li[data-started-by="route-change"]')).toHaveCount(
    3,
  );
  await expect(timeline.nth(3)).toContainText(SPA_ADS_URL);
  await expect(timeline.nth(3)).toContainText('(route change, no page load)');
});

test('audit --crawl follows the router links and hash routes, and files each hit under its route', async ({
  demoSite,
}) => {
  const out = await workDir();
  const run = await audit([
    SPA_URL,
    '--out',
    out,
    '--host-rules',
    demoSite.hostRules,
    '--ignore-https-errors',
    '--crawl',
    '4',
    '--dwell',
    '500',
  ]);
  expect(run.code, run.stderr).toBe(1);
  // No page waited out the time allowed for the extension's reading of it.
  expect(run.stderr).not.toContain('had no reading of its storage');
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  // The app's bare URL, the home route its router moved it to, then the links found there in order:
  // the router's links are visited as URLs the app's server answers, the hash route as a view of its own.
  expect(pagesOf(report)).toEqual([
    `${SPA_URL} document-load`,
    `${SPA_HOME_URL} route-change`,
    `${SPA_HOME_URL} document-load`,
    `${SPA_ADS_URL} document-load`,
    `${PROFILE_URL} document-load`,
  ]);
  expect(pageOfHit(report, '/stat.gif'), clockOf(report, '/stat.gif')).toEqual([SPA_HOME_URL]);
  expect(pageOfHit(report, 'hm.baidu.com/hm.gif')).toEqual([PROFILE_URL]);
  expect(pageOfHit(report, 'ad.doubleclick.net/pixel.gif')).toEqual([SPA_ADS_URL]);
  expect(violationPages(report, 'cookie-third-party-recipient', 'doubleclick.net')).toEqual([SPA_ADS_URL]);
  expect(violationPages(report, 'beacon-over-collection', 'hm.baidu.com')).toEqual([PROFILE_URL]);
});
