import cnameTrackers from './cname-trackers/cname-trackers.json';
import type { CnameTrackerListFile } from './cname-trackers/convert-adguard';
import openCookieDatabase from './open-cookie-database/ocd-cookies.json';
import type { OcdCookieFile } from './open-cookie-database/ocd-types';
import type { ReferenceTables } from './reference-tables';

/**
 * The reference tables bundled with the code that imports this module: the
 * command line, the benchmarks and the tests. Never imported by the
 * extension, which fetches them from its package (see reference-tables.ts).
 * (The JSON files are the generators' output; their literal types are too narrow to compare.)
 */
export const BUNDLED_REFERENCE_TABLES: ReferenceTables = {
  openCookieDatabase: openCookieDatabase as unknown as OcdCookieFile,
  cnameTrackers: cnameTrackers as unknown as CnameTrackerListFile,
};
