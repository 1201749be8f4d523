/**
 * The popup's export of a recorded session of 100,000 observations (grown
 * from the recorded demo session, as the rules and popup benches grow them),
 * as a user does it: a click on "Export evidence bundle", done when the
 * browser has written the file. Prints the total and where it went, from the
 * marks the export sets on the popup's timeline, middle of three passes
 * (target ≤ 3 s). `EXPORT_BENCH_REFERENCE=DIR` exports the same session from
 * another build (e.g. main's audit build) in the same run, in turn with ours.
 * Prints figures; never fails a build.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { nodeSha256Hex } from '../../src/cli/node-sha256';
import { verifyBundle } from '../../src/core/evidence/verify-bundle';
import { FLOOD_LIMITS } from '../../src/core/observations/flood-budget';
import { floodKey } from '../../src/core/observations/flood-key';
import type { Observation } from '../../src/core/observations/observation';
import { startDemoSite } from '../../src/demo-site/server';
import { inInspector } from '../../src/harness/in-inspector';
import { type ExtensionSession, launchWithExtension } from '../../src/harness/launch-with-extension';
import { benchPrerequisites } from './bench-prerequisites';
import { grownObservations } from './rules-engine.bench';

/** `EXPORT_BENCH_TOTAL=20000 npm run bench -- export` records fewer. */
const TOTAL = Number(process.env.EXPORT_BENCH_TOTAL ?? 100_000);
/**
 * `storage` (the default): storage readings of one page, as the ingest bench's content script sends them,
 * the session #16's 3.0–3.7 s was measured on; `grown`: the demo session grown, cookies, requests and beacons
 * with its login cookies (redacted) and many violations, a heavier bundle.
 */
const DATA = process.env.EXPORT_BENCH_DATA === 'grown' ? 'grown' : 'storage';
const PASSES = 3;
/** Observations recorded at a time, each chunk on a tab of its own: at most the budget's new names per tab. */
const CHUNK = FLOOD_LIMITS.newKeysPerTab.burst;
/** Tab ids no real tab of the browser has. */
const FIRST_TAB_ID = 1_000_000;

/**
 * The export's steps as the popup marks them (`export:<step>`), in order,
 * with what each covers: the figure printed for a step is the time since the
 * one before it.
 */
const STEPS = [
  ['settled', 'the worker stores what it holds; the export code loads'],
  ['read', 'reading the session from IndexedDB'],
  ['report', 'building the report'],
  ['screenshots', 'checking the screenshots'],
  ['redaction', 'redacting credentials (and chaining anew)'],
  ['derived-files', 'report.html, HAR, findings.csv'],
  ['report-json', 'report.json'],
  ['observations-file', 'observations.ndjson'],
  ['hashes', 'hashing the files'],
  ['manifest', 'signing the manifest'],
  ['zip', 'zipping'],
  ['seal', 'sealing'],
  ['download', 'handing the file to the browser'],
] as const;

interface Pass {
  /** Click to the file written, as the user waits. */
  totalMs: number;
  /** Each step's time, by name; empty for a build that sets no marks. */
  steps: Map<string, number>;
  bytes: number;
  verdict: string;
  redacted: number;
}

export async function benchExport(): Promise<void> {
  const prerequisites = benchPrerequisites('export');
  if (!prerequisites) return;
  const arms: [string, string][] = [['this build', prerequisites.extensionDir]];
  const reference = process.env.EXPORT_BENCH_REFERENCE;
  if (reference) arms.unshift(['reference', reference]);
  const site = await startDemoSite();
  const observations = withinFloodBudget(
    DATA === 'grown' ? grownObservations(TOTAL) : storageReadings(TOTAL),
  );
  const sessions: [string, ExtensionSession, Page][] = [];
  try {
    for (const [name, extensionDir] of arms) {
      const session = await launchWithExtension({
        chromePath: prerequisites.chromePath,
        extensionDir,
        hostRules: site.hostRules,
        ignoreHttpsErrors: true,
      });
      sessions.push([name, session, await recordSession(session, observations)]);
    }
    const passes = new Map<string, Pass[]>(arms.map(([name]) => [name, []]));
    // The arms take turns, pass by pass, so that this machine's other work falls on both alike.
    for (let pass = 0; pass < PASSES; pass++)
      for (const [name, , popup] of sessions) passes.get(name)?.push(await exportOnce(popup));
    console.log(
      `export from the popup: a recorded session of ${TOTAL} observations (${DATA}), ${PASSES} passes each`,
    );
    for (const [name, runs] of passes) report(name, runs);
  } finally {
    for (const [, session] of sessions) await session.close();
    await site.close();
  }
}

