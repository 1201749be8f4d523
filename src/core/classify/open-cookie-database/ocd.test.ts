import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PURPOSES } from '../purpose';
import {
  CATEGORY_TO_PURPOSE,
  convert,
  domainsOf,
  type RawOcdEntry,
  shortDescription,
  whyAmbiguous,
} from './convert-ocd';
import { matchOpenCookieDatabase, ocdEntries } from './match-ocd';
import ocdFile from './ocd-cookies.json';
import type { OcdCookieFile } from './ocd-types';

const HERE = dirname(fileURLToPath(import.meta.url));
const FILE = ocdFile as OcdCookieFile;

describe('generated ocd-cookies.json', () => {
  it('holds the bulk of the database', () => {
    expect(FILE.entries.length).toBeGreaterThan(2000);
    expect(ocdEntries().length).toBe(FILE.entries.length);
    expect(FILE.counts.kept).toBe(FILE.entries.length);
    expect(FILE.counts.kept + FILE.counts.droppedAmbiguous + FILE.counts.droppedInvalid).toBeLessThanOrEqual(
      FILE.counts.source,
    );
  });

  it('gives every entry a name, a vendor, a purpose from PURPOSES, its category and an id', () => {
    for (const entry of FILE.entries) {
      expect(entry.n.trim(), entry.id).not.toBe('');
      expect(entry.n, entry.id).not.toMatch(/[\s;,=]/);
      expect(entry.v.trim(), entry.id).not.toBe('');
      expect(PURPOSES, entry.id).toContain(entry.p);
      expect(CATEGORY_TO_PURPOSE[entry.c], entry.id).toBe(entry.p);
      expect(entry.id, entry.n).toMatch(/^[0-9a-f-]{36}$/);
      if (entry.w !== undefined) expect(entry.w).toBe(1);
      if (entry.t !== undefined) expect(entry.t.length).toBeLessThanOrEqual(121);
    }
  });

  it('cites the database over https', () => {
    expect(new URL(FILE.database).protocol).toBe('https:');
    expect(FILE.license).toBe('Apache-2.0');
  });

  it('binds every short or shared name to domains, so it never matches on its own', () => {
    const vendorsByName = new Map<string, Set<string>>();
    for (const entry of FILE.entries)
      vendorsByName.set(entry.n, (vendorsByName.get(entry.n) ?? new Set()).add(entry.v));
    for (const entry of FILE.entries) {
      if (entry.n.length <= 3 || (vendorsByName.get(entry.n)?.size ?? 0) > 1) {
        expect(entry.d?.length, entry.n).toBeGreaterThan(0);
      }
      for (const domain of entry.d ?? []) expect(domain).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    }
  });

  it('has a NOTICE naming the package version and the Apache-2.0 licence, with the licence text beside it', () => {
    const notice = readFileSync(join(HERE, 'NOTICE.md'), 'utf8');
    expect(notice).toContain(FILE.packageVersion);
    expect(notice).toContain('Apache License, Version 2.0');
    expect(notice).toContain(String(FILE.counts.kept));
    expect(readFileSync(join(HERE, 'LICENSE-Apache-2.0.txt'), 'utf8')).toContain('Apache License');
  });

  const packageData = join(
    HERE,
    '../../../node_modules/@slashgear/gdpr-cookie-scanner/dist/data/open-cookie-database.json',
  );
  it.skipIf(!existsSync(packageData))('is up to date with the installed package', () => {
    const raw = JSON.parse(readFileSync(packageData, 'utf8')) as Record<string, RawOcdEntry[]>;
    const version = (
      JSON.parse(readFileSync(join(dirname(dirname(packageData)), '../package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    const { file } = convert(raw, version);
    expect(file.packageVersion).toBe(FILE.packageVersion);
    expect(file.entries).toEqual(FILE.entries);
  });
});

describe('matchOpenCookieDatabase', () => {
  it.each([
    ['_pk_id.1.abcd', '.jeejio.com', 'Piwik', 'prefix'],
    ['_pk_idx', '.jeejio.com', 'Matomo', 'prefix'],
    ['__hstc', '.jeejio.com', 'Hubspot', 'exact'],
    ['uid', '.adform.net', 'Adform', 'exact'],
    ['uid', 'track.adform.net', 'Adform', 'exact'],
  ])('%s on %s → %s (%s)', (name, domain, vendor, kind) => {
    expect(matchOpenCookieDatabase(name, domain)).toMatchObject({ entry: { v: vendor }, kind });
  });

  it.each([
    ['uid', '.jeejio.com'],
    ['uid', 'notadform.net'],
    ['t', '.jeejio.com'],
    ['HSTC', '.jeejio.com'],
    ['', ''],
  ])('does not match %j on %j', (name, domain) => {
    expect(matchOpenCookieDatabase(name, domain)).toBeUndefined();
  });
});

describe('generator helpers', () => {
  it.each([
    ['u', 1, 'short'],
    ['cc-', 1, 'short'],
    ['token', 1, 'a common word'],
    ['visitor_id', 1, 'a common word'],
    ['JSESSIONID', 1, 'a generic naming convention'],
    ['lang', 1, 'a common word'],
    ['euconsent-v2', 2, 'shared by several vendors'],
    ['xf_session', 1, null],
    ['_pk_id', 1, null],
    ['didomi_token', 1, null],
  ])('%s used by %d vendor(s) is ambiguous: %s', (name, vendors, why) => {
    expect(whyAmbiguous(name, vendors)).toBe(why);
  });

  it.each([
    ['', []],
    ['adform.net (3rd party)', ['adform.net']],
    ['.bing.com (3rd party) or .microsoft.com (3rd party)', ['bing.com', 'microsoft.com']],
    ['www.googletagmanager.com', ['googletagmanager.com']],
    ['Inspectlet.com (3rd party)', ['inspectlet.com']],
    ['.t.tailtarget.com', ['tailtarget.com']],
    ['co.uk', []],
  ])('domainsOf(%j) = %j', (field, domains) => {
    expect(domainsOf(field)).toEqual(domains);
  });

  it.each([
    ['Registers a unique ID. Used for statistics.', 'Registers a unique ID.'],
    ['  No   full stop  ', 'No full stop'],
    ['v1.2 is a version. Next.', 'v1.2 is a version.'],
  ])('shortDescription(%j) = %j', (text, short) => {
    expect(shortDescription(text)).toBe(short);
  });

  it('cuts a long first sentence at a word boundary', () => {
    const short = shortDescription(`${'word '.repeat(60)}end.`);
    expect(short.length).toBeLessThanOrEqual(121);
    expect(short.endsWith('word…')).toBe(true);
  });

  it('converts a tiny database, binding or dropping ambiguous names', () => {
    const entry = (over: Partial<RawOcdEntry>): RawOcdEntry => ({
      id: '00000000-0000-0000-0000-000000000000',
      category: 'Analytics',
      cookie: 'x',
      domain: '',
      description: 'A cookie.',
      retentionPeriod: 'Session',
      dataController: 'Vendor',
      privacyLink: 'https://example.com/privacy',
      wildcardMatch: '0',
      ...over,
    });
    const { file, dropped } = convert(
      {
        VendorA: [
          entry({
            id: 'a0000000-0000-0000-0000-000000000001',
            cookie: 'vendor_a_id',
            retentionPeriod: '1 Year',
          }),
          entry({ id: 'a0000000-0000-0000-0000-000000000002', cookie: 'u', domain: 'a.example (3rd party)' }),
          entry({ id: 'a0000000-0000-0000-0000-000000000003', cookie: 'token' }),
          entry({
            id: 'a0000000-0000-0000-0000-000000000004',
            cookie: 'va_',
            wildcardMatch: '1',
            category: 'Marketing',
          }),
          entry({ id: 'a0000000-0000-0000-0000-000000000005', cookie: 'bad name', category: 'Analytics' }),
          entry({ id: 'a0000000-0000-0000-0000-000000000006', cookie: 'odd_category', category: 'Mystery' }),
        ],
        VendorB: [entry({ id: 'b0000000-0000-0000-0000-000000000001', cookie: 'u', domain: 'b.example' })],
      },
      '9.9.9',
    );
    expect(file.entries.map((e) => [e.n, e.v, e.p, e.d ?? null, e.r ?? null])).toEqual([
      ['u', 'VendorA', 'statistics', ['a.example'], 'session'],
      ['u', 'VendorB', 'statistics', ['b.example'], 'session'],
      ['vendor_a_id', 'VendorA', 'statistics', null, '1 Year'],
    ]);
    expect(file.counts).toEqual({
      source: 7,
      kept: 3,
      boundToDomain: 2,
      droppedAmbiguous: 2,
      droppedInvalid: 2,
    });
    expect(dropped).toHaveLength(4);
  });
});
