/**
 * What the audit adds to each page beyond the page's own load without a dwell
 * (the audit before --dwell, as a reference in the same run), then how many
 * pages a minute it audits with the default dwell at concurrency 1, 2 and 4,
 * on the demo site. Prints figures (targets: ≤ 300 ms per page beyond load
 * without a dwell; ≥ 60 pages/min with the default dwell); nothing here is a
 * timed test.
 *
 * "Beyond its own load" is the time from asking for the page to being done
 * with it (load, falling quiet, the settle delay, reading its links) less the
 * page's navigation-to-load-event time, as the page itself reports it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditResult, DEFAULT_DWELL_MS, runAudit } from '../../src/cli/run-audit';
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
    const audit = async (concurrency: number, dwellMs: number) => {
      const started = performance.now();
      const result = await runAudit({
        urls,
        outDir,
        chromePath,
        extensionDir,
        hostRules: site.hostRules,
        ignoreHttpsErrors: true,
        concurrency,
        dwellMs,
      });
      return { result, totalMs: performance.now() - started };
    };
    const reference = await audit(1, 0);
    printBeyondLoad(reference.result, reference.totalMs);
    printThroughput(reference.result, reference.totalMs, 1, 0);
    for (const concurrency of [1, 2, 4]) {
      const run = await audit(concurrency, DEFAULT_DWELL_MS);
      printThroughput(run.result, run.totalMs, concurrency, DEFAULT_DWELL_MS);
    }
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
    `audit page without a dwell, concurrency 1, ${result.timings.length} pages (${PAGES.length} demo pages × ${ROUNDS}):\n` +
      `  beyond the page's own load: median ${ms(percentile(beyond, 0.5))}, p90 ${ms(percentile(beyond, 0.9))}` +
      ` (target ≤ 300 ms); the pages' own load: median ${ms(percentile(loads, 0.5))}\n` +
      `  once per run: starting the browser and reading the report ${ms(fixedMs)}` +
      ` (${ms(fixedMs / result.timings.length)} a page over this run)`,
  );
}

function printThroughput(result: AuditResult, totalMs: number, concurrency: number, dwellMs: number): void {
  const pages = result.timings.length;
  const target = dwellMs === DEFAULT_DWELL_MS ? ' (target ≥ 60 pages/min at the default dwell)' : '';
  console.log(
    `audit page, dwell ${dwellMs} ms, concurrency ${concurrency}: ${perMinute(pages, result.visitingMs)} pages/min visiting` +
      ` (${perMinute(pages, totalMs)} pages/min counting the browser's start and the report)${target}`,
  );
}

const ms = (value: number) => `${Math.round(value)} ms`;
const perMinute = (pages: number, elapsedMs: number) => ((pages * 60_000) / elapsedMs).toFixed(0);
