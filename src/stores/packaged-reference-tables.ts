import { browser } from 'wxt/browser';
import {
  provideReferenceTables,
  REFERENCE_TABLE_PATHS,
  type ReferenceTables,
  referenceTablesProvided,
} from '../core/classify/reference-tables';

/** Between attempts to read the tables again, while reading them fails. */
const RETRY_DELAYS_MS = [200, 1_000, 5_000, 30_000];

let loading: Promise<void> | undefined;
let waiting: Promise<void> | undefined;

/**
 * Reads the reference tables from the extension's package and hands them to
 * classification, once per worker or page; later calls wait for the same
 * reading. Tables already handed over (the bundled copies, in Node) are kept.
 * A failed reading rejects, and the next call tries again: a page shows the
 * error. The worker, which must not lose what it was told meanwhile, waits with
 * `referenceTablesLoaded` instead.
 */
export function loadPackagedReferenceTables(): Promise<void> {
  if (referenceTablesProvided()) return Promise.resolve();
  loading ??= Promise.all([
    readPackaged<ReferenceTables['openCookieDatabase']>(REFERENCE_TABLE_PATHS.openCookieDatabase),
    readPackaged<ReferenceTables['cnameTrackers']>(REFERENCE_TABLE_PATHS.cnameTrackers),
  ]).then(
    ([openCookieDatabase, cnameTrackers]) => provideReferenceTables({ openCookieDatabase, cnameTrackers }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * Resolves once the tables are loaded, trying again after a failure (logged)
 * and never rejecting: what waits for them (a request reading, a content
 * report) is journaled or sent again meanwhile, so a slow or failed reading
 * delays it and loses nothing.
 */
export function referenceTablesLoaded(): Promise<void> {
  if (referenceTablesProvided()) return Promise.resolve();
  waiting ??= (async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await loadPackagedReferenceTables();
      } catch (error) {
        const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? 30_000;
        console.error(`[inspector] Could not read the reference tables; trying again in ${delay} ms`, error);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  })();
  return waiting;
}

async function readPackaged<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, browser.runtime.getURL('/')));
  if (!response.ok) throw new Error(`Could not read ${path} from the extension package: ${response.status}`);
  return (await response.json()) as T;
}
