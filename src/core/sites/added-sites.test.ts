import { describe, expect, it } from 'vitest';
import { parseAddedSites, registrationsFor } from './added-sites';
import { MAX_ADDED_SITES } from './monitored-sites';

const staging = { domain: 'staging.example.com', pattern: '*://*.staging.example.com/*', addedAt: 1 };

describe('parseAddedSites', () => {
  it('keeps well-formed entries and reads nothing stored as no sites', () => {
    expect(parseAddedSites([staging])).toEqual({ sites: [staging], dropped: [] });
    expect(parseAddedSites(undefined)).toEqual({ sites: [], dropped: [] });
  });

  it('drops entries that would not be accepted if typed today, and names them', () => {
    const { sites, dropped } = parseAddedSites([
      staging,
      { domain: 'com', pattern: '*://*.com/*', addedAt: 2 },
      { domain: 'qa.example.com', pattern: '<all_urls>', addedAt: 3 },
      { domain: 'x.example.com' },
      'not an object',
    ]);
    expect(sites).toEqual([staging]);
    expect(dropped).toHaveLength(4);
    expect(dropped.slice(0, 2)).toEqual(['com', 'qa.example.com']);
  });

  it('reads a value that is not a list as no sites, with a reason', () => {
    expect(parseAddedSites({ domain: 'a.com' })).toEqual({
      sites: [],
      dropped: ['the stored list of sites is not a list'],
    });
  });

  it('keeps at most the limit, and one entry per domain', () => {
    const many = Array.from({ length: MAX_ADDED_SITES + 5 }, (_, i) => ({
      domain: `s${i}.example.com`,
      pattern: `*://*.s${i}.example.com/*`,
      addedAt: i,
    }));
    const { sites, dropped } = parseAddedSites([many[0], ...many]);
    expect(sites).toHaveLength(MAX_ADDED_SITES - 1);
    expect(dropped.at(-1)).toMatch(/beyond the limit/);
  });
});

describe('registrationsFor', () => {
  const declared = [
    {
      matches: ['*://*.jeejio.com/*'],
      js: ['content-scripts/page-hooks.js'],
      run_at: 'document_start',
      all_frames: true,
      match_about_blank: true,
      world: 'MAIN',
    },
    { matches: ['*://*.jeejio.com/*'], js: ['content-scripts/page-readings.js'], all_frames: true },
    { matches: ['*://*.jeejio.com/*'], css: ['x.css'] } as never,
  ];

  it("gives added sites the same scripts as Jeejio's pages, in the same world and at the same time", () => {
    const regs = registrationsFor(declared, [staging]);
    expect(regs).toEqual([
      {
        id: 'added-sites:0:content-scripts/page-hooks.js',
        matches: ['*://*.staging.example.com/*'],
        js: ['content-scripts/page-hooks.js'],
        runAt: 'document_start',
        allFrames: true,
        matchOriginAsFallback: true,
        world: 'MAIN',
        persistAcrossSessions: true,
      },
      {
        id: 'added-sites:1:content-scripts/page-readings.js',
        matches: ['*://*.staging.example.com/*'],
        js: ['content-scripts/page-readings.js'],
        runAt: 'document_idle',
        allFrames: true,
        persistAcrossSessions: true,
      },
    ]);
  });

  it('registers nothing when no site was added', () => {
    expect(registrationsFor(declared, [])).toEqual([]);
  });
});
