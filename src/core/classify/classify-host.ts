import { BoundedCache } from '../util/bounded-cache';
import { memoise } from '../util/memoise';
import type { HostCatalogEntry } from './catalog-types';
import { HOST_CATALOG } from './host-catalog';

interface HostIndex {
  byDomain: ReadonlyMap<string, HostCatalogEntry>;
  /** Longest catalogued domain; no longer suffix of a host can match. */
  longestDomain: number;
}

function buildHostIndex(catalog: readonly HostCatalogEntry[]): HostIndex {
  const byDomain = new Map<string, HostCatalogEntry>();
  let longestDomain = 0;
  for (const entry of catalog) {
    byDomain.set(entry.domain, entry);
    longestDomain = Math.max(longestDomain, entry.domain.length);
  }
  return { byDomain, longestDomain };
}

/** Built on first use, not each time the worker wakes. */
const hostIndex = memoise(() => buildHostIndex(HOST_CATALOG));

/** Hosts recur across observations; a repeat is one hash probe. */
const hostCache = new BoundedCache<string, HostCatalogEntry | null>(20_000);
const MAX_CACHED_HOST_LENGTH = 253;

/**
 * The catalogue entry for a host or cookie domain: the entry whose domain is
 * the host itself or the longest of its parent domains, so hm.baidu.com wins
 * over baidu.com. Undefined when no entry covers the host.
 */
export function classifyHost(host: string): HostCatalogEntry | undefined {
  if (host.length > MAX_CACHED_HOST_LENGTH) return lookUpHost(host);
  const cached = hostCache.get(host);
  if (cached !== undefined) return cached ?? undefined;
  const found = lookUpHost(host);
  hostCache.set(host, found ?? null);
  return found;
}

function lookUpHost(host: string): HostCatalogEntry | undefined {
  const normalized = host.trim().toLowerCase().replace(/^\.+/, '').replace(/\.$/, '');
  if (normalized === '') return undefined;
  // Walk from the longest candidate suffix to the shortest. Suffixes longer
  // than any catalogued domain cannot match, which also keeps the walk short
  // for absurdly long input.
  const index = hostIndex();
  let start = Math.max(0, normalized.length - index.longestDomain);
  if (start > 0) {
    const dot = normalized.indexOf('.', start - 1);
    if (dot === -1) return undefined;
    start = dot + 1;
  }
  while (start < normalized.length) {
    const entry = index.byDomain.get(normalized.slice(start));
    if (entry) return entry;
    const dot = normalized.indexOf('.', start);
    if (dot === -1) return undefined;
    start = dot + 1;
  }
  return undefined;
}
