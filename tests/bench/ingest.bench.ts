/**
 * Sustained ingest while recording: storage snapshots sent by the extension's
 * own content script in a monitored page (500 entries a message, its limit),
 * through the background's checks, into Dexie, each observation chained into
 * the recording session in the transaction that stores it. Prints
 * observations per second from the first message to the last chain entry
 * (target ≥ 10,000/s) and checks that every one was stored and chained exactly
 * once. Then exports that session from the popup and verifies the bundle,
 * printing how long each took. Prints figures; never fails a build.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { nodeSha256Hex } from '../../src/cli/node-sha256';
import { verifyBundle } from '../../src/core/evidence/verify-bundle';
import { startDemoSite } from '../../src/demo-site/server';
import { inInspector } from '../../src/harness/in-inspector';
import { launchWithExtension } from '../../src/harness/launch-with-extension';
import { benchPrerequisites } from './bench-prerequisites';

/** `INGEST_BENCH_TOTAL=20000 npm run bench -- ingest` sends fewer. */
const TOTAL = Number(process.env.INGEST_BENCH_TOTAL ?? 100_000);
const PER_MESSAGE = 500;
/** Messages the content script keeps in flight: a page reporting as fast as the background answers. */
const IN_FLIGHT = 8;

export async function benchIngest(): Promise<void> {
  const prerequisites = benchPrerequisites('ingest');
  if (!prerequisites) return;
  const { chromePath, extensionDir } = prerequisites;
  const site = await startDemoSite();
  const session = await launchWithExtension({
    chromePath,
    extensionDir,
    hostRules: site.hostRules,
    ignoreHttpsErrors: true,
  });
  try {
    const page = await session.context.newPage();
    await page.goto('https://www.jeejio.com/clean', { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const worker = session.worker;
    await inInspector(worker, async ({ recorder }) => {
      const started = await recorder.start({ caseName: 'ingest bench', auditorName: 'bench', notes: '' });
      if ('problems' in started) throw new Error(started.problems.join(' '));
    });
    const cdp = await session.context.newCDPSession(page);
    const contextId = await contentScriptContext(cdp, session.extensionId);

    const startedAt = Date.now();
    const sent = await cdp.send('Runtime.evaluate', {
      contextId,
      awaitPromise: true,
      returnByValue: true,
      expression: `(${SEND_SNAPSHOTS})(${TOTAL}, ${PER_MESSAGE}, ${IN_FLIGHT})`,
    });
    if (sent.exceptionDetails)
      throw new Error(`The content script could not send: ${sent.exceptionDetails.text}`);
    const sentAt = Date.now();
    // Done when every key the page reported is stored and chained.
    const check = (await worker.evaluate(`(${AWAIT_CHAINED})(${TOTAL}, ${Date.now() + 180_000})`)) as {
      doneAt: number;
      stored: number;
      chainedBench: number;
      chainedTotal: number;
      duplicates: number;
    };
    const seconds = (check.doneAt - startedAt) / 1000;
    console.log(
      `ingest while recording: ${TOTAL} storage observations from the content script in ${TOTAL / PER_MESSAGE} messages`,
    );
    console.log(
      `  ${Math.round(TOTAL / seconds)} observations/s sustained (target ≥ 10,000/s): ${seconds.toFixed(2)} s from the first message to the last chain entry (sending took ${((sentAt - startedAt) / 1000).toFixed(2)} s)`,
    );
    const lossless = check.stored === TOTAL && check.chainedBench === TOTAL && check.duplicates === 0;
    console.log(
      `  count check: ${check.stored}/${TOTAL} stored, ${check.chainedBench}/${TOTAL} chained, ${check.duplicates} chained twice, ${check.chainedTotal} chain entries in all: ${lossless ? 'no loss' : 'LOSS'}`,
    );
    await exportAndVerify(session.context, session.extensionId);
  } finally {
    await session.close();
    await site.close();
  }
}

/**
 * The recorded session exported as a user does it, from the popup (read from
 * the extension's database, bundled and signed in the popup's page), then
 * verified as a third party would.
 */
async function exportAndVerify(context: BrowserContext, extensionId: string): Promise<void> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByTestId('stop-recording').click();
  const exportButton = popup.getByTestId('export-evidence');
  await exportButton.waitFor();
  const download = popup.waitForEvent('download', { timeout: 120_000 });
  const exportStart = Date.now();
  await exportButton.click();
  // Done when the browser has written the file, as the user waits for it.
  const file = await (await download).path();
  const exportSeconds = (Date.now() - exportStart) / 1000;
  const zip = new Uint8Array(await readFile(file));
  const verifyStart = performance.now();
  const verdict = await verifyBundle(zip, { sha256Hex: nodeSha256Hex });
  const verifySeconds = (performance.now() - verifyStart) / 1000;
  console.log(
    `  that session exported from the popup in ${exportSeconds.toFixed(2)} s (${(zip.length / 1e6).toFixed(0)} MB), verified in ${verifySeconds.toFixed(2)} s: ${verdict.status} (targets ≤ 3 s each)`,
  );
}

/**
 * Runs in the content script's isolated world: storage snapshots, as the
 * content script sends them. A string, because the TypeScript runner's
 * helpers would not exist in that world.
 */
const SEND_SNAPSHOTS = `async (total, perMessage, inFlight) => {
  let next = 0;
  const sendOne = async () => {
    while (next < total) {
      const first = next;
      next = Math.min(total, next + perMessage);
      const entries = [];
      for (let i = first; i < next; i++) {
        const value = 'v' + i + '-' + 'x'.repeat(24);
        entries.push({ area: 'localStorage', key: 'bench-' + i, value, valueLength: value.length });
      }
      await chrome.runtime.sendMessage({ type: 'storage-snapshot', entries });
    }
  };
  await Promise.all(Array.from({ length: inFlight }, sendOne));
  return total;
}`;

/** Runs in the worker: waits until the session has chained `total` observations, then counts what is stored. */
const AWAIT_CHAINED = `async (total, deadline) => {
  const { recorder } = globalThis.jeejioInspector;
  let chained = 0;
  for (;;) {
    chained = (await recorder.status()).session?.chained ?? 0;
    if (chained >= total || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const doneAt = Date.now();
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('jeejio-privacy-inspector');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const all = (store) =>
    new Promise((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const observations = (await all('observationBatches')).flatMap((b) => b.observations);
  const segments = await all('chainSegments');
  db.close();
  const bench = new Set(observations.filter((o) => o.key?.startsWith('bench-')).map((o) => o.id));
  const chainedIds = segments.flatMap((s) => s.entries.map((e) => e.observationId));
  return {
    doneAt,
    stored: bench.size,
    chainedBench: chainedIds.filter((id) => bench.has(id)).length,
    chainedTotal: chainedIds.length,
    duplicates: chainedIds.length - new Set(chainedIds).size,
  };
}`;

/** The execution context of this extension's content script in the page (an isolated world). */
async function contentScriptContext(cdp: CDPSession, extensionId: string): Promise<number> {
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  for (let attempt = 0; attempt < 50; attempt++) {
    const found = contexts.find(
      (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`,
    );
    if (found) return found.id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No content script context: ${JSON.stringify(contexts.map((c) => [c.origin, c.auxData]))}`);
}
