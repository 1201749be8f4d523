import type { StorageEntry } from '../core/observations/storage-observation';
import { type ContentReportOf, MAX_SNAPSHOT_ENTRIES } from '../protocol/content-reports';
import { readIndexedDb } from './read-indexed-db';

const MAX_VALUE_CHARS = 4_096;

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
  const entries: StorageEntry[] = [];
  for (const area of ['localStorage', 'sessionStorage'] as const) {
    let storage: Storage;
    try {
      storage = window[area];
    } catch {
      // Storage disabled or the frame is sandboxed: nothing to read.
      continue;
    }
    for (let i = 0; i < storage.length && entries.length < MAX_SNAPSHOT_ENTRIES; i++) {
      const key = storage.key(i);
      if (key === null) continue;
      const value = storage.getItem(key) ?? '';
      entries.push({
        area,
        key: key.slice(0, 1_024),
        value: value.slice(0, MAX_VALUE_CHARS),
        valueLength: value.length,
      });
    }
  }
  if (webStorageOnly) return { type: 'storage-snapshot', entries };
  const indexed = await readIndexedDb().catch(() => []);
  entries.push(...indexed.slice(0, Math.max(0, MAX_SNAPSHOT_ENTRIES - entries.length)));
  const cacheNames = await readCacheNames();
  entries.push(...cacheNames.slice(0, Math.max(0, MAX_SNAPSHOT_ENTRIES - entries.length)));
  return { type: 'storage-snapshot', entries };
}

async function readCacheNames(): Promise<StorageEntry[]> {
  // Cache Storage exists only in secure contexts.
  if (typeof caches === 'undefined') return [];
  const names = await caches.keys().catch(() => [] as string[]);
  return names.map((name) => ({
    area: 'cacheStorage',
    key: name.slice(0, 1_024),
    value: '',
    valueLength: 0,
  }));
}
