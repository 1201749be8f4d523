import { describe, expect, it } from 'vitest';
import type { CookieCatalogEntry } from './catalog-types';
import { COOKIE_CATALOG, GENERIC_CONVENTION_VENDOR } from './cookie-catalog';
import { OCD_SOURCE } from './cookie-catalog-global';
import { compileCookieNamePattern } from './match-cookie-name';
import { ocdEntries } from './open-cookie-database/match-ocd';
import { PURPOSES } from './purpose';
import { STORAGE_KEY_CATALOG } from './storage-key-catalog';

function label(entry: CookieCatalogEntry): string {
  return JSON.stringify(entry.match);
}

const patternEntries = COOKIE_CATALOG.flatMap((entry) =>
  'pattern' in entry.match ? [{ entry, pattern: entry.match.pattern }] : [],
);

describe('COOKIE_CATALOG', () => {
  it('holds at least 300 curated entries', () => {
    expect(COOKIE_CATALOG.length).toBeGreaterThanOrEqual(300);
  });

  it('covers Chinese vendors as well as global ones', () => {
    const vendors = new Set(COOKIE_CATALOG.map((entry) => entry.vendor));
    for (const vendor of [
      'Baidu',
      'Baidu Tongji',
      'Tencent',
      'ByteDance',
      'Alibaba',
      'Sensors Data',
      'GrowingIO',
    ]) {
      expect(vendors.has(vendor), vendor).toBe(true);
    }
    for (const vendor of [
      'Segment',
      'HubSpot',
      'Matomo',
      'Criteo',
      'X (Twitter)',
      'Pinterest',
      'Adobe Analytics',
    ]) {
      expect(vendors.has(vendor), vendor).toBe(true);
    }
  });

  it.each(COOKIE_CATALOG.map((entry) => [label(entry), entry] as const))(
    '%s has a vendor, a valid purpose, a description and an https source',
    (_, entry) => {
      expect(entry.vendor.trim()).not.toBe('');
      expect(PURPOSES).toContain(entry.purpose);
      expect(entry.description.trim().length).toBeGreaterThan(10);
      const source = new URL(entry.source);
      expect(source.protocol).toBe('https:');
    },
  );

  it.each(COOKIE_CATALOG.map((entry) => [label(entry), entry] as const))(
    '%s has a role only when essential',
    (_, entry) => {
      if (entry.role !== undefined) expect(entry.purpose).toBe('essential');
    },
  );

  it.each(COOKIE_CATALOG.map((entry) => [label(entry), entry] as const))(
    '%s does not match an empty name',
    (_, entry) => {
      const match = entry.match;
      if ('exact' in match) expect(match.exact).not.toBe('');
      if ('prefix' in match) expect(match.prefix).not.toBe('');
      if ('pattern' in match) expect(compileCookieNamePattern(match.pattern).test('')).toBe(false);
    },
  );

  it.each(patternEntries.map(({ pattern }) => [pattern]))(
    'pattern %s compiles and is anchored',
    (pattern) => {
      expect(() => compileCookieNamePattern(pattern)).not.toThrow();
      expect(pattern.startsWith('^')).toBe(true);
      expect(pattern.endsWith('$')).toBe(true);
    },
  );

  it('has no duplicate exact names, prefixes or patterns, counting the storage-key catalogue', () => {
    const keys = [...COOKIE_CATALOG, ...STORAGE_KEY_CATALOG].map((entry) => label(entry));
    const duplicates = keys.filter((key, index) => keys.indexOf(key) !== index);
    expect(duplicates).toEqual([]);
  });

  it('cites the Open Cookie Database only for names it really lists', () => {
    const ocdNames = ocdEntries().map((entry) => entry.n);
    const citing = COOKIE_CATALOG.filter((entry) => entry.source === OCD_SOURCE);
    expect(citing.length).toBeGreaterThan(0);
    for (const entry of citing) {
      const match = entry.match;
      const name = 'exact' in match ? match.exact : 'prefix' in match ? match.prefix : '';
      const listed = ocdNames.some((n) => n === name || n.startsWith(name) || name.startsWith(n));
      expect(listed, label(entry)).toBe(true);
    }
  });

  it('writes every generic convention as a pattern, so it matches in any letter case', () => {
    const generic = COOKIE_CATALOG.filter((entry) => entry.vendor === GENERIC_CONVENTION_VENDOR);
    expect(generic.length).toBeGreaterThan(0);
    for (const entry of generic) expect('pattern' in entry.match).toBe(true);
  });

  it('marks the documented cross-site identifiers', () => {
    const crossSite = new Set(
      COOKIE_CATALOG.filter((entry) => entry.crossSite && 'exact' in entry.match).map((entry) =>
        'exact' in entry.match ? entry.match.exact : '',
      ),
    );
    for (const name of ['IDE', 'DSID', '_fbp', 'fr', 'MUID', '_ttp', 'bcookie', 'li_sugr', 'HMACCOUNT']) {
      expect(crossSite.has(name), name).toBe(true);
    }
  });
});
