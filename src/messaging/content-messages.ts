import type { StorageEntry } from '../observations/storage-observation';

/**
 * What a content script reports. Content scripts read values the page
 * controls, so everything is checked for shape and size before use.
 */
export interface StorageSnapshotMessage {
  type: 'storage-snapshot';
  entries: StorageEntry[];
}

export const MAX_SNAPSHOT_ENTRIES = 500;
const MAX_KEY_CHARS = 1_024;
const MAX_VALUE_CHARS = 4_096;

export function parseStorageSnapshot(raw: unknown): StorageSnapshotMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, entries } = raw as Record<string, unknown>;
  if (type !== 'storage-snapshot' || !Array.isArray(entries) || entries.length > MAX_SNAPSHOT_ENTRIES)
    return null;
  const valid: StorageEntry[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) return null;
    const { area, key, value, valueLength } = entry as Record<string, unknown>;
    if (area !== 'localStorage' && area !== 'sessionStorage') return null;
    if (typeof key !== 'string' || key.length > MAX_KEY_CHARS) return null;
    if (typeof value !== 'string' || value.length > MAX_VALUE_CHARS) return null;
    if (!Number.isSafeInteger(valueLength) || (valueLength as number) < value.length) return null;
    valid.push({ area, key, value, valueLength: valueLength as number });
  }
  return { type, entries: valid };
}
