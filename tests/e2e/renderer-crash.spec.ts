import { WORKER_STOP_STEPS, workerStopPageUrl } from '../../src/demo-site/worker-stop-page';
import { inInspector } from '../../src/harness/in-inspector';
import { expect, liveWorker, tabIdOf, test } from './fixtures';
import { storedObservations } from './recording-support';
import { settledFactsOfRun } from './worker-stop-support';

/** Long enough for the content script to have sent its last claims (every 250 ms) and storage reading (300 ms after a write). */
const SENT_MS = 1_000;

test('a renderer crash mid-page keeps what was observed before it, and the next load of the tab is recorded normally', async ({
  page,
  extension,
}) => {
  const first = workerStopPageUrl(1000);
  await page.goto(first);
  await page.waitForFunction(() => (window as { claimsDone?: boolean }).claimsDone === true);
  await page.waitForTimeout(SENT_MS);
  const worker = await liveWorker(extension.context);
  const tabId = await tabIdOf(worker, page);

  const cdp = await extension.context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  // The renderer dies before it can answer.
  void cdp.send('Page.crash').catch(() => {});
  await crashed;

  // What the page's content script had sent, and what the browser saw, is on record.
  expect(await settledFactsOfRun(() => liveWorker(extension.context), 1000, 10_000)).toEqual({
    lost: [],
    doubled: [],
  });
  const cookiesSeen = (await storedObservations(await liveWorker(extension.context))).flatMap((o) =>
    o.kind === 'cookie' && o.provenance === 'cookies-api' && o.value === 'run-1000' && o.pageUrl === first
      ? [o.name]
      : [],
  );
  expect(new Set(cookiesSeen).size).toBe(WORKER_STOP_STEPS);

  // The crashed tab loads a page again (as its "Reload" button would): that load is a visit like any other.
  const second = workerStopPageUrl(1001);
  await worker.evaluate(({ tab, url }) => chrome.tabs.update(tab, { url }), { tab: tabId, url: second });
  expect(await settledFactsOfRun(() => liveWorker(extension.context), 1001, 15_000)).toEqual({
    lost: [],
    doubled: [],
  });
  const summary = await inInspector(
    await liveWorker(extension.context),
    (inspector, tab) => inspector.tabSummary(tab),
    tabId,
  );
  expect(summary.monitored).toBe(true);
  expect(summary.pageUrl).toBe(second);
  expect(summary.storageProblem).toBeNull();
});
