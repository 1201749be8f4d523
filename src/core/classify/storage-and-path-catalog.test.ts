import { describe, expect, it } from 'vitest';
import { COOKIE_CATALOG, GENERIC_CONVENTION_VENDOR } from './cookie-catalog';
import { compileCookieNamePattern } from './match-cookie-name';
import { PURPOSES } from './purpose';
import { REQUEST_PATH_CATALOG } from './request-path-catalog';
import { STORAGE_KEY_CATALOG } from './storage-key-catalog';

describe('STORAGE_KEY_CATALOG', () => {
  it.each(STORAGE_KEY_CATALOG.map((entry) => [JSON.stringify(entry.match), entry] as const))(
    '%s has a vendor, a valid purpose, a description and an https source',
    (_, entry) => {
      expect(entry.vendor.trim()).not.toBe('');
      expect(PURPOSES).toContain(entry.purpose);
      expect(entry.description.trim().length).toBeGreaterThan(10);
      expect(new URL(entry.source).protocol).toBe('https:');
      if (entry.role !== undefined) expect(entry.purpose).toBe('essential');
    },
  );

  it.each(STORAGE_KEY_CATALOG.flatMap((entry) => ('pattern' in entry.match ? [[entry.match.pattern]] : [])))(
    'pattern %s compiles, is anchored and does not match an empty key',
    (pattern) => {
      expect(pattern.startsWith('^')).toBe(true);
      expect(pattern.endsWith('$')).toBe(true);
      expect(compileCookieNamePattern(pattern).test('')).toBe(false);
    },
  );

  it('repeats no exact name of the cookie catalogue, which storage keys are also looked up in', () => {
    const cookieNames = new Set(COOKIE_CATALOG.flatMap((e) => ('exact' in e.match ? [e.match.exact] : [])));
    const repeated = STORAGE_KEY_CATALOG.flatMap((e) =>
      'exact' in e.match && cookieNames.has(e.match.exact) ? [e.match.exact] : [],
    );
    expect(repeated).toEqual([]);
  });

  it('declares the search history the policy allows as a generic preference', () => {
    const generic = STORAGE_KEY_CATALOG.filter((e) => e.vendor === GENERIC_CONVENTION_VENDOR);
    const search = generic.find(
      (e) => 'pattern' in e.match && compileCookieNamePattern(e.match.pattern).test('searchHistory'),
    );
    expect(search?.purpose).toBe('preferences');
  });
});

describe('REQUEST_PATH_CATALOG', () => {
  it.each(REQUEST_PATH_CATALOG.map((entry) => [`${entry.host ?? '*'}${entry.pathPrefix}`, entry] as const))(
    '%s is well formed',
    (_, entry) => {
      expect(entry.pathPrefix.startsWith('/')).toBe(true);
      expect(entry.pathPrefix).toBe(entry.pathPrefix.toLowerCase());
      for (const text of entry.queryIncludes ?? []) expect(text).toBe(text.toLowerCase());
      if (entry.queryIncludes !== undefined) expect(entry.queryIncludes.length).toBeGreaterThan(0);
      if (entry.host !== undefined) expect(entry.host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(entry.vendor.trim()).not.toBe('');
      expect(PURPOSES).toContain(entry.purpose);
      expect(entry.note.trim().length).toBeGreaterThan(5);
      expect(new URL(entry.source).protocol).toBe('https:');
    },
  );

  it('has no duplicate host and path', () => {
    const keys = REQUEST_PATH_CATALOG.map(
      (e) => `${e.host ?? '*'}${e.pathPrefix}?${(e.queryIncludes ?? []).join('&')}`,
    );
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });
});
