import type { Page, Worker } from '@playwright/test';
import { STAGING_HOST } from '../../src/demo-site/technique-pages';
import { badgeText, expect, exportReport, liveWorker, STORE_BUILD, tabIdOf, test, visit } from './fixtures';

const STAGING_PAGE = `https://${STAGING_HOST}/techniques`;

async function openOptions(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByTestId('watched-sites').waitFor();
}

async function addedSiteScripts(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []),
  );
}

test('a staging host added on the options page is watched like a Jeejio site, and forgotten when removed', async ({
  page,
  extension,
}) => {
  // Not watched before it is added.
  await visit(page, STAGING_PAGE);
  let report = await exportReport(extension.context);
  expect(report.observations.filter((o) => o.pageUrl === STAGING_PAGE)).toEqual([]);

  const options = await extension.context.newPage();
  await openOptions(options, extension.extensionId);
  await options.getByTestId('site-input').fill(`https://${STAGING_HOST}:8443/login`);
  await options.getByTestId('add-site').click();
  await expect(options.getByTestId('options-status')).toContainText(`${STAGING_HOST} is watched from now on`);
  await expect(options.getByTestId('added-site')).toHaveText([
    new RegExp(`^${STAGING_HOST} and its subdomains`),
  ]);
  const worker = await liveWorker(extension.context);
  await expect.poll(() => addedSiteScripts(worker)).toContain(`*://*.${STAGING_HOST}/*`);

  // Now every collector covers it: the browser's cookie jar, the network, and the page hooks in the main world.
  await visit(page, STAGING_PAGE);
  await page.waitForTimeout(1_500);
  report = await exportReport(extension.context);
  const seen = report.observations.filter((o) => o.pageUrl === STAGING_PAGE);
  expect(
    seen.find((o) => o.kind === 'cookie' && o.name === 'tp_uid' && o.provenance === 'cookies-api'),
  ).toBeTruthy();
  expect(seen.find((o) => o.kind === 'beacon' && o.provenance === 'webRequest')).toBeTruthy();
  expect(
    seen.find((o) => o.provenance === 'page-hook' && o.name === 'tp_uid' && o.verified === true),
  ).toMatchObject({ scriptUrl: 'https://collect.tracker.example/t.js' });
  expect(seen.some((o) => o.kind === 'fingerprint')).toBe(true);
  expect(report.violations.some((v) => v.pageUrls.includes(STAGING_PAGE))).toBe(true);
  expect(await badgeText(worker, await tabIdOf(worker, page))).toMatch(/^\d+$/);

  // Removed: scripts gone, the next visit is not watched.
  await options.getByRole('button', { name: `Remove ${STAGING_HOST}` }).click();
  await expect(options.getByTestId('options-status')).toContainText(`${STAGING_HOST} is no longer watched`);
  await expect.poll(() => addedSiteScripts(worker)).toEqual([]);
  await options.reload();
  await expect(options.getByTestId('added-site')).toHaveCount(0);
  const before = report.observations.length;
  await page.goto('about:blank');
  await visit(page, `${STAGING_PAGE}?again`);
  await page.waitForTimeout(1_000);
  report = await exportReport(extension.context);
  expect(report.observations.filter((o) => o.pageUrl.includes('?again'))).toEqual([]);
  expect(report.observations.length).toBeGreaterThanOrEqual(before);
});

test.describe('with the store build', () => {
  test.use({ extensionDir: STORE_BUILD });

  test('adding a host asks the browser for access first, and refuses what is not a host', async ({
    extension,
  }) => {
    const options = await extension.context.newPage();
    await openOptions(options, extension.extensionId);
    const status = options.getByTestId('options-status');

    for (const [typed, reason] of [
      ['com', 'public suffix'],
      ['staging.*.example.com', 'wildcard may only start'],
      ['ftp://staging.example.com', 'Only http and https'],
      ['open.jeejio.com', 'already watched (as part of jeejio.com)'],
    ] as const) {
      await options.getByTestId('site-input').fill(typed);
      await options.getByTestId('add-site').click();
      await expect(status).toContainText(reason);
    }

    // The browser now shows its permission prompt (headless Chromium leaves it open): nothing is added meanwhile.
    await options.getByTestId('site-input').fill(STAGING_HOST);
    await options.getByTestId('add-site').click();
    await expect(status).toContainText(`allow access to ${STAGING_HOST}`);
    await options.waitForTimeout(500);
    await expect(options.getByTestId('added-site')).toHaveCount(0);
    const worker = await liveWorker(extension.context);
    expect(await addedSiteScripts(worker)).toEqual([]);
  });
});
