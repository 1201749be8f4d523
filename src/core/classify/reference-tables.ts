import type { CnameTrackerListFile } from './cname-trackers/convert-adguard';
import type { OcdCookieFile } from './open-cookie-database/ocd-types';

/**
 * The two large vendored tables classification reads: the Open Cookie
 * Database's cookies and AdGuard's CNAME-tracker list, 0.9 MB of JSON
 * together. They are handed over at run time instead of imported, so the
 * worker's script does not hold them: Chrome loads and compiles all of that
 * script on every wake, and these tables are needed only once something is
 * classified (#16). The worker and the extension pages fetch them from the
 * package (`src/stores/packaged-reference-tables.ts`); Node and the tests hand
 * over the copies bundled with them (`bundled-reference-tables.ts`).
 */
export interface ReferenceTables {
  openCookieDatabase: OcdCookieFile;
  cnameTrackers: CnameTrackerListFile;
}

/** Where each table lies in the extension package (copied there by the build). */
export const REFERENCE_TABLE_PATHS: Readonly<Record<keyof ReferenceTables, string>> = {
  openCookieDatabase: 'reference/ocd-cookies.json',
  cnameTrackers: 'reference/cname-trackers.json',
};

let provided: ReferenceTables | undefined;

/** Hands the tables over; classification reads them from then on. */
export function provideReferenceTables(tables: ReferenceTables): void {
  provided = tables;
}

export function referenceTablesProvided(): boolean {
  return provided !== undefined;
}

/**
 * The tables handed over. Throws when none were: classifying without them
 * would miss every cookie and disguised host they know, and say nothing.
 */
export function referenceTables(): ReferenceTables {
  if (!provided)
    throw new Error(
      'The reference tables (Open Cookie Database, CNAME trackers) were not provided before classifying: call provideReferenceTables first.',
    );
  return provided;
}
