/**
 * What the extension adds to loading a tracker-heavy page. Three headless
 * Chromiums with the same flags load the page in turn: one with the audit build
 * (all-sites access, so it watches every third-party request: the worst case),
 * one with no extension, and one with the floor: an extension whose only code
 * is one empty webRequest listener able to see Set-Cookie headers
 * (tests/bench/floor-extension), the least any extension reading the network
 * as this one must can cost. Prints figures; the targets (median load-time
 * ratio ≤ 1.05, added main-thread script time ≤ 5 ms) are checked by reading
 * them, not by a timed test.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { startDemoSite } from '../../src/demo-site/server';
import { TRACKER_HEAVY_URL } from '../../src/demo-site/tracker-heavy';
import {
  type BrowserSession,
  launchChromium,
  launchWithExtension,
} from '../../src/harness/launch-with-extension';
import { benchPrerequisites } from './bench-prerequisites';
import { percentile } from './rules-engine.bench';

const WARM_UP_LOADS = 3;
const MEASURED_LOADS = 30;
/** Beacons and pixels sent at load, and the content script's first report, then fall inside both arms' figures alike. */
const SETTLE_AFTER_LOAD_MS = 200;
/**
 * The extension keeps working after a page closes (storing observations, recounting the badge);
 * on two cores that work would otherwise slow the other arm's next load.
 */
const QUIET_BETWEEN_LOADS_MS = 500;

interface Load {
  /** Navigation start to the end of the load event. */
  loadMs: number;
  /** JavaScript run on the page's renderer main thread, content scripts included. */
  scriptMs: number;
  resources: number;
}

interface Arms {
  with: Load[];
  without: Load[];
  floor: Load[];
}

const FLOOR_EXTENSION_DIR = fileURLToPath(new URL('./floor-extension', import.meta.url));

export async function benchPageLoad(): Promise<void> {
  const setup = benchPrerequisites('page load');
  if (!setup) return;
  const site = await startDemoSite();
  const sessions: BrowserSession[] = [];
  try {
    const browser = { chromePath: setup.chromePath, hostRules: site.hostRules, ignoreHttpsErrors: true };
    const withExtension = await launchWithExtension({ ...browser, extensionDir: setup.extensionDir });
    sessions.push(withExtension);
    const without = await launchChromium(browser);
    sessions.push(without);
    const floor = await launchWithExtension({ ...browser, extensionDir: FLOOR_EXTENSION_DIR });
    sessions.push(floor);
    printFigures(await loadEveryArm(withExtension.context, without.context, floor.context));
  } finally {
    await Promise.allSettled(sessions.map((s) => s.close()));
    await site.close();
  }
}

async function loadEveryArm(
  withExtension: BrowserContext,
  without: BrowserContext,
  floor: BrowserContext,
): Promise<Arms> {
  const arms: Arms = { with: [], without: [], floor: [] };
  // Taking turns spreads whatever else the machine is doing evenly over the arms.
  for (let i = 0; i < WARM_UP_LOADS + MEASURED_LOADS; i++) {
    const withLoad = await measureLoad(withExtension);
    const withoutLoad = await measureLoad(without);
    const floorLoad = await measureLoad(floor);
    // The first loads pay for starting renderers and compiling the extension's code.
    if (i < WARM_UP_LOADS) continue;
    arms.with.push(withLoad);
    arms.without.push(withoutLoad);
    arms.floor.push(floorLoad);
  }
  return arms;
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

function summarise(loads: readonly Load[]) {
  const sortedBy = (pick: (load: Load) => number) => Float64Array.from(loads, pick).sort();
  const loadMs = sortedBy((l) => l.loadMs);
  const scriptMs = sortedBy((l) => l.scriptMs);
  const resources = sortedBy((l) => l.resources);
  return {
    loadMedian: percentile(loadMs, 0.5),
    loadP90: percentile(loadMs, 0.9),
    scriptMedian: percentile(scriptMs, 0.5),
    resources: percentile(resources, 0.5),
  };
}

function printFigures(arms: Arms): void {
  const withExtension = summarise(arms.with);
  const without = summarise(arms.without);
  const floor = summarise(arms.floor);
  const ms = (value: number, digits = 1) => `${value.toFixed(digits)} ms`;
  console.log(
    `page load: ${TRACKER_HEAVY_URL}, ${arms.with.length} loads per arm after ${WARM_UP_LOADS} warm-up loads, arms taking turns; extension: audit build (all sites)`,
  );
  console.log(`  resources per load (median): ${without.resources} without, ${withExtension.resources} with`);
  console.log(`  load time without extension: median ${ms(without.loadMedian)}, p90 ${ms(without.loadP90)}`);
  console.log(
    `  load time with extension:    median ${ms(withExtension.loadMedian)}, p90 ${ms(withExtension.loadP90)}`,
  );
  console.log(
    `  median load-time ratio (with / without): ${(withExtension.loadMedian / without.loadMedian).toFixed(3)} (target ≤ 1.05)`,
  );
  console.log(
    `  main-thread script time: median ${ms(without.scriptMedian, 2)} without, ${ms(withExtension.scriptMedian, 2)} with; added ${ms(withExtension.scriptMedian - without.scriptMedian, 2)} (target ≤ 5 ms)`,
  );
  console.log(
    `  the floor (one empty webRequest listener with extraHeaders, nothing else): load-time ratio ${(floor.loadMedian / without.loadMedian).toFixed(3)}, added script time ${ms(floor.scriptMedian - without.scriptMedian, 2)}; the extension against the floor: ratio ${(withExtension.loadMedian / floor.loadMedian).toFixed(3)}`,
  );
}
