import type { Page, Worker } from '@playwright/test';
import type { Observation } from '../../src/core/observations/observation';
import { WORKER_STOP_STEPS, workerStopPageUrl } from '../../src/demo-site/worker-stop-page';
import { storedObservations } from './recording-support';

/** Holds the extension's observations store open for writing from one of its pages, until released. */
export function holdObservationStore(extensionPage: Page): Promise<void> {
  return extensionPage.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        (window as { releaseStore?: boolean }).releaseStore = false;
        const open = indexedDB.open('jeejio-privacy-inspector');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result
            .transaction('observationBatches', 'readwrite')
            .objectStore('observationBatches');
          const keepOpen = () => {
            if (!(window as { releaseStore?: boolean }).releaseStore) store.count().onsuccess = keepOpen;
          };
          keepOpen();
          resolve();
        };
      }),
  );
}

/** Lets the store go: the worker's waiting writes go ahead. */
export function releaseObservationStore(extensionPage: Page): Promise<void> {
  return extensionPage.evaluate(() => {
    (window as { releaseStore?: boolean }).releaseStore = true;
  });
}

/** The facts one load of the worker-stop page must leave on record, each exactly once. */
const EXPECTED_FACTS = ['cookie claim', 'storage claim', 'storage reading'] as const;

/** Which of a page's facts an observation is, by what it says (not by its id, which the worker makes). */
function factOf(o: Observation, value: string): string | null {
  if (o.kind === 'cookie' && o.provenance === 'page-hook' && o.action === 'script-write' && o.value === value)
    return `cookie claim ${o.name}`;
  if (o.kind !== 'storage' || o.area !== 'localStorage' || o.value !== value) return null;
  if (o.provenance === 'page-hook' && o.action === 'set') return `storage claim ${o.key}`;
  if (o.provenance === 'dom' && o.action === 'present') return `storage reading ${o.key}`;
  return null;
}

export interface RunFacts {
  /** Expected facts with no observation on record. */
  lost: string[];
  /** Facts on record more than once. */
  doubled: string[];
}

/** What the store holds of one load of the worker-stop page, against what the page did. */
export function factsOfRun(observations: readonly Observation[], run: number): RunFacts {
  const pageUrl = workerStopPageUrl(run);
  const counts = new Map<string, number>();
  for (const o of observations) {
    if (o.pageUrl !== pageUrl) continue;
    const fact = factOf(o, `run-${run}`);
    if (fact !== null) counts.set(fact, (counts.get(fact) ?? 0) + 1);
  }
  const expected = EXPECTED_FACTS.flatMap((fact) =>
    Array.from({ length: WORKER_STOP_STEPS }, (_, k) => `${fact} wsl_${k}`),
  );
  return {
    lost: expected.filter((fact) => !counts.has(fact)),
    doubled: [...counts].filter(([, n]) => n > 1).map(([fact, n]) => `${fact} ×${n}`),
  };
}

/** Ids stored more than once, across all batches. */
export function doubledIds(observations: readonly Observation[]): string[] {
  const seen = new Set<string>();
  const doubled = new Set<string>();
  for (const o of observations) (seen.has(o.id) ? doubled : seen).add(o.id);
  return [...doubled];
}

/** Polls the store until the run's facts are all there (or the deadline passes) and says what it holds. */
export async function settledFactsOfRun(
  worker: () => Promise<Worker>,
  run: number,
  deadlineMs: number,
): Promise<RunFacts> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const facts = factsOfRun(await storedObservations(await worker()), run);
    if (facts.lost.length === 0 || Date.now() > until) return facts;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A small seeded generator (mulberry32): a failing run's stop points can be replayed from the logged seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