/** Storage readings of one page, each key once, as the ingest bench's content script reports them. */
function storageReadings(total: number): Observation[] {
  const observedAt = Date.now();
  return Array.from({ length: total }, (_, i): Observation => {
    const value = `v${i}-${'x'.repeat(24)}`;
    return {
      id: `bench-storage-${i}`,
      kind: 'storage',
      provenance: 'dom',
      observedAt: observedAt + Math.floor(i / 100),
      tabId: 0,
      visitId: 'bench-visit',
      pageUrl: 'https://www.jeejio.com/clean',
      area: 'localStorage',
      action: 'present',
      origin: 'https://www.jeejio.com',
      key: `bench-${i}`,
      value,
      valueLength: value.length,
    };
  });
}

/**
 * The observations as the flood budget admits them all at once (see
 * FLOOD_LIMITS): each chunk on a tab of its own, under its bound on new
 * names, and a name seen again on a visit moved to a visit of its own, so
 * nothing spends the budget of repeats that a session recorded over minutes
 * would have refilled.
 */
function withinFloodBudget(observations: readonly Observation[]): Observation[] {
  const seen = new Map<string, number>();
  return observations.map((o, i) => {
    const chunk = Math.floor(i / CHUNK);
    const key = `${chunk} ${o.visitId} ${floodKey(o)}`;
    const repeat = seen.get(key) ?? 0;
    seen.set(key, repeat + 1);
    return {
      ...o,
      tabId: FIRST_TAB_ID + chunk,
      visitId: repeat === 0 ? `${o.visitId}-c${chunk}` : `${o.visitId}-c${chunk}-r${repeat}`,
    } as Observation;
  });
}

/** Records the observations into a session, stops it and opens the popup on it. */
async function recordSession(session: ExtensionSession, observations: readonly Observation[]): Promise<Page> {
  await inInspector(session.worker, async ({ recorder }) => {
    const started = await recorder.start({ caseName: 'export bench', auditorName: 'bench', notes: '' });
    if ('problems' in started) throw new Error(started.problems.join(' '));
  });
  for (let i = 0; i < observations.length; i += CHUNK) {
    await inInspector(
      session.worker,
      (inspector, chunk) => inspector.record(chunk),
      observations.slice(i, i + CHUNK) as Observation[],
    );
  }
  const chained = await inInspector(
    session.worker,
    async ({ recorder }) => (await recorder.settle()).session?.chained ?? 0,
  );
  if (chained !== observations.length)
    throw new Error(`The session chained ${chained} of ${observations.length} observations`);
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await popup.getByTestId('recording').locator('summary').click();
  await popup.getByTestId('stop-recording').click();
  await popup.getByTestId('export-evidence').waitFor();
  return popup;
}

async function exportOnce(popup: Page): Promise<Pass> {
  await popup.evaluate(() => performance.clearMarks());
  const download = popup.waitForEvent('download', { timeout: 120_000 });
  const start = Date.now();
  await popup.getByTestId('export-evidence').click();
  const file = await (await download).path();
  const totalMs = Date.now() - start;
  const marks = await popup.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('export:'))
      .map((m) => [m.name.slice('export:'.length), m.startTime] as const),
  );
  const at = new Map(marks);
  const steps = new Map<string, number>();
  let previous = at.get('start');
  for (const [step] of STEPS) {
    const end = at.get(step);
    if (end === undefined || previous === undefined) continue;
    steps.set(step, end - previous);
    previous = end;
  }
  const zip = new Uint8Array(await readFile(file));
  const verdict = await verifyBundle(zip, { sha256Hex: nodeSha256Hex });
  return {
    totalMs,
    steps,
    bytes: zip.length,
    verdict: verdict.status,
    redacted: verdict.manifest?.secrets?.values ?? 0,
  };
}

function report(name: string, runs: Pass[]): void {
  // This machine's other work shows in single passes, so the middle pass of three is the figure.
  const middle = [...runs].sort((a, b) => a.totalMs - b.totalMs)[Math.floor(runs.length / 2)];
  if (!middle) return;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `  ${name}: ${seconds(middle.totalMs)} from click to file written (middle of ${runs.length}; target ≤ 3 s), ${(middle.bytes / 1e6).toFixed(0)} MB, ${middle.verdict}, ${middle.redacted} values redacted`,
  );
  console.log(`    each pass: ${runs.map((r) => seconds(r.totalMs)).join(', ')}`);
  for (const [step, what] of STEPS) {
    const ms = middle.steps.get(step);
    if (ms !== undefined)
      console.log(`    ${step.padEnd(18)} ${String(Math.round(ms)).padStart(5)} ms  ${what}`);
  }
}
