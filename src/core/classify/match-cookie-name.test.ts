import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CookieCatalogEntry } from './catalog-types';
import { COOKIE_CATALOG } from './cookie-catalog';
import { buildNameIndex, compileCookieNamePattern, matchCookieName, matchName } from './match-cookie-name';
import { STORAGE_KEY_CATALOG } from './storage-key-catalog';

/** The plain scan the index replaces: exact, then longest prefix, then first pattern in catalogue order. */
function reference(catalog: readonly CookieCatalogEntry[], name: string): CookieCatalogEntry | undefined {
  const exact = catalog.find((e) => 'exact' in e.match && e.match.exact === name);
  if (exact) return exact;
  const prefixes = catalog
    .flatMap((e) =>
      'prefix' in e.match && name.startsWith(e.match.prefix) ? [{ e, length: e.match.prefix.length }] : [],
    )
    .sort((a, b) => b.length - a.length);
  if (prefixes[0]) return prefixes[0].e;
  if (name === '' || name.length > 4096) return undefined;
  return catalog.find((e) => 'pattern' in e.match && compileCookieNamePattern(e.match.pattern).test(name));
}

const catalogNames = COOKIE_CATALOG.map((e) =>
  'exact' in e.match ? e.match.exact : 'prefix' in e.match ? e.match.prefix : '',
).filter((n) => n !== '');

const nameLike = fc.oneof(
  fc.constantFrom(...catalogNames),
  fc.tuple(fc.constantFrom(...catalogNames), fc.string({ maxLength: 12 })).map(([a, b]) => a + b),
  fc.constantFrom(
    'JSESSIONID',
    'sid',
    'Session',
    'user_token',
    'ts0123abcd',
    'TS01a2b3c4_12',
    `SSESS${'a'.repeat(32)}`,
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);

describe('matchName index', () => {
  for (const [label, catalog] of [
    ['cookie catalogue', COOKIE_CATALOG],
    ['storage-key catalogue', STORAGE_KEY_CATALOG],
  ] as const) {
    const index = buildNameIndex(catalog);
    it(`agrees with a plain scan of the ${label}`, () => {
      fc.assert(
        fc.property(nameLike, (name) => {
          expect(matchName(index, name)?.entry).toBe(reference(catalog, name));
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('answers repeated names from its cache with the same entry', () => {
    expect(matchCookieName('_ga')).toEqual(matchCookieName('_ga'));
    expect(matchCookieName('no_such_cookie_name')).toBeUndefined();
    expect(matchCookieName('no_such_cookie_name')).toBeUndefined();
  });
});
