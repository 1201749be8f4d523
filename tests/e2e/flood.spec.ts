import type { BrowserContext, Page } from '@playwright/test';
import { FLOOD_LIMITS } from '../../src/core/observations/flood-budget';
import type { Report } from '../../src/core/report/report-types';
import {
  FLOOD_COOKIE_PREFIX,
  FLOOD_FRAMES,
  FLOOD_HIDDEN_COOKIE,
  STORM_COOKIE,
  STORM_FRAMES,
  STORM_HIDDEN_COOKIE,
  STORM_WRITES_PER_FRAME,
} from '../../src/demo-site/flood-pages';
import { inInspector } from '../../src/harness/in-inspector';
import { expect, exportReport, liveWorker, openPopup, tabIdOf, test } from './fixtures';

/**
 * What the worker may store while a page floods it for `seconds`: the tab's
 * budget (src/core/observations/flood-budget.ts), plus first sightings and the
 * page's own load (a few hundred); the rest is counted per key.
 */
function storedBound(seconds: number): number {
  return FLOOD_LIMITS.perTab.burst + FLOOD_LIMITS.perTab.perSecond * seconds + 1_000;
}

/** Waits for the page to finish its flood; the number of cookie writes it made. */
async function flooded(page: Page, url: string, timeout: number): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('body[data-done]').waitFor({ state: 'attached', timeout });
  return Number(await page.locator('body').getAttribute('data-writes'));
}

/** Waits until the browser's cookie jar holds a cookie of this name on the Jeejio site. */
async function inBrowserJar(context: BrowserContext, name: string, timeout: number): Promise<void> {
  const worker = await liveWorker(context);
  await expect
    .poll(
      async () =>
        (await worker.evaluate((n) => chrome.cookies.getAll({ name: n, domain: 'jeejio.com' }), name))
          .length > 0,
      {
        timeout,
        intervals: [500],
      },
    )
    .toBe(true);
}

/** What the jar and the report held of a cookie that was not found: for a failure's log. */
async function whyNotFound(context: BrowserContext, report: Report, name: string): Promise<string> {
  const worker = await liveWorker(context);
  const jar = await worker.evaluate(() => chrome.cookies.getAll({}));
  const recorded = report.observations.filter((o) => o.kind === 'cookie' && o.name === name);
  // Stored late (a write that failed and was retried, events still queued) or never: a second report says.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const again = await exportReport(context);
  const later = again.observations.filter((o) => o.kind === 'cookie' && o.name === name);
  const tabs = await worker.evaluate(() => chrome.tabs.query({}));
  const storage = await Promise.all(
    tabs.map((t) => inInspector(worker, (inspector, id) => inspector.tabSummary(id), t.id ?? -1)),
  );
  return [
    `3 s later, recorded of it: ${JSON.stringify(later.map((o) => [o.provenance, o.observedAt]))}; the worker's storage problem: ${JSON.stringify(storage.map((s) => s.storageProblem))}`,
    `[flood] ${name} not found from the jar. In the jar now: ${jar.length} cookies, ${name} ${jar.some((c) => c.name === name) ? 'among them' : 'not among them'}`,
    `recorded of it: ${JSON.stringify(recorded.map((o) => [o.provenance, o.observedAt, o.pageUrl]))}`,
    `pages: ${JSON.stringify(report.pages.map((p) => [p.url, p.visitId]))}`,
    `losses: ${JSON.stringify(
      report.evidence?.losses.map((l) => ({
        cause: l.cause,
        count: l.count,
        details: l.details,
        keys: l.perKey?.length,
        first: l.perKey?.slice(0, 3),
        ofIt: l.perKey?.filter((k) => k.key.includes(name)),
      })),
    )}`,
    // The flood budget counts the first sighting of a name only past the tab's bound on new names.
    `distinct cookie names recorded: ${new Set(report.observations.filter((o) => o.kind === 'cookie').map((o) => `${o.name} ${o.provenance}`)).size}`,
  ].join('\n');
}

function floodLoss(report: Report) {
  return report.evidence?.losses.find((l) => l.cause === 'flood');
}

/** Stored cookie observations the browser reported (cookies API), by name. */
function jarRecords(report: Report, name: (n: string) => boolean) {
  return report.observations.filter(
    (o) => o.kind === 'cookie' && o.provenance === 'cookies-api' && name(o.name),
  );
}

