/**
 * What the inspector's service worker costs while a person browses: its
 * JavaScript heap, fresh and after 50 loads of a tracker-heavy Jeejio page,
 * and a cold wake-up (the worker stopped, then started again by a page that
 * sets a cookie) to the first observation kept and stored, as the worker
 * times it (WakeTimings). Headless Chromiums run side by side in the same
 * run, taking turns: one with the store build (.output/chrome-mv3, built here
 * when absent: the build people install, with access to *.jeejio.com only),
 * optionally one with a build to compare it with, and one with the empty
 * extension (tests/bench/empty-extension), the least any MV3 extension costs. Targets:
 * heap ≤ 15 MB above the empty extension's after the loads; a wake-up to the
 * first stored observation ≤ 50 ms. Prints figures; never fails a build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext, CDPSession, Worker } from 'playwright-core';
import { startDemoSite } from '../../src/demo-site/server';
import { TRACKER_HEAVY_URL } from '../../src/demo-site/tracker-heavy';
import { PROJECT_ROOT } from '../../src/harness/extension-build';
import { findChromium } from '../../src/harness/find-chromium';
import { inInspector } from '../../src/harness/in-inspector';
import { type ExtensionSession, launchWithExtension } from '../../src/harness/launch-with-extension';
import { UsageError } from '../../src/harness/usage-error';
import type { WakeTimings } from '../../src/protocol/inspector';
import { EMPTY_EXTENSION_DIR, STORE_EXTENSION_DIR } from './bench-prerequisites';
import { percentile } from './rules-engine.bench';
import { attachToWorker, freePort, workerHeapBytes } from './worker-devtools';

/**
 * `FOOTPRINT_BENCH_COMPARE=DIR npm run bench -- footprint` measures another
 * build (one made before a change) as a further arm, in turn with the others:
 * on a machine this noisy, before and after are only comparable in one run.
 */
const COMPARED_EXTENSION_DIR = process.env.FOOTPRINT_BENCH_COMPARE;

/** `FOOTPRINT_BENCH_LOADS=10 npm run bench -- footprint` loads fewer. */
const PAGE_LOADS = Number(process.env.FOOTPRINT_BENCH_LOADS ?? 50);
/** Beacons, pixels and the content scripts' first reports arrive within this after the load event. */
const SETTLE_AFTER_LOAD_MS = 300;
const WAKES = 15;
/** The home page sets a fresh session cookie on every load. */
const WAKE_PAGE_URL = 'https://www.jeejio.com/';

interface Arm {
  name: string;
  session: ExtensionSession;
  port: number;
}

export async function benchWorkerFootprint(): Promise<void> {
  let chromePath: string;
  try {
    chromePath = findChromium();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.log(`worker footprint: skipped. ${error.message}`);
    return;
  }
  const builds = [{ name: 'store build', dir: STORE_EXTENSION_DIR, note: ensureStoreBuild() }];
  if (COMPARED_EXTENSION_DIR)
    builds.push({
      name: 'compared build',
      dir: COMPARED_EXTENSION_DIR,
      note: describeBuild(COMPARED_EXTENSION_DIR),
    });
  const site = await startDemoSite();
  const arms: Arm[] = [];
  try {
    const launch = async (name: string, extensionDir: string): Promise<Arm> => {
      const port = await freePort();
      const session = await launchWithExtension({
        chromePath,
        extensionDir,
        hostRules: site.hostRules,
        ignoreHttpsErrors: true,
        debuggingPort: port,
      });
      const arm = { name, session, port };
      arms.push(arm);
      return arm;
    };
    const inspectors: Arm[] = [];
    for (const build of builds) inspectors.push(await launch(build.name, build.dir));
    const empty = await launch('empty extension', EMPTY_EXTENSION_DIR);
    console.log('worker footprint: side by side in one run, each in its own headless Chromium:');
    for (const build of builds) console.log(`  ${build.name}: ${build.note}`);
    console.log('  empty extension: tests/bench/empty-extension');

    printHeaps('fresh', await heapsOf(arms));
    // Taking turns spreads whatever else the machine is doing evenly over the arms.
    for (let i = 0; i < PAGE_LOADS; i++)
      for (const arm of arms) await loadOnce(arm.session.context, TRACKER_HEAVY_URL);
    // Everything the loads brought is stored before the heap is read.
    for (const arm of inspectors) await inInspector(arm.session.worker, (i) => i.record([]));
    printHeaps(`after ${PAGE_LOADS} loads of ${TRACKER_HEAVY_URL}`, await heapsOf(arms));

    const wakes = new Map<Arm, WakeTimings[]>(inspectors.map((arm) => [arm, []]));
    const controls = await Promise.all(inspectors.map(workerControl));
    for (let i = 0; i < WAKES; i++)
      for (const [index, arm] of inspectors.entries()) {
        const control = controls[index];
        if (control) wakes.get(arm)?.push(await wakeInspector(arm, control, i));
      }
    await Promise.all(controls.map((control) => control.close()));
    const emptyWakes = await wakeEmpty(empty);
    printWakes(wakes, emptyWakes);
  } finally {
    await Promise.allSettled(arms.map((arm) => arm.session.close()));
    await site.close();
  }
}

