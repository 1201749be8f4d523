import type { Transaction } from 'dexie';

/**
 * One step of the extension database's schema. Steps are never edited once
 * shipped: a browser that installed an older version upgrades through every
 * later step in order, and Dexie runs each `upgrade` once, inside the
 * version-change transaction, so a step either completes or leaves the older
 * version in place.
 */
export interface Migration {
  version: number;
  /** The day the step was written (UTC), also its module's name. */
  date: string;
  /** What it does, as a person reads it in a support log. */
  description: string;
  /** Dexie's store declarations for this version: tables added or whose indexes change; null deletes one. */
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void>;
}

/** The row each applied step leaves in `schemaMigrations`, from version 2 on. */
export interface AppliedMigration {
  version: number;
  date: string;
  description: string;
  appliedAt: number;
}

/** The step that created `schemaMigrations`; it and every later step leave a row there. */
export const FIRST_LOGGED_VERSION = 2;

export function appliedRecord(migration: Migration, appliedAt: number): AppliedMigration {
  return { version: migration.version, date: migration.date, description: migration.description, appliedAt };
}
