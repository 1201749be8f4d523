import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { streamPageUrl } from '../../src/demo-site/demo-pages';
import { STREAM_DEFAULTS } from '../../src/demo-site/pages';
import { inInspector } from '../../src/harness/in-inspector';
import {
  badgeText,
  expect,
  exportReport,
  liveWorker,
  openExtensionPage,
  openPopup,
  tabIdOf,
  test,
  visit,
} from './fixtures';
import { launchInProfile } from './persistent-profile';
import { holdObservationStore } from './worker-stop-support';

/** The keys of the extension's journals, in session and local storage. */
function journalKeys(extensionPage: Page): Promise<string[]> {
  return extensionPage.evaluate(async () => {
    const all = { ...(await chrome.storage.session.get(null)), ...(await chrome.storage.local.get(null)) };
    return Object.keys(all).filter((key) => /^(request|observation)Journal\//.test(key));
  });
}

test('stopping the background worker mid-page loses nothing and stores nothing twice', async ({
  page,
  extension,
}) => {
  // The ServiceWorker domain acts on the workers of the inspected page's origin, so it is driven from an extension page.
  const extensionPage = await openExtensionPage(extension, 'popup.html');
  const cdp = await extension.context.newCDPSession(extensionPage);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (statuses.at(-1) !== v.runningStatus) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const n = STREAM_DEFAULTS.n;
  await page.goto(streamPageUrl(n, 80));
  // Stop the worker several times while the page keeps receiving cookies.
  for (let stop = 0; stop < 4; stop++) {
    await page.waitForTimeout(500);
    await cdp.send('ServiceWorker.stopAllWorkers');
  }
  await page.waitForFunction(() => (window as { streamDone?: boolean }).streamDone === true, null, {
    timeout: 30_000,
  });
  await page.waitForLoadState('networkidle');

  // Each stop is followed by a fresh worker, woken by the page's next response.
  const restarts = statuses.filter((s, i) => s === 'running' && statuses[i - 1] === 'starting').length;
  expect(statuses.filter((s) => s === 'stopped').length, statuses.join(' > ')).toBeGreaterThanOrEqual(3);
  expect(restarts, statuses.join(' > ')).toBeGreaterThanOrEqual(3);

  const report = await exportReport(extension.context);
  const ids = report.observations.map((o) => o.id);
  expect(new Set(ids).size).toBe(ids.length);

  const streamCookies = report.observations.filter((o) => o.name.startsWith('stream_'));
  for (let k = 0; k < n; k++) {
    const seen = streamCookies.filter((o) => o.name === `stream_${k}`);
    // Every cookie the page received is on record: as its Set-Cookie header, a change or in the jar.
    expect(seen.length, `stream_${k}`).toBeGreaterThan(0);
    // Each way of seeing it is recorded at most once.
    const ways = seen.map((o) => `${o.provenance}/${o.action}`);
    expect(new Set(ways).size, `stream_${k}: ${ways.join(', ')}`).toBe(ways.length);
  }
  const headers = streamCookies.filter((o) => o.action === 'set-attempt');
  expect(new Set(headers.map((o) => o.name)).size).toBe(headers.length);
  // Every Set-Cookie header the page received is on record, exactly once.
  expect(headers.length).toBe(n);
  // And so is every request that carried one, as the browser saw it (the page hooks' claims of the
  // same fetches come through another path and are not what this test is about).
  const requests = report.observations.filter(
    (o) => o.url?.includes('/api/set-cookie?i=') && o.kind === 'request' && o.provenance === 'webRequest',
  );
  expect(new Set(requests.map((o) => o.url)).size).toBe(n);
  expect(requests).toHaveLength(n);
});

test('a response read by a worker stopped before it could store it is stored by the next worker', async ({
  page,
  extension,
}) => {
  const extensionPage = await openExtensionPage(extension, 'popup.html');
  const cdp = await extension.context.newCDPSession(extensionPage);
  await visit(page, 'https://www.jeejio.com/');

  // The extension's own page holds the observations store open for writing, so the worker's write waits.
  await holdObservationStore(extensionPage);
  const response = await page.evaluate(() =>
    fetch('/api/set-cookie?i=907', { cache: 'no-store' }).then((r) => r.status),
  );
  expect(response).toBe(200);
  const journaled = () => journalKeys(extensionPage);
  await expect
    .poll(journaled)
    .toEqual(expect.arrayContaining([expect.stringMatching(/^observationJournal\//)]));

  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await extensionPage.evaluate(() => {
    (window as { releaseStore?: boolean }).releaseStore = true;
  });

  const report = await exportReport(extension.context);
  const cookie = report.observations.filter((o) => o.name === 'stream_907');
  expect(cookie.filter((o) => o.action === 'set-attempt')).toHaveLength(1);
  const requests = report.observations.filter(
    (o) => o.url?.endsWith('/api/set-cookie?i=907') && o.kind === 'request' && o.provenance === 'webRequest',
  );
  expect(requests).toHaveLength(1);
  expect(requests[0]?.pageUrl).toBe('https://www.jeejio.com/');
  // Once stored, the readings leave the journal.
  await expect.poll(journaled).toEqual([]);
});

test('a response read just before the browser closed is stored when it opens again', async ({ demoSite }) => {
  const userDataDir = await mkdtemp(join(tmpdir(), 'jeejio-journal-'));
  try {
    const first = await launchInProfile(userDataDir, demoSite.hostRules);
    const extensionId = new URL(first.worker.url()).host;
    const page = await first.context.newPage();
    await visit(page, 'https://www.jeejio.com/');
    const extensionPage = await first.context.newPage();
    await extensionPage.goto(`chrome-extension://${extensionId}/popup.html`);
    await holdObservationStore(extensionPage);
    await page.evaluate(() => fetch('/api/set-cookie?i=908', { cache: 'no-store' }));
    await expect
      .poll(() => journalKeys(extensionPage))
      .toEqual(expect.arrayContaining([expect.stringMatching(/^observationJournal\//)]));
    await first.context.close();

    const second = await launchInProfile(userDataDir, demoSite.hostRules);
    const log = await inInspector(second.worker, async (inspector) => {
      await inspector.record([]);
      return inspector.exportLog();
    });
    const actions = log.observations.flatMap((o) =>
      o.kind === 'cookie' && o.name === 'stream_908' ? [o.action] : [],
    );
    expect(actions).toContain('set-attempt');
    await second.context.close();
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
});

test('a worker woken by a script’s cookie alone, no request made, still judges the page with the reference tables', async ({
  page,
  extension,
}) => {
  // The Open Cookie Database, which alone knows this cookie, is read from the package when the worker first
  // needs it, not compiled into its script: this wake makes no request that would read it first.
  const OCD_ONLY = 'ADKUID';
  await visit(page, 'https://www.jeejio.com/clean');
  const tabId = await tabIdOf(await liveWorker(extension.context), page);
  await expect.poll(async () => badgeText(await liveWorker(extension.context), tabId)).toBe('');
  const extensionPage = await openExtensionPage(extension, 'popup.html');
  const cdp = await extension.context.newCDPSession(extensionPage);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await extensionPage.close();

  await page.evaluate((name) => {
    document.cookie = `${name}=visitor-1234567890; path=/; max-age=31536000`;
  }, OCD_ONLY);
  // The new worker files the change, judges the page with the database's entry, and the badge says so.
  await expect
    .poll(async () => badgeText(await liveWorker(extension.context), tabId), { timeout: 15_000 })
    .not.toBe('');
  const popup = await openPopup(extension, tabId);
  await expect(popup.getByTestId('violations')).toContainText(OCD_ONLY);
});
