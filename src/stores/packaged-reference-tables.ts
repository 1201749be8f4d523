import { browser } from 'wxt/browser';
import {
  provideReferenceTables,
  REFERENCE_TABLE_PATHS,
  type ReferenceTables,
  referenceTablesProvided,
} from '../core/classify/reference-tables';

let loading: Promise<void> | undefined;

/**
 * Reads the reference tables from the extension's package and hands them to
 * classification, once per worker or page; later calls wait for the same
 * reading. The worker calls it before it first classifies, not when it wakes:
 * its script stays 0.9 MB smaller, and a wake that only journals what the
 * browser reports never reads them (#16). A failed reading is tried again on
 * the next call. Tables already handed over (the bundled copies, in Node) are kept.
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

async function readPackaged<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, browser.runtime.getURL('/')));
  if (!response.ok) throw new Error(`Could not read ${path} from the extension package: ${response.status}`);
  return (await response.json()) as T;
}
