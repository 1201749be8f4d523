import type { StorageEntry } from '../core/observations/storage-observation';
import { type ContentReportOf, MAX_SNAPSHOT_ENTRIES } from '../protocol/content-reports';
import { readIndexedDb } from './read-indexed-db';

/** A reading cuts keys and values to these lengths (the report's bounds). */
export const MAX_KEY_CHARS = 1_024;
export const MAX_VALUE_CHARS = 4_096;

/**
 * Every key of the frame's localStorage and sessionStorage, a sample of its
 * IndexedDB and the names of its Cache Storage caches, values cut to a bounded size.
 * With `webStorageOnly`, the two Web Storage areas alone: the cheap re-read after a
 * script wrote to them, which must not keep opening the page's databases.
 */
export async function readWebStorage({
  webStorageOnly = false,
}: {
  webStorageOnly?: boolean;
} = {}): Promise<ContentReportOf<'storage-snapshot'>> {
  const { entries, cut } = readWebStorageAreas();
  if (!webStorageOnly) {
    const indexed = await readIndexedDb().catch(() => []);
    const cacheNames = await readCacheNames();
    for (const [area, found] of [
      ['indexedDB', indexed],
      ['cacheStorage', cacheNames],
    ] as const) {
      const room = Math.max(0, MAX_SNAPSHOT_ENTRIES - entries.length);
      entries.push(...found.slice(0, room));
      if (found.length > room) cut.set(area, (cut.get(area) ?? 0) + found.length - room);
    }
  }
  const report: ContentReportOf<'storage-snapshot'> = { type: 'storage-snapshot', entries };
  if (cut.size > 0) {
    report.notRead = [...cut.values()].reduce((a, b) => a + b, 0);
    report.notReadIn = [...cut.keys()];
  }
  return report;
}

/**
 * The frame's localStorage and sessionStorage, read at once (Web Storage is
 * synchronous), with how many keys each had beyond the reading's bound.
 */
export function readWebStorageAreas(): { entries: StorageEntry[]; cut: Map<StorageEntry['area'], number> } {
  const entries: StorageEntry[] = [];
  const cut = new Map<StorageEntry['area'], number>();
  for (const area of ['localStorage', 'sessionStorage'] as const) {
    let storage: Storage;
    try {
      storage = window[area];
    } catch {
      // Storage disabled or the frame is sandboxed: nothing to read.
      continue;
    }
    let i = 0;
    for (; i < storage.length && entries.length < MAX_SNAPSHOT_ENTRIES; i++) {
      const key = storage.key(i);
      if (key === null) continue;
      const value = storage.getItem(key) ?? '';
      entries.push({
        area,
        key: key.slice(0, MAX_KEY_CHARS),
        value: value.slice(0, MAX_VALUE_CHARS),
        valueLength: value.length,
      });
    }
    if (storage.length > i) cut.set(area, storage.length - i);
  }
  return { entries, cut };
}

async function readCacheNames(): Promise<StorageEntry[]> {
  // Cache Storage exists only in secure contexts.
  if (typeof caches === 'undefined') return [];
  const names = await caches.keys().catch(() => [] as string[]);
  return names.map((name) => ({
    area: 'cacheStorage',
    key: name.slice(0, MAX_KEY_CHARS),
    value: '',
    valueLength: 0,
  }));
}
