/**
 * What the audit adds to each page beyond the page's own load, and how many
 * pages a minute it audits with two tabs, on the demo site. Prints figures
 * (target: ≤ 300 ms per page at concurrency 1); nothing here is a timed test.
 *
 * "Beyond its own load" is the time from asking for the page to being done
 * with it (load, falling quiet, the settle delay, reading its links) less the
 * page's navigation-to-load-event time, as the page itself reports it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditResult, runAudit } from '../../src/cli/run-audit';
import { startDemoSite } from '../../src/demo-site/server';
import { benchPrerequisites } from './bench-prerequisites';
import { percentile } from './rules-engine.bench';

/** Demo pages that load and settle on their own (not the cookie stream, which runs for seconds on purpose). */
const PAGES = [
  'https://www.jeejio.com/',
  'https://www.jeejio.com/clean',
  'https://open.jeejio.com/',
  'https://iot.jeejio.com/shop',
  'https://www.jeejio.com/hostile',
  'https://www.jeejio.com/beacons',
  'https://www.jeejio.com/storage',
  'https://www.jeejio.com/techniques',
];
/** Each page is audited this many times (as distinct URLs, so none is skipped as already seen). */
const ROUNDS = 3;

export async function benchAuditPage(): Promise<void> {
  const prerequisites = benchPrerequisites('audit page');
  if (!prerequisites) return;
  const { chromePath, extensionDir } = prerequisites;
  const urls = Array.from({ length: ROUNDS }, (_, round) =>
    PAGES.map((url) => `${url}?round=${round}`),
  ).flat();
  const site = await startDemoSite();
  const outDir = await mkdtemp(join(tmpdir(), 'audit-bench-'));
  try {
    const audit = async (concurrency: number) => {
      const started = performance.now();
      const result = await runAudit({
        urls,
        outDir,
        chromePath,
        extensionDir,
        hostRules: site.hostRules,
        ignoreHttpsErrors: true,
        concurrency,
      });
      return { result, totalMs: performance.now() - started };
    };
    const one = await audit(1);
    printBeyondLoad(one.result, one.totalMs);
    const two = await audit(2);
    printThroughput(two.result, two.totalMs);
  } finally {
    await rm(outDir, { recursive: true, force: true });
    await site.close();
  }
}

function printBeyondLoad(result: AuditResult, totalMs: number): void {
  const beyond = Float64Array.from(result.timings.map((t) => t.auditMs - t.loadMs)).sort();
  const loads = Float64Array.from(result.timings.map((t) => t.loadMs)).sort();
  const fixedMs = totalMs - result.visitingMs;
  console.log(
    `audit page, concurrency 1, ${result.timings.length} pages (${PAGES.length} demo pages × ${ROUNDS}):\n` +
      `  beyond the page's own load: median ${ms(percentile(beyond, 0.5))}, p90 ${ms(percentile(beyond, 0.9))}` +
      ` (target ≤ 300 ms); the pages' own load: median ${ms(percentile(loads, 0.5))}\n` +
      `  once per run: starting the browser and reading the report ${ms(fixedMs)}` +
      ` (${ms(fixedMs / result.timings.length)} a page over this run)`,
  );
}

function printThroughput(result: AuditResult, totalMs: number): void {
  const pages = result.timings.length;
  console.log(
    `audit page, concurrency 2: ${perMinute(pages, result.visitingMs)} pages/min visiting` +
      ` (${perMinute(pages, totalMs)} pages/min counting the browser's start and the report)`,
  );
}

const ms = (value: number) => `${Math.round(value)} ms`;
const perMinute = (pages: number, elapsedMs: number) => ((pages * 60_000) / elapsedMs).toFixed(0);
