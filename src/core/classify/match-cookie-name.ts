import { BoundedCache } from '../util/bounded-cache';
import { memoise } from '../util/memoise';
import type { CookieCatalogEntry } from './catalog-types';
import { COOKIE_CATALOG } from './cookie-catalog';

/** How a name matched: by exact name, by a name prefix, or by a pattern. */
export type CookieNameMatchKind = 'exact' | 'prefix' | 'pattern';

export interface CookieNameMatch {
  entry: CookieCatalogEntry;
  kind: CookieNameMatchKind;
}

/**
 * Browsers cap a cookie's name and value together at 4096 bytes, so a longer
 * name cannot be a real cookie; patterns are not even tried on it.
 */
const MAX_COOKIE_NAME_LENGTH = 4096;

/**
 * Compiles a catalogue `pattern`. Every pattern is matched case-insensitively:
 * the catalogue types have no per-entry flag, and the names patterns describe
 * (JSESSIONID, PHPSESSID, csrftoken, token…) are spelled in either case by
 * real servers. Exact and prefix names stay case-sensitive, as browsers treat
 * cookie names, so a vendor's exact name is never confused with another.
 */
export function compileCookieNamePattern(pattern: string): RegExp {
  return new RegExp(pattern, 'i');
}

interface IndexedPattern {
  regex: RegExp;
  entry: CookieCatalogEntry;
  /** Position in the catalogue: among patterns, the first in catalogue order wins. */
  order: number;
}

/** A catalogue of names indexed once, so a lookup costs a hash probe and a few comparisons. */
export interface NameIndex {
  exact: ReadonlyMap<string, CookieCatalogEntry>;
  /** Prefixes by their first character, longest first, so the most specific prefix wins. */
  prefixesByFirstChar: ReadonlyMap<string, readonly { prefix: string; entry: CookieCatalogEntry }[]>;
  /** Patterns that begin with a literal character, by that character in lower case. */
  patternsByFirstChar: ReadonlyMap<string, readonly IndexedPattern[]>;
  /** Patterns that may begin with anything (an alternation, a class, a group). */
  patternsAnyStart: readonly IndexedPattern[];
}

/** The literal first character of an anchored pattern, or undefined when it can vary. */
function literalFirstChar(pattern: string): string | undefined {
  if (!pattern.startsWith('^')) return undefined;
  const first = pattern[1];
  if (first === undefined) return undefined;
  if (/[A-Za-z0-9_-]/.test(first)) {
    // "a?" or "a*" make the first character optional.
    const next = pattern[2];
    if (next === '?' || next === '*' || next === '{') return undefined;
    return first.toLowerCase();
  }
  if (first === '\\') {
    const escaped = pattern[2];
    const next = pattern[3];
    if (escaped !== undefined && /[.\-_]/.test(escaped) && next !== '?' && next !== '*' && next !== '{') {
      return escaped;
    }
  }
  return undefined;
}

export function buildNameIndex(catalog: readonly CookieCatalogEntry[]): NameIndex {
  const exact = new Map<string, CookieCatalogEntry>();
  const prefixes = new Map<string, { prefix: string; entry: CookieCatalogEntry }[]>();
  const patternsByFirstChar = new Map<string, IndexedPattern[]>();
  const patternsAnyStart: IndexedPattern[] = [];
  catalog.forEach((entry, order) => {
    const match = entry.match;
    if ('exact' in match) {
      // First entry wins; the catalogue test forbids duplicates anyway.
      if (!exact.has(match.exact)) exact.set(match.exact, entry);
    } else if ('prefix' in match) {
      const first = match.prefix.charAt(0);
      const bucket = prefixes.get(first) ?? [];
      bucket.push({ prefix: match.prefix, entry });
      prefixes.set(first, bucket);
    } else {
      const indexed = { regex: compileCookieNamePattern(match.pattern), entry, order };
      const first = literalFirstChar(match.pattern);
      if (first === undefined) {
        patternsAnyStart.push(indexed);
      } else {
        const bucket = patternsByFirstChar.get(first) ?? [];
        bucket.push(indexed);
        patternsByFirstChar.set(first, bucket);
      }
    }
  });
  for (const bucket of prefixes.values()) bucket.sort((a, b) => b.prefix.length - a.prefix.length);
  return { exact, prefixesByFirstChar: prefixes, patternsByFirstChar, patternsAnyStart };
}

const NO_PATTERNS: readonly IndexedPattern[] = [];

/**
 * The entry of an index for a name. An exact name beats a prefix, and a
 * prefix beats a pattern, because the narrower the match the stronger the
 * evidence.
 */
export function matchName(index: NameIndex, name: string): CookieNameMatch | undefined {
  const exact = index.exact.get(name);
  if (exact) return { entry: exact, kind: 'exact' };
  const first = name.charAt(0);
  const prefixes = index.prefixesByFirstChar.get(first);
  if (prefixes) {
    for (const { prefix, entry } of prefixes) {
      if (name.startsWith(prefix)) return { entry, kind: 'prefix' };
    }
  }
  if (name.length === 0 || name.length > MAX_COOKIE_NAME_LENGTH) return undefined;
  // Merge the two candidate lists in catalogue order: the first pattern that matches wins.
  const byChar = index.patternsByFirstChar.get(first.toLowerCase()) ?? NO_PATTERNS;
  const any = index.patternsAnyStart;
  let i = 0;
  let j = 0;
  while (i < byChar.length || j < any.length) {
    const a = byChar[i];
    const b = any[j];
    const next = a !== undefined && (b === undefined || a.order < b.order) ? a : b;
    if (next === a) i++;
    else j++;
    if (next?.regex.test(name)) return { entry: next.entry, kind: 'pattern' };
  }
  return undefined;
}

/** Built on first use, not each time the worker wakes. */
const cookieNameIndex = memoise(() => buildNameIndex(COOKIE_CATALOG));

/** Names recur across observations; remembering the answer makes a repeat one hash probe. */
const cookieNameCache = new BoundedCache<string, CookieNameMatch | null>(20_000);
const MAX_CACHED_NAME_LENGTH = 256;

/** The cookie catalogue entry for a cookie name. */
export function matchCookieName(name: string): CookieNameMatch | undefined {
  if (name.length > MAX_CACHED_NAME_LENGTH) return matchName(cookieNameIndex(), name);
  const cached = cookieNameCache.get(name);
  if (cached !== undefined) return cached ?? undefined;
  const found = matchName(cookieNameIndex(), name);
  cookieNameCache.set(name, found ?? null);
  return found;
}
