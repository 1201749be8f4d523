/**
 * What browsing with the inspector costs on a tracker-heavy page (21
 * hand-written vendor scripts and five real SDKs from npm). Four headless
 * Chromiums with the same flags load the page in turn, each load in a fresh
 * tab: no extension; an empty MV3 extension (what having any extension costs);
 * the floor, an extension whose only code is one empty webRequest listener
 * able to see Set-Cookie headers (the least an extension reading the network
 * as this one must can cost); and the store build (what people install:
 * `*.jeejio.com`, where the page is). Every response is served at once, then
 * again 40 ms late, as from a distant server. Prints medians, p90 and ratios;
 * the targets (#16: load within 5 % of the floor's at both latencies,
 * main-thread script time ≤ 1.05 × no extension) are read, not asserted.
 * `PAGE_LOAD_COMPARE=DIR[,DIR…]` adds other builds as further arms.
 */
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { startDemoSite } from '../../src/demo-site/server';
import { TRACKER_HEAVY_URL } from '../../src/demo-site/tracker-heavy';
import {
  type BrowserOptions,
  type BrowserSession,
  launchChromium,
  launchWithExtension,
} from '../../src/harness/launch-with-extension';
import { benchPrerequisites, EMPTY_EXTENSION_DIR } from './bench-prerequisites';
import { percentile } from './rules-engine.bench';

const WARM_UP_LOADS = 3;
const MEASURED_LOADS = Number(process.env.PAGE_LOAD_RUNS ?? 20);
const LATENCIES_MS = [0, 40] as const;
/** Beacons, SDK batches and the content scripts' first reports then fall inside every arm's figures alike. */
const SETTLE_AFTER_LOAD_MS = 300;
/**
 * An extension keeps working after a page closes (storing, judging, the
 * badge); on two cores that work would otherwise slow the next arm's load.
 */
const QUIET_BETWEEN_LOADS_MS = 500;

interface Load {
  /** Navigation start to the end of the load event. */
  loadMs: number;
  /** JavaScript run on the page's renderer main thread, content scripts included. */
  scriptMs: number;
  resources: number;
}

interface Arm {
  name: string;
  /** Unpacked extension to load; none for the bare browser. */
  extensionDir?: string;
}

const bench = (dir: string) => fileURLToPath(new URL(dir, import.meta.url));

export async function benchPageLoad(): Promise<void> {
  const setup = benchPrerequisites('page load', 'store');
  if (!setup) return;
  const arms: Arm[] = [
    { name: 'no extension' },
    { name: 'empty extension', extensionDir: EMPTY_EXTENSION_DIR },
    { name: 'floor', extensionDir: bench('./floor-extension') },
    { name: 'store build', extensionDir: setup.extensionDir },
  ];
  // Other builds (an earlier commit's, a variant) as further arms: before and after compared within one run.
  for (const dir of (process.env.PAGE_LOAD_COMPARE ?? '').split(',').filter(Boolean))
    arms.push({ name: basename(dir).slice(0, 16), extensionDir: dir });
  const site = await startDemoSite();
  const sessions: BrowserSession[] = [];
  try {
    const browser: BrowserOptions = {
      chromePath: setup.chromePath,
      hostRules: site.hostRules,
      ignoreHttpsErrors: true,
    };
    for (const arm of arms) {
      sessions.push(
        arm.extensionDir
          ? await launchWithExtension({ ...browser, extensionDir: arm.extensionDir })
          : await launchChromium(browser),
      );
    }
    console.log(
      `page load: ${TRACKER_HEAVY_URL}, ${MEASURED_LOADS} loads per arm and latency after ${WARM_UP_LOADS} warm-up loads, arms taking turns`,
    );
    for (const latency of LATENCIES_MS) {
      site.setLatency(latency);
      const loads = await loadInTurn(sessions.map((s) => s.context));
      printFigures(latency, arms, loads);
    }
  } finally {
    await Promise.allSettled(sessions.map((s) => s.close()));
    await site.close();
  }
}

