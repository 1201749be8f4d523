import type { StorageEntry } from '../core/observations/storage-observation';

/**
 * What a content script reports. Content scripts read values the page
 * controls, so everything is checked for shape and size before use.
 */
export interface StorageSnapshotMessage {
  type: 'storage-snapshot';
  entries: StorageEntry[];
  /** The reading a `storage-read-due` message announced. */
  answersDue?: true;
}

/**
 * A content script will read storage again shortly (a script just wrote to it):
 * until that reading arrives, the page's storage is not fully known.
 */
export interface StorageReadDueMessage {
  type: 'storage-read-due';
}

export function parseStorageReadDue(raw: unknown): StorageReadDueMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  return (raw as Record<string, unknown>).type === 'storage-read-due' ? { type: 'storage-read-due' } : null;
}

export const MAX_SNAPSHOT_ENTRIES = 500;
const MAX_KEY_CHARS = 1_024;
const MAX_VALUE_CHARS = 4_096;

export function parseStorageSnapshot(raw: unknown): StorageSnapshotMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, entries, answersDue } = raw as Record<string, unknown>;
  if (type !== 'storage-snapshot' || !Array.isArray(entries) || entries.length > MAX_SNAPSHOT_ENTRIES)
    return null;
  if (answersDue !== undefined && answersDue !== true) return null;
  const valid: StorageEntry[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) return null;
    const { area, key, value, valueLength } = entry as Record<string, unknown>;
    if (
      area !== 'localStorage' &&
      area !== 'sessionStorage' &&
      area !== 'indexedDB' &&
      area !== 'cacheStorage'
    ) {
      return null;
    }
    if (typeof key !== 'string' || key.length > MAX_KEY_CHARS) return null;
    if (typeof value !== 'string' || value.length > MAX_VALUE_CHARS) return null;
    if (!Number.isSafeInteger(valueLength) || (valueLength as number) < value.length) return null;
    valid.push({ area, key, value, valueLength: valueLength as number });
  }
  return answersDue ? { type, entries: valid, answersDue } : { type, entries: valid };
}

/** Requests the page itself lists in its resource timing, for when the browser hides them from the extension. */
export interface ResourceTimingMessage {
  type: 'resource-timing';
  entries: ResourceTimingEntry[];
}

export interface ResourceTimingEntry {
  url: string;
  /** What the page used: img, script, beacon, fetch, xmlhttprequest, ... */
  initiatorType: string;
  /** Milliseconds since the page started loading. */
  startTime: number;
}

const MAX_URL_CHARS = 8_192;

export function parseResourceTiming(raw: unknown): ResourceTimingMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, entries } = raw as Record<string, unknown>;
  if (type !== 'resource-timing' || !Array.isArray(entries) || entries.length > MAX_SNAPSHOT_ENTRIES)
    return null;
  const valid: ResourceTimingEntry[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) return null;
    const { url, initiatorType, startTime } = entry as Record<string, unknown>;
    if (typeof url !== 'string' || url.length > MAX_URL_CHARS || !/^https?:\/\//.test(url)) return null;
    if (typeof initiatorType !== 'string' || initiatorType.length > 40) return null;
    if (typeof startTime !== 'number' || !Number.isFinite(startTime) || startTime < 0) return null;
    valid.push({ url, initiatorType, startTime });
  }
  return { type, entries: valid };
}

/** An element of the page that works as a web beacon, as the content script found it in the DOM. */
export interface DomPixel {
  element: 'img' | 'iframe' | 'noscript-img';
  url: string;
  /** Why it counts: "1×1 image", "hidden", "zero-size", "loaded only when scripts are off". */
  reason: string;
}

export interface DomPixelsMessage {
  type: 'dom-pixels';
  pixels: DomPixel[];
}

export function parseDomPixels(raw: unknown): DomPixelsMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, pixels } = raw as Record<string, unknown>;
  if (type !== 'dom-pixels' || !Array.isArray(pixels) || pixels.length > MAX_SNAPSHOT_ENTRIES) return null;
  const valid: DomPixel[] = [];
  for (const pixel of pixels) {
    if (typeof pixel !== 'object' || pixel === null) return null;
    const { element, url, reason } = pixel as Record<string, unknown>;
    if (element !== 'img' && element !== 'iframe' && element !== 'noscript-img') return null;
    if (typeof url !== 'string' || url.length > MAX_URL_CHARS || !/^https?:\/\//i.test(url)) return null;
    if (typeof reason !== 'string' || reason.length > 100) return null;
    valid.push({ element, url, reason });
  }
  return { type, pixels: valid };
}
