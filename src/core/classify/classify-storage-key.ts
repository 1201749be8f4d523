import { BoundedCache } from '../util/bounded-cache';
import { memoise } from '../util/memoise';
import type { HostCatalogEntry } from './catalog-types';
import { type Classification, quote, unclassified } from './classification';
import { fromName, fromOpenCookieDatabase } from './classify-cookie';
import { classifyHost } from './classify-host';
import { COMPOUND_LOGIN_NAME_PATTERN, GENERIC_CONVENTION_VENDOR } from './cookie-catalog';
import { identifierLikelihood } from './identifier-heuristics';
import { buildNameIndex, type CookieNameMatch, matchCookieName, matchName } from './match-cookie-name';
import { matchOpenCookieDatabase } from './open-cookie-database/match-ocd';
import { STORAGE_KEY_CATALOG } from './storage-key-catalog';
import { hostOfUrl } from './url-parts';

/** Where a key lives; the same names as the observations use. */
export type StorageArea = 'localStorage' | 'sessionStorage' | 'indexedDB' | 'cacheStorage';

export interface StorageKeyToClassify {
  /** The key; for IndexedDB, `database/objectStore/key`. */
  key: string;
  /** Origin of the frame whose storage it is (https://www.jeejio.com). */
  origin: string;
  area: StorageArea;
  /** The value, for the identifier heuristic when nothing else is known. */
  value?: string;
}

/** Built on first use, not each time the worker wakes. */
const storageIndex = memoise(() => buildNameIndex(STORAGE_KEY_CATALOG));

/** A storage name match, and whether it came from the cookie catalogue (a vendor using one name for both). */
interface KeyMatch {
  match: CookieNameMatch;
  fromCookieCatalogue: boolean;
  /** The name that matched: the key, or an IndexedDB key's database name. */
  name: string;
}

function isGeneric(match: CookieNameMatch): boolean {
  return match.entry.vendor === GENERIC_CONVENTION_VENDOR;
}

function isCompound(match: CookieNameMatch): boolean {
  const m = match.entry.match;
  return 'pattern' in m && m.pattern === COMPOUND_LOGIN_NAME_PATTERN;
}

/** The names a key stands for: itself, and for IndexedDB also its database name. */
function namesOf(key: string, area: StorageArea): string[] {
  if (area !== 'indexedDB') return [key];
  const slash = key.indexOf('/');
  return slash > 0 ? [key, key.slice(0, slash)] : [key];
}

function matchKey(names: readonly string[]): { specific?: KeyMatch; generic?: KeyMatch } {
  let generic: KeyMatch | undefined;
  for (const name of names) {
    for (const [match, fromCookieCatalogue] of [
      [matchName(storageIndex(), name), false],
      [matchCookieName(name), true],
    ] as const) {
      if (!match) continue;
      if (!isGeneric(match)) return { specific: { match, fromCookieCatalogue, name } };
      generic ??= { match, fromCookieCatalogue, name };
    }
  }
  return generic ? { generic } : {};
}

const tableCache = new BoundedCache<string, Classification>(20_000);
const MAX_CACHED_KEY_LENGTH = 512;

/**
 * Classifies a Web Storage or IndexedDB key, in the same order of evidence as
 * cookies: the curated storage-key catalogue, then the cookie catalogue (many
 * vendors write the same names to both), the Open Cookie Database, the host
 * catalogue for the origin's host, and last the identifier heuristic on the
 * value. localStorage and IndexedDB persist until cleared, so an
 * identifier-like value there counts as long-lived.
 */
export function classifyStorageKey(input: StorageKeyToClassify): Classification {
  const cacheKey = `${input.area}\u0000${input.origin}\u0000${input.key}`;
  let known: Classification | undefined;
  if (cacheKey.length <= MAX_CACHED_KEY_LENGTH) known = tableCache.get(cacheKey);
  if (!known) {
    known = lookUp(input.key, input.origin, input.area);
    if (cacheKey.length <= MAX_CACHED_KEY_LENGTH) tableCache.set(cacheKey, known);
  }
  if (known.matchedBy !== 'none' || input.value === undefined) return { ...known };
  return withIdentifierHeuristic(known, input.value, input.area);
}

function fromKeyMatch({ match, fromCookieCatalogue, name }: KeyMatch): Classification {
  const classified = fromName(name, match, fromCookieCatalogue ? 'cookie' : 'storage key');
  if (!fromCookieCatalogue || isGeneric(match)) return classified;
  return { ...classified, reason: `${classified.reason} The same name is used in storage.` };
}

function lookUp(key: string, origin: string, area: StorageArea): Classification {
  const names = namesOf(key, area);
  const { specific, generic } = matchKey(names);
  if (specific) return fromKeyMatch(specific);

  const host = hostOfUrl(origin);
  const ocd = matchOpenCookieDatabase(key, host);
  if (ocd?.boundToDomain) return fromOpenCookieDatabase(key, host, ocd, generic?.match);

  const hostEntry = host === '' ? undefined : classifyHost(host);
  if (generic && !isCompound(generic.match)) {
    return hostEntry ? fromOriginHost(key, host, hostEntry) : fromKeyMatch(generic);
  }
  if (ocd) return fromOpenCookieDatabase(key, host, ocd, generic?.match);
  if (generic) return hostEntry ? fromOriginHost(key, host, hostEntry) : fromKeyMatch(generic);
  if (hostEntry) return fromOriginHost(key, host, hostEntry);
  return unclassified(
    `Storage key ${quote(key)} (${area} of ${quote(origin)}) is not in the storage-key, cookie or host ` +
      'catalogue, nor in the Open Cookie Database, so its vendor and purpose are unknown.',
  );
}

function fromOriginHost(key: string, host: string, entry: HostCatalogEntry): Classification {
  const what = entry.note ? `${entry.note}, ` : '';
  return {
    vendor: entry.vendor,
    purpose: entry.purpose,
    crossSite: false,
    matchedBy: 'host',
    reason:
      `Storage key ${quote(key)} is not catalogued, but it belongs to ${quote(host)}, a host of ` +
      `${entry.vendor} (${entry.domain}), ${what}which the host catalogue lists as ${entry.purpose}.`,
    source: entry.source,
    ...(entry.recipient && { recipient: entry.recipient }),
  };
}

function withIdentifierHeuristic(unknown: Classification, value: string, area: StorageArea): Classification {
  const likelihood = identifierLikelihood(value);
  if (!likelihood.likely) {
    return {
      ...unknown,
      reason: `${unknown.reason} It does not look like an identifier: ${likelihood.reason}.`,
    };
  }
  if (area === 'sessionStorage') {
    return {
      ...unknown,
      reason: `${unknown.reason} Its value looks random (${likelihood.reason}), but session storage ends with the tab.`,
    };
  }
  return {
    ...unknown,
    matchedBy: 'heuristic',
    likelyIdentifier: true,
    reason:
      `Likely identifier, unclassified: ${likelihood.reason}, kept in ${area}, which lasts until cleared. ` +
      unknown.reason,
  };
}
