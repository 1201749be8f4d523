import { describe, expect, it } from 'vitest';
import { cnameTrackerList, listedAlias } from './cname-tracker-list';
import { convertAdguardTrackers, trackerName } from './convert-adguard';

describe('convertAdguardTrackers', () => {
  it('groups hosts under their canonical name, lower-cased and sorted, and drops what is no host name', () => {
    const list = convertAdguardTrackers(
      [
        {
          slug: 'parse_ly',
          commit: 'a'.repeat(40),
          aliases: {
            'FPA-CDN.Slate.com': 'fpa-cdn-slate-com.parsely.com.',
            'fpa-cdn.adweek.com': 'fpa-cdn-slate-com.parsely.com',
            'bad host!': 'cdn.parsely.com',
            '*.b2bmktg.com': 'pi.pardot.com',
          },
        },
      ],
      { retrieved: '2026-12-07', notIncluded: ['criteo'] },
    );
    expect(list).toMatchObject({ licence: 'MIT', retrieved: '2026-12-07', notIncluded: ['criteo'] });
    expect(list.trackers).toEqual([
      {
        name: 'Parse.ly',
        file: 'data/trackers/parse_ly.json',
        commit: 'a'.repeat(40),
        aliases: {
          'fpa-cdn-slate-com.parsely.com': ['fpa-cdn.adweek.com', 'fpa-cdn.slate.com'],
          'pi.pardot.com': ['*.b2bmktg.com'],
        },
      },
    ]);
  });

  it('names trackers from their file names', () => {
    expect(trackerName('commanders-act')).toBe('Commanders Act');
    expect(trackerName('adobe-experience-cloud-(formerly-omniture)')).toBe(
      'Adobe Experience Cloud (Formerly Omniture)',
    );
  });
});

describe('the vendored list', () => {
  it('names its source, licence and date, and counts what it left out', () => {
    expect(cnameTrackerList()).toMatchObject({
      source: 'https://github.com/AdguardTeam/cname-trackers',
      licence: 'MIT',
      retrieved: '2026-12-07',
    });
    expect(cnameTrackerList().hosts).toBe(12584);
    expect(cnameTrackerList().trackers).toHaveLength(36);
    expect(cnameTrackerList().trackers).toEqual(
      expect.arrayContaining(['Commanders Act', 'Criteo', 'Keyade', 'Wizaly']),
    );
    // The list's 46 tracker files: each either vendored or named as left out.
    expect(cnameTrackerList().trackers.length + cnameTrackerList().notIncluded.length).toBe(46);
    expect(cnameTrackerList().notIncluded).toEqual(
      expect.arrayContaining(['adobe-experience-cloud-(formerly-omniture)', 'pardot']),
    );
  });

  it('finds a host and only a listed one', () => {
    expect(listedAlias('k.laredoute.com')).toMatchObject({ tracker: 'Keyade', canonical: 'k.keyade.com' });
    expect(listedAlias('www.laredoute.com')).toBeUndefined();
    expect(listedAlias('laredoute.com')).toBeUndefined();
    expect(listedAlias('qdkwaz.laredoute.fr')).toMatchObject({
      tracker: 'Criteo',
      canonical: 'gum.fr3.vip.prod.criteo.com',
    });
    expect(listedAlias('stats.mopo.de')).toMatchObject({
      tracker: 'Etracker',
      canonical: 'customer.etracker.com',
    });
  });
});
