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

interface CookieNameIndex {
  exact: ReadonlyMap<string, CookieCatalogEntry>;
  /** Longest prefix first, so the most specific prefix wins. */
  prefixes: readonly { prefix: string; entry: CookieCatalogEntry }[];
  patterns: readonly { regex: RegExp; entry: CookieCatalogEntry }[];
}

function buildCookieNameIndex(catalog: readonly CookieCatalogEntry[]): CookieNameIndex {
  const exact = new Map<string, CookieCatalogEntry>();
  const prefixes: { prefix: string; entry: CookieCatalogEntry }[] = [];
  const patterns: { regex: RegExp; entry: CookieCatalogEntry }[] = [];
  for (const entry of catalog) {
    const match = entry.match;
    if ('exact' in match) {
      // First entry wins; the catalogue test forbids duplicates anyway.
      if (!exact.has(match.exact)) exact.set(match.exact, entry);
    } else if ('prefix' in match) {
      prefixes.push({ prefix: match.prefix, entry });
    } else {
      patterns.push({ regex: compileCookieNamePattern(match.pattern), entry });
    }
  }
  prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
  return { exact, prefixes, patterns };
}

const NAME_INDEX = buildCookieNameIndex(COOKIE_CATALOG);

/**
 * The catalogue entry for a cookie name. An exact name beats a prefix, and a
 * prefix beats a pattern, because the narrower the match the stronger the
 * evidence.
 */
export function matchCookieName(name: string): CookieNameMatch | undefined {
  const exact = NAME_INDEX.exact.get(name);
  if (exact) return { entry: exact, kind: 'exact' };
  for (const { prefix, entry } of NAME_INDEX.prefixes) {
    if (name.startsWith(prefix)) return { entry, kind: 'prefix' };
  }
  if (name.length > MAX_COOKIE_NAME_LENGTH) return undefined;
  for (const { regex, entry } of NAME_INDEX.patterns) {
    if (regex.test(name)) return { entry, kind: 'pattern' };
  }
  return undefined;
}
