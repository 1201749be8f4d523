import { stableId } from '../util/stable-id';
import { boundText, MAX_VALUE_CHARS } from './bounded-text';
import type { PageContext } from './cookie-from-jar';
import type { NotThisPage, StorageObservation } from './observation';

/** One key of a Web Storage area as a content script read it. */
export interface StorageEntry {
  area: 'localStorage' | 'sessionStorage' | 'indexedDB' | 'cacheStorage';
  /** For IndexedDB: `database/objectStore/key`; for Cache Storage: the cache's name (its value is empty). */
  key: string;
  value: string;
  /** The value's real length, when the script had to cut it. */
  valueLength: number;
  /** Set when the page being read did not write it (see `NotThisPage`). */
  notThisPage?: NotThisPage;
  /** For `another-tab`: the URL of the document that wrote it, as the browser's storage event gave it. */
  writtenOn?: string;
}

/**
 * Observations of what a frame keeps in its storage. The id covers the
 * visit and the entry's content, so an unchanged key read again is stored
 * once and a changed value is a new fact.
 */
export function storageObservationsFrom(
  origin: string,
  entries: readonly StorageEntry[],
  page: PageContext,
  observedAt: number,
): StorageObservation[] {
  return entries.map((entry) => {
    const value = boundText(entry.value, MAX_VALUE_CHARS);
    const length = Math.max(entry.valueLength, value.length);
    const observation: StorageObservation = {
      id: stableId('s', [page.visitId, entry.area, origin, entry.key, entry.value]),
      kind: 'storage',
      provenance: 'dom',
      observedAt,
      tabId: page.tabId,
      visitId: page.visitId,
      pageUrl: page.url,
      area: entry.area,
      action: 'present',
      origin,
      key: entry.key,
      value: value.text,
      valueLength: length,
    };
    if (entry.notThisPage) observation.notThisPage = entry.notThisPage;
    if (entry.writtenOn) observation.writtenOn = entry.writtenOn;
    if (length > value.text.length) {
      observation.warnings = [`Value of ${length} characters truncated to ${value.text.length}.`];
    }
    return observation;
  });
}
