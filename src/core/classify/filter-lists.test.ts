import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFilterLists } from './filter-lists';

/* A tiny list written for these tests; no third-party list data is bundled. */
const TINY_PRIVACY_LIST = `[Adblock Plus 2.0]
! Title: Tiny privacy list for tests
||tracker.example^$third-party
||stats.example^$image,ping
/beacon.gif?
@@||tracker.example/consent.js
||analytics.example^$domain=jeejio.com
##.cookie-banner
example.com##.ad
`;

const TINY_AD_LIST = `! Title: Tiny ad list for tests
||ads.example^
||tracker.example/consent.js$script
`;

const PAGE = 'https://www.jeejio.com/index.html';

describe('compileFilterLists', () => {
  const matcher = compileFilterLists([
    { name: 'Tiny privacy', text: TINY_PRIVACY_LIST, purpose: 'statistics' },
    { name: 'Tiny ads', text: TINY_AD_LIST, purpose: 'advertising' },
  ]);

  it('loads only network filters and reports them per list', () => {
    expect(matcher.lists).toEqual([
      { name: 'Tiny privacy', purpose: 'statistics', networkFilters: 5 },
      { name: 'Tiny ads', purpose: 'advertising', networkFilters: 2 },
    ]);
  });

  it.each<[url: string, pageUrl: string, type: string | undefined, list: string | null, filter?: string]>([
    ['https://tracker.example/t.js', PAGE, 'script', 'Tiny privacy', '||tracker.example^$third-party'],
    ['https://cdn.tracker.example/t.js', PAGE, 'script', 'Tiny privacy', '||tracker.example^$third-party'],
    ['https://tracker.example/t.js', 'https://tracker.example/', 'script', null],
    ['https://stats.example/p.png', PAGE, 'image', 'Tiny privacy', '||stats.example^$image,ping'],
    ['https://stats.example/p', PAGE, 'ping', 'Tiny privacy', '||stats.example^$image,ping'],
    ['https://stats.example/p.js', PAGE, 'script', null],
    ['https://cdn.other.example/x/beacon.gif?u=1', PAGE, 'image', 'Tiny privacy', '/beacon.gif?'],
    [
      'https://analytics.example/c',
      'https://open.jeejio.com/',
      'xmlhttprequest',
      'Tiny privacy',
      '||analytics.example^$domain=jeejio.com',
    ],
    ['https://analytics.example/c', 'https://other.example/', 'xmlhttprequest', null],
    ['https://ads.example/banner.js', PAGE, 'script', 'Tiny ads', '||ads.example^'],
    ['https://ads.example/frame.html', PAGE, 'sub_frame', 'Tiny ads', '||ads.example^'],
    ['https://www.jeejio.com/app.js', PAGE, 'script', null],
    ['data:image/gif;base64,R0lGOD', PAGE, 'image', null],
    ['not a url', PAGE, 'script', null],
    ['https://stats.example/p.png', PAGE, undefined, 'Tiny privacy', '||stats.example^$image,ping'],
    ['https://stats.example/p.png', PAGE, 'no-such-type', 'Tiny privacy', '||stats.example^$image,ping'],
  ])('%s from %s (%s) → %s', (url, pageUrl, type, list, filter) => {
    const match = matcher.match({ url, pageUrl, ...(type !== undefined && { type }) });
    if (list === null) {
      expect(match).toBeNull();
    } else {
      expect(match).toMatchObject({ list, filter });
    }
  });

  it("lets a list's exception filter lift only that list's own filters", () => {
    const privacyOnly = compileFilterLists([{ name: 'Tiny privacy', text: TINY_PRIVACY_LIST }]);
    const consent = { url: 'https://tracker.example/consent.js', pageUrl: PAGE, type: 'script' };
    // @@||tracker.example/consent.js lifts the privacy list's ||tracker.example^ …
    expect(privacyOnly.match(consent)).toBeNull();
    // … but not the ad list's own filter for the same script.
    expect(matcher.match(consent)).toEqual({
      list: 'Tiny ads',
      filter: '||tracker.example/consent.js$script',
      purpose: 'advertising',
    });
  });

  it('takes lists in the order given', () => {
    const reversed = compileFilterLists([
      { name: 'B', text: '||both.example^', purpose: 'advertising' },
      { name: 'A', text: '||both.example^', purpose: 'statistics' },
    ]);
    expect(reversed.match({ url: 'https://both.example/x', pageUrl: PAGE, type: 'script' })?.list).toBe('B');
  });

  it("gives a list without a purpose the purpose 'unknown'", () => {
    const plain = compileFilterLists([{ name: 'Plain', text: '||plain.example^' }]);
    expect(plain.lists[0]?.purpose).toBe('unknown');
    expect(plain.match({ url: 'https://plain.example/', pageUrl: PAGE, type: 'image' })?.purpose).toBe(
      'unknown',
    );
  });

  it('matches nothing without lists, or with lists of garbage', () => {
    expect(
      compileFilterLists([]).match({ url: 'https://ads.example/', pageUrl: PAGE, type: 'script' }),
    ).toBeNull();
    const garbage = compileFilterLists([{ name: 'Garbage', text: '$$$\n||\n@@\n!!\n[[[\n\u0000\n' }]);
    expect(garbage.match({ url: 'https://ads.example/', pageUrl: PAGE, type: 'script' })).toBeNull();
  });

  it('never throws on arbitrary URLs, pages and types', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withQueryParameters: true }), fc.string({ unit: 'grapheme', maxLength: 200 })),
        fc.oneof(fc.webUrl(), fc.string()),
        fc.option(
          fc.oneof(fc.constantFrom('script', 'image', 'ping', 'sub_frame', 'xmlhttprequest'), fc.string()),
          {
            nil: undefined,
          },
        ),
        (url, pageUrl, type) => {
          const match = matcher.match({ url, pageUrl, ...(type !== undefined && { type }) });
          if (match) expect(['Tiny privacy', 'Tiny ads']).toContain(match.list);
        },
      ),
      { numRuns: 300 },
    );
  });
});