/** The store build, made now when there is none; says when the measured one was built. */
function ensureStoreBuild(): string {
  if (!existsSync(join(STORE_EXTENSION_DIR, 'manifest.json'))) {
    console.log('worker footprint: no store build in .output/chrome-mv3, building it (npx wxt build)');
    execFileSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, stdio: 'ignore' });
  }
  return describeBuild(STORE_EXTENSION_DIR);
}

function describeBuild(dir: string): string {
  const { size, mtime } = statSync(join(dir, 'background.js'));
  return `${dir}, background.js ${(size / 1024).toFixed(0)} KB, built ${mtime.toISOString()}`;
}

async function heapsOf(arms: readonly Arm[]): Promise<Map<Arm, number>> {
  const heaps = new Map<Arm, number>();
  for (const arm of arms) {
    const devtools = await attachToWorker(arm.port, arm.session.extensionId);
    try {
      heaps.set(arm, await workerHeapBytes(devtools));
    } finally {
      devtools.close();
    }
  }
  return heaps;
}

async function loadOnce(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await sleep(SETTLE_AFTER_LOAD_MS);
  } finally {
    await page.close();
  }
}

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function printHeaps(when: string, heaps: ReadonlyMap<Arm, number>): void {
  const empty = [...heaps].find(([arm]) => arm.name === 'empty extension')?.[1] ?? Number.NaN;
  const figures = [...heaps].map(([arm, bytes]) =>
    arm.name === 'empty extension'
      ? `${arm.name} ${MB(bytes)}`
      : `${arm.name} ${MB(bytes)} (${MB(bytes - empty)} above the empty extension)`,
  );
  console.log(`  worker heap after GC, ${when}: ${figures.join('; ')} (target ≤ 15 MB above)`);
}

type WorkerControl = Awaited<ReturnType<typeof workerControl>>;

/**
 * The ServiceWorker domain acts on the workers of the inspected page's origin,
 * so it is driven from a page of the extension: its manifest, which runs no
 * script and asks nothing of the worker (the popup would wake it).
 */