async function loadInTurn(contexts: readonly BrowserContext[]): Promise<Load[][]> {
  const loads: Load[][] = contexts.map(() => []);
  for (let round = 0; round < WARM_UP_LOADS + MEASURED_LOADS; round++) {
    // Each round starts with another arm, so none always follows the same one.
    for (let k = 0; k < contexts.length; k++) {
      const arm = (round + k) % contexts.length;
      const load = await measureLoad(contexts[arm] as BrowserContext);
      // The first loads pay for starting renderers and compiling the extension's code.
      if (round >= WARM_UP_LOADS) loads[arm]?.push(load);
    }
  }
  return loads;
}

async function measureLoad(context: BrowserContext): Promise<Load> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(TRACKER_HEAVY_URL, { waitUntil: 'load' });
    await sleep(SETTLE_AFTER_LOAD_MS);
    // Read before evaluating anything in the page, so the measuring script is not counted.
    const { metrics } = await cdp.send('Performance.getMetrics');
    const scriptSeconds = metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN;
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as
        | PerformanceNavigationTiming
        | undefined;
      return {
        loadMs: navigation ? navigation.loadEventEnd - navigation.startTime : Number.NaN,
        resources: performance.getEntriesByType('resource').length,
      };
    });
    return { ...timing, scriptMs: scriptSeconds * 1000 };
  } finally {
    await page.close();
    await sleep(QUIET_BETWEEN_LOADS_MS);
  }
}

interface Figures {
  loadMedian: number;
  loadP90: number;
  scriptMedian: number;
  scriptP90: number;
  resources: number;
}

function summarise(loads: readonly Load[]): Figures {
  const sortedBy = (pick: (load: Load) => number) => Float64Array.from(loads, pick).sort();
  const loadMs = sortedBy((l) => l.loadMs);
  const scriptMs = sortedBy((l) => l.scriptMs);
  return {
    loadMedian: percentile(loadMs, 0.5),
    loadP90: percentile(loadMs, 0.9),
    scriptMedian: percentile(scriptMs, 0.5),
    scriptP90: percentile(scriptMs, 0.9),
    resources: percentile(
      sortedBy((l) => l.resources),
      0.5,
    ),
  };
}

function printFigures(latency: number, arms: readonly Arm[], loads: readonly Load[][]): void {
  const figures = loads.map(summarise);
  const [none, , floor, store, ...compared] = figures;
  if (!none || !floor || !store) return;
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);
  const ratio = (value: number, reference: number) => `×${(value / reference).toFixed(3)}`;
  console.log(`  ${latency} ms added to every response:`);
  console.log(
    `    ${'arm'.padEnd(16)} ${'load median'.padStart(11)} ${'p90'.padStart(9)} ${'ratio'.padStart(7)}   ${'script median'.padStart(13)} ${'p90'.padStart(9)} ${'ratio'.padStart(7)}   resources`,
  );
  arms.forEach((arm, i) => {
    const f = figures[i] as Figures;
    console.log(
      `    ${arm.name.padEnd(16)} ${ms(f.loadMedian).padStart(11)} ${ms(f.loadP90)} ${ratio(f.loadMedian, none.loadMedian)}   ${ms(f.scriptMedian).padStart(13)} ${ms(f.scriptP90)} ${ratio(f.scriptMedian, none.scriptMedian)}   ${f.resources}`,
    );
  });
  console.log(
    `    store build against the floor: load ${ratio(store.loadMedian, floor.loadMedian)} (target ≤ ×1.05); ` +
      `script time against no extension ${ratio(store.scriptMedian, none.scriptMedian)} (target ≤ ×1.05; the floor's ${ratio(floor.scriptMedian, none.scriptMedian)})`,
  );
  compared.forEach((f, i) => {
    console.log(
      `    ${arms[4 + i]?.name} against the floor: load ${ratio(f.loadMedian, floor.loadMedian)}; script time against no extension ${ratio(f.scriptMedian, none.scriptMedian)}`,
    );
  });
}
