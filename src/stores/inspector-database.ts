import Dexie, { type Table } from 'dexie';
import type { PageVisit } from '../core/observations/observation';
import type { ScreenshotRecord } from '../core/recording/screenshot-record';
import type { RecordingSession, SessionWarningRecord } from '../core/recording/session';
import type { ChainSegment } from '../core/recording/session-chain';
import { TOOL_NAME } from '../core/report/tool';
import { MIGRATIONS } from './migrations';
import { type AppliedMigration, appliedRecord, FIRST_LOGGED_VERSION } from './migrations/migration';
import { type ObservationBatch, ObservationStore } from './observation-store';

/** The installation's signing key; CryptoKey objects survive IndexedDB's structured clone, unextractable. */
export interface InstallationSigningKey {
  id: 'installation';
  keys: CryptoKeyPair;
  createdAt: number;
}

/** The installation's HMAC key from which each exported bundle's redaction key is derived. */
export interface InstallationRedactionKey {
  id: 'redaction';
  key: CryptoKey;
  createdAt: number;
}

export type SigningKeyRecord = InstallationSigningKey | InstallationRedactionKey;

/**
 * What each table holds, beside the schema so a new table is sorted at once:
 * recorded data goes with "delete all recorded data"; the installation's own
 * signing key and the log of applied migrations stay. A test fails for a
 * table in neither list.
 */
export const RECORDED_DATA_TABLES = [
  'observationBatches',
  'visits',
  'sessions',
  'chainSegments',
  'sessionWarnings',
  'screenshots',
] as const;
export const INSTALLATION_TABLES = ['signingKeys', 'schemaMigrations'] as const;

/**
 * The extension's own IndexedDB, opened only by extension code: a content
 * script's IndexedDB would belong to the page's origin, where the page can
 * read and wipe it. Its schema is the list of steps in src/stores/migrations.
 */
export class InspectorDatabase extends Dexie {
  observationBatches!: Table<ObservationBatch, number>;
  visits!: Table<PageVisit, string>;
  sessions!: Table<RecordingSession, string>;
  chainSegments!: Table<ChainSegment, [string, number]>;
  sessionWarnings!: Table<SessionWarningRecord, number>;
  screenshots!: Table<ScreenshotRecord, string>;
  signingKeys!: Table<SigningKeyRecord, string>;
  schemaMigrations!: Table<AppliedMigration, number>;

  /** Stored observations; read and write them only through this. */
  readonly observations: ObservationStore;

  constructor(name = TOOL_NAME) {
    super(name, { cache: 'disabled' });
    // Nothing here runs live queries or table hooks; without their layers each write costs the worker less.
    for (const layer of ['Observability', 'Cache', 'HooksMiddleware'])
      this.unuse({ stack: 'dbcore', name: layer });
    for (const migration of MIGRATIONS) {
      const version = this.version(migration.version).stores(migration.stores);
      const { upgrade } = migration;
      if (migration.version < FIRST_LOGGED_VERSION) {
        if (upgrade) version.upgrade(upgrade);
        continue;
      }
      // Each step from the one that made the log on records itself there, in its own upgrade transaction.
      version.upgrade(async (transaction) => {
        await upgrade?.(transaction);
        await transaction.table('schemaMigrations').put(appliedRecord(migration, Date.now()));
      });
    }
    this.observations = new ObservationStore(this.observationBatches);
  }

  /** Deletes every row of recorded data, in one transaction: nothing is left half deleted. */
  async clearRecordedData(): Promise<void> {
    const tables = RECORDED_DATA_TABLES.map((name) => this.table(name));
    await this.transaction('rw', tables, () => Promise.all(tables.map((table) => table.clear())));
  }
}