test('30 frames writing cookies for 4 s: storage stays bounded, the loss names the flooding cookies, a cookie written once in the middle is found', async ({
  page,
  extension,
}) => {
  test.setTimeout(180_000);
  const started = Date.now();
  const writes = await flooded(page, 'https://www.jeejio.com/hostile-flood', 60_000);
  // The worker writes its counts every second, and once more when a report is asked for.
  await page.waitForTimeout(2_000);
  // The report holds what the browser's jar holds, and under this flood the browser stores the page's
  // one write late: measured here, in 2 of 20 runs the jar read at export (which itself took 5-13 s
  // under the flood) still lacked the cookie 18 s after the page wrote it; 3 s later it was there, and
  // stored. The claim the page hook made of the write was among those over the claim rate (counted).
  await inBrowserJar(extension.context, FLOOD_HIDDEN_COOKIE, 60_000);
  const report = await exportReport(extension.context);
  const seconds = (Date.now() - started) / 1000;

  const stored = report.observations.length;
  const flood = jarRecords(report, (n) => n.startsWith(FLOOD_COOKIE_PREFIX));
  const loss = floodLoss(report);
  console.log(
    `[flood] ${writes} cookie writes by ${FLOOD_FRAMES} frames, ${seconds.toFixed(1)} s to the report; ${stored} observations stored ` +
      `(${flood.length} of the flooding cookies from the jar); ${loss?.count} kept as counts`,
  );
  expect(writes).toBeGreaterThan(5_000);
  expect(stored).toBeLessThan(storedBound(seconds));
  expect(report.evidence?.complete).toBe(false);
  expect(report.summary.evidenceComplete).toBe(false);
  // Contained: more of what reached the worker was kept as counts than stored one by one. (Not every
  // write has reached it when the report is read: the browser's cookie events for a burst arrive late
  // or fewer, and the hooks' claims over their rate are a claim-rate loss of their own.)
  expect(loss?.count).toBeGreaterThan(stored);
  // The keys it names are the flooding cookies.
  // The keys it names first are the flooding cookies, as the browser and the hooks saw them.
  const keys = (loss?.perKey ?? []).slice(0, FLOOD_FRAMES).map((k) => k.key);
  expect(keys.length).toBeGreaterThanOrEqual(FLOOD_FRAMES / 2);
  for (const key of keys)
    expect(key).toMatch(/^cookie flood_\d+@\S*jeejio\.com\/ \[(cookies-api|page-hook)\]$/);
  expect(keys.some((k) => k.endsWith('[cookies-api]'))).toBe(true);
  // The cookie written once in the middle of the flood was stored one by one, as the browser saw it.
  const hidden = jarRecords(report, (n) => n === FLOOD_HIDDEN_COOKIE);
  // Seen to fail once in CI and never here: when it does, say what the browser and the report held.
  if (hidden.length === 0) console.log(await whyNotFound(extension.context, report, FLOOD_HIDDEN_COOKIE));
  expect(hidden).not.toEqual([]);

  // The popup says so, naming the flooding cookies.
  const popup = await openPopup(extension, await tabIdOf(await liveWorker(extension.context), page));
  const floodLine = popup.getByTestId('evidence-losses').locator('[data-cause="flood"]');
  await expect(floodLine).toContainText('over the flood budget');
  await expect(floodLine).toContainText(FLOOD_COOKIE_PREFIX);
});

test('10,000 frames each writing a cookie 10 times: the worker survives, storage stays bounded, the loss is counted', async ({
  page,
  extension,
}) => {
  // Chromium made 15 to 40 such frames a second on a busy 2-core machine (each gets the content
  // script and the hooks); the writes themselves cost next to nothing.
  test.setTimeout(1_200_000);
  const started = Date.now();
  const writes = await flooded(page, 'https://www.jeejio.com/hostile-frame-storm', 1_000_000);
  const ms = Number(await page.locator('body').getAttribute('data-ms'));
  await page.waitForTimeout(2_000);
  // The worker still answers.
  expect(await (await liveWorker(extension.context)).evaluate(() => 1 + 1)).toBe(2);
  // As above: the report holds what the browser's jar holds, once the browser has stored it.
  await inBrowserJar(extension.context, STORM_HIDDEN_COOKIE, 60_000);
  const report = await exportReport(extension.context);
  const seconds = (Date.now() - started) / 1000;

  const stored = report.observations.length;
  const storm = jarRecords(report, (n) => n === STORM_COOKIE);
  const loss = floodLoss(report);
  console.log(
    `[storm] ${STORM_FRAMES} frames made in ${ms} ms (${Date.now() - started} ms to the report); ` +
      `${writes} writes; ${stored} observations stored (${storm.length} of ${STORM_COOKIE} from the jar); ${loss?.count} kept as counts`,
  );
  expect(writes).toBe(STORM_FRAMES * STORM_WRITES_PER_FRAME);
  expect(stored).toBeLessThan(storedBound(seconds));
  expect(report.evidence?.complete).toBe(false);
  // Contained: more of what reached the worker was kept as counts than stored one by one. (Not every
  // write has reached it when the report is read: the browser's cookie events for a burst arrive late
  // or fewer, and the hooks' claims over their rate are a claim-rate loss of their own.)
  expect(loss?.count).toBeGreaterThan(stored);
  expect(loss?.perKey).toContainEqual({
    key: `cookie ${STORM_COOKIE}@www.jeejio.com/ [cookies-api]`,
    count: expect.any(Number),
  });
  expect(jarRecords(report, (n) => n === STORM_HIDDEN_COOKIE)).not.toEqual([]);
});