async function workerControl(arm: Arm) {
  const { context, extensionId } = arm.session;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/manifest.json`);
  const cdp: CDPSession = await context.newCDPSession(page);
  let status = 'running';
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.find((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
    if (ours) status = ours.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  const waitFor = async (wanted: string) => {
    const deadline = Date.now() + 10_000;
    while (status !== wanted) {
      if (Date.now() > deadline) throw new Error(`The ${arm.name} worker did not reach ${wanted}.`);
      await sleep(20);
    }
  };
  return {
    cdp,
    async stop() {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await waitFor('stopped');
    },
    close: () => page.close(),
  };
}

/**
 * Playwright keeps one Worker for the extension's service worker across a stop:
 * it evaluates in whichever instance runs now. A new instance has a new time origin.
 */
async function timeOrigin(worker: Worker): Promise<number | null> {
  return (await worker.evaluate('performance.timeOrigin').catch(() => null)) as number | null;
}

/** Once `read` answers from a worker started after the one whose time origin was `before`. */
async function fromNextInstance<T>(
  worker: Worker,
  before: number | null,
  read: () => Promise<T | null>,
): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const origin = await timeOrigin(worker);
    const value = origin !== null && origin !== before ? await read().catch(() => null) : null;
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('The woken worker did not answer within 10 s.');
    // The figures are the worker's own clock readings; asking less often only disturbs it less.
    await sleep(100);
  }
}

/** One wake: what came before stored, the worker stopped, then a Jeejio page that sets a cookie in a new tab. */
async function wakeInspector(arm: Arm, control: WorkerControl, wake: number): Promise<WakeTimings> {
  const worker = arm.session.worker;
  // Nothing left over from before: what is stored comes of the page that woke the worker.
  await inInspector(worker, (inspector) => inspector.record([]));
  const before = await timeOrigin(worker);
  await control.stop();
  const page = await arm.session.context.newPage();
  try {
    await page.goto(`${WAKE_PAGE_URL}?wake=${wake}`, { waitUntil: 'load' });
    return await fromNextInstance(worker, before, async () => {
      const timings = await inInspector(worker, (inspector) => inspector.wakeTimings());
      return timings.firstStoredMs === null ? null : timings;
    });
  } finally {
    await page.close();
  }
}

/** The empty extension has no listener an event could wake it for: it is started as DevTools would. */
async function wakeEmpty(arm: Arm): Promise<number[]> {
  const control = await workerControl(arm);
  const { worker, extensionId } = arm.session;
  const wakes: number[] = [];
  try {
    for (let i = 0; i < WAKES; i++) {
      const before = await timeOrigin(worker);
      await control.stop();
      await control.cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${extensionId}/` });
      wakes.push(
        await fromNextInstance(
          worker,
          before,
          async () => (await worker.evaluate('globalThis.jeejioInspector.readyMs')) as number,
        ),
      );
    }
  } finally {
    await control.close();
  }
  return wakes;
}

function spread(values: readonly number[]): string {
  const sorted = Float64Array.from(values).sort();
  return `median ${percentile(sorted, 0.5).toFixed(1)} ms, p90 ${percentile(sorted, 0.9).toFixed(1)} ms`;
}

function printWakes(inspectors: ReadonlyMap<Arm, readonly WakeTimings[]>, empty: readonly number[]): void {
  console.log(
    `  cold wake-up, ${WAKES} times each, builds taking turns: the worker stopped (ServiceWorker.stopAllWorkers), then ${WAKE_PAGE_URL} (sets a cookie) loaded in a new tab; milliseconds from the worker's start, as the worker measured them`,
  );
  for (const [arm, wakes] of inspectors) {
    const pick = (read: (w: WakeTimings) => number | null) => wakes.map((w) => read(w) ?? Number.NaN);
    console.log(`    ${arm.name}:`);
    console.log(
      `      background.js begins to run (loaded and compiled): ${spread(pick((w) => w.evaluationStartedMs))}`,
    );
    console.log(
      `      its modules' top-level work (script evaluation):   ${spread(pick((w) => w.scriptEvaluatedMs - w.evaluationStartedMs))} long`,
    );
    console.log(`      every listener added:              ${spread(pick((w) => w.listenersAddedMs))}`);
    console.log(`      first observation journaled:       ${spread(pick((w) => w.firstKeptMs))}`);
    console.log(
      `      first observation in the database: ${spread(pick((w) => w.firstStoredMs))} (target ≤ 50 ms)`,
    );
  }
  console.log(`    empty extension, started by DevTools, its script evaluated: ${spread(empty)}`);
}
