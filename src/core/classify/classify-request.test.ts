import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyRequest } from './classify-request';
import { compileFilterLists } from './filter-lists';
import { PURPOSES, type Purpose } from './purpose';

const PAGE = 'https://www.jeejio.com/';

describe('classifyRequest by host and path', () => {
  it.each<[url: string, vendor: string | null, purpose: Purpose, matchedBy: string, party: string]>([
    ['https://hm.baidu.com/hm.js?abc', 'Baidu Tongji', 'statistics', 'host', 'third-party'],
    [
      'https://www.google-analytics.com/g/collect?v=2',
      'Google Analytics',
      'statistics',
      'host',
      'third-party',
    ],
    ['https://pos.baidu.com/s?x=1', 'Baidu Ads', 'advertising', 'host', 'third-party'],
    ['https://beacon.qq.com/report', 'Tencent Beacon', 'statistics', 'host', 'third-party'],
    ['https://static.hotjar.com/c/hotjar-1.js', 'Hotjar', 'session-replay', 'host', 'third-party'],
    ['https://www.facebook.com/tr?id=1&ev=PageView', 'Meta', 'advertising', 'url', 'third-party'],
    ['https://www.facebook.com/tr/?id=1', 'Meta', 'advertising', 'url', 'third-party'],
    ['https://www.facebook.com/plugins/like.php', 'Meta', 'social', 'host', 'third-party'],
    ['https://www.facebook.com/track', 'Meta', 'social', 'host', 'third-party'],
    ['https://www.google.com/recaptcha/api.js', 'Google reCAPTCHA', 'essential', 'url', 'third-party'],
    ['https://www.google.com/pagead/1p-conversion/123/', 'Google', 'advertising', 'url', 'third-party'],
    ['https://www.google.com/search?q=x', 'Google', 'unknown', 'host', 'third-party'],
    ['https://g.alicdn.com/alilog/mlog/aplus_v2.js', 'Alibaba', 'statistics', 'url', 'third-party'],
    ['https://g.alicdn.com/AWSC/AWSC/awsc.js', 'Alibaba', 'fingerprinting', 'url', 'third-party'],
    ['https://g.alicdn.com/some/lib.js', 'Alibaba', 'unknown', 'host', 'third-party'],
    ['https://t.co/i/adsct?txn_id=1', 'X (Twitter)', 'advertising', 'url', 'third-party'],
    ['https://stats.jeejio.com/matomo.php?idsite=1&rec=1', 'Matomo', 'statistics', 'url', 'first-party'],
    ['https://www.jeejio.com/piwik.js', 'Matomo', 'statistics', 'url', 'first-party'],
    [
      'https://sgtm.jeejio.com/g/collect?v=2&tid=G-ABC123',
      'Google Analytics',
      'statistics',
      'url',
      'first-party',
    ],
    ['https://www.jeejio.com/gtm.js?id=GTM-XYZ', 'Google Tag Manager', 'statistics', 'url', 'first-party'],
    ['https://www.jeejio.com/cdn-cgi/rum?', 'Cloudflare Web Analytics', 'statistics', 'url', 'first-party'],
    [
      'https://www.jeejio.com/_vercel/insights/view',
      'Vercel Web Analytics',
      'statistics',
      'url',
      'first-party',
    ],
    ['https://sa.jeejio.com/sa?project=production', 'Sensors Data', 'statistics', 'url', 'first-party'],
    ['https://www.jeejio.com/api/pay', null, 'unknown', 'none', 'first-party'],
    ['https://www.jeejio.com/g/collect?v=2', null, 'unknown', 'none', 'first-party'],
    ['https://www.jeejio.com/sa?x=1', null, 'unknown', 'none', 'first-party'],
    ['https://www.jeejio.com/sample?project=1', null, 'unknown', 'none', 'first-party'],
    ['https://cdn.example.org/lib.js', null, 'unknown', 'none', 'third-party'],
  ])('%s → %s (%s, by %s, %s)', (url, vendor, purpose, matchedBy, party) => {
    const result = classifyRequest({ url, pageUrl: PAGE });
    expect(result).toMatchObject({ vendor, purpose, matchedBy, party });
    expect(result.reason.length).toBeGreaterThan(20);
    if (matchedBy !== 'none') expect(result.source).toMatch(/^https:\/\//);
    expect(result.filterList).toBeUndefined();
  });

  it('names the host and the catalogue entry in the reason', () => {
    const result = classifyRequest({ url: 'https://s4.cnzz.com/z_stat.php?id=1', pageUrl: PAGE });
    expect(result.host).toBe('s4.cnzz.com');
    expect(result.reason).toContain('"s4.cnzz.com"');
    expect(result.reason).toContain('cnzz.com');
  });

  it('carries the allowed recipient of payment and push hosts', () => {
    expect(classifyRequest({ url: 'https://openapi.alipay.com/gateway.do', pageUrl: PAGE })).toMatchObject({
      vendor: 'Alipay',
      recipient: 'payment',
    });
    expect(classifyRequest({ url: 'https://hm.baidu.com/hm.gif', pageUrl: PAGE }).recipient).toBeUndefined();
  });

  it('handles URLs without a host', () => {
    for (const url of [
      'data:image/gif;base64,R0lGOD',
      'blob:https://www.jeejio.com/uuid',
      'about:blank',
      '',
    ]) {
      expect(classifyRequest({ url, pageUrl: PAGE })).toMatchObject({
        matchedBy: 'none',
        host: '',
        purpose: 'unknown',
      });
    }
  });
});

describe('classifyRequest with filter lists', () => {
  const filterLists = compileFilterLists([
    {
      name: 'Tiny EasyPrivacy',
      text: '||unknown-tracker.example^$third-party\n/collect.gif?\n||baidu.com/pixel^',
      purpose: 'statistics',
    },
    { name: 'Tiny EasyList', text: '||hm.baidu.com^\n||ads.unknown.example^', purpose: 'advertising' },
  ]);

  it('classifies a host the catalogue does not know by the list, naming list and filter', () => {
    const result = classifyRequest(
      { url: 'https://unknown-tracker.example/t.js', pageUrl: PAGE, type: 'script' },
      { filterLists },
    );
    expect(result).toMatchObject({
      vendor: null,
      purpose: 'statistics',
      matchedBy: 'filter-list',
      filterList: { list: 'Tiny EasyPrivacy', filter: '||unknown-tracker.example^$third-party' },
    });
    expect(result.reason).toContain('Tiny EasyPrivacy');
    expect(result.reason).toContain('||unknown-tracker.example^$third-party');
  });

  it('keeps the catalogue purpose when it has one, and still reports the filter', () => {
    const result = classifyRequest(
      { url: 'https://hm.baidu.com/hm.js', pageUrl: PAGE, type: 'script' },
      { filterLists },
    );
    expect(result).toMatchObject({ vendor: 'Baidu Tongji', purpose: 'statistics', matchedBy: 'host' });
    expect(result.filterList).toMatchObject({ list: 'Tiny EasyList', filter: '||hm.baidu.com^' });
    expect(result.reason).toContain('It also matches filter');
  });

  it("takes the list's purpose for a host the catalogue names without a purpose", () => {
    const result = classifyRequest(
      { url: 'https://www.baidu.com/pixel?x=1', pageUrl: PAGE, type: 'image' },
      { filterLists },
    );
    expect(result).toMatchObject({ vendor: 'Baidu', purpose: 'statistics', matchedBy: 'filter-list' });
  });

  it('respects $third-party: a first-party request is not matched', () => {
    const result = classifyRequest(
      {
        url: 'https://unknown-tracker.example/t.js',
        pageUrl: 'https://unknown-tracker.example/',
        type: 'script',
      },
      { filterLists },
    );
    expect(result.matchedBy).toBe('none');
  });
});

describe('classifyRequest robustness', () => {
  const filterLists = compileFilterLists([{ name: 'Tiny', text: '||a.example^\n/x?' }]);
  const text = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc
      .tuple(
        fc.constantFrom('https://a.', 'a.', '/', '?', '%', 'é', '𝌆'),
        fc.integer({ min: 1, max: 50_000 }),
      )
      .map(([piece, times]) => piece.repeat(times)),
  );

  it('never throws, returns a valid purpose and stays fast for any URL and page', () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), (url, pageUrl, withLists) => {
        const started = performance.now();
        const result = classifyRequest({ url, pageUrl, type: 'script' }, withLists ? { filterLists } : {});
        expect(PURPOSES).toContain(result.purpose);
        expect(['first-party', 'third-party']).toContain(result.party);
        expect(result.reason.length).toBeLessThan(2000);
        // Catastrophic backtracking would take seconds; the margin absorbs a busy CI machine's pauses.
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 300 },
    );
  });
});

describe('classifyRequest of an alias (CNAME cloaking)', () => {
  const cloaked = { url: 'https://metrics.jeejio.com/collect?uid=42', pageUrl: PAGE, type: 'image' };

  it("classifies a first-party-looking host by its canonical name's tracker, as a third party, the chain in the reason", () => {
    const plain = classifyRequest(cloaked);
    expect(plain).toMatchObject({ party: 'first-party', purpose: 'unknown', vendor: null });
    const uncloaked = classifyRequest({ ...cloaked, canonicalName: 'jeejio.sc.omtrdc.net.' });
    expect(uncloaked).toMatchObject({
      party: 'third-party',
      host: 'metrics.jeejio.com',
      vendor: 'Adobe Analytics',
      purpose: 'statistics',
      matchedBy: 'host',
    });
    expect(uncloaked.reason).toContain('metrics.jeejio.com → jeejio.sc.omtrdc.net');
    expect(uncloaked.reason).toContain('CNAME cloaking');
  });

  it('leaves an alias alone when its canonical name is the same site, a CDN with no purpose, or unknown', () => {
    for (const canonicalName of ['www.jeejio.com', 'jeejio.com.w.kunlunsl.com', 'edge.unknown-cdn.example']) {
      expect(classifyRequest({ ...cloaked, canonicalName }), canonicalName).toMatchObject({
        party: 'first-party',
        purpose: 'unknown',
      });
    }
  });

  it("never uncloaks a third party's own host: its canonical name changes nothing", () => {
    const direct = classifyRequest({ url: 'https://hm.baidu.com/hm.gif', pageUrl: PAGE });
    const aliased = classifyRequest({
      url: 'https://hm.baidu.com/hm.gif',
      pageUrl: PAGE,
      canonicalName: 'jeejio.sc.omtrdc.net',
    });
    expect(aliased).toEqual(direct);
  });
});

describe("classifyRequest beside the browser's own tracker lists", () => {
  it("tells Firefox's flags in the reason and classifies as without them", () => {
    const request = { url: 'https://collect.tracker.example/c', pageUrl: PAGE };
    const without = classifyRequest(request);
    const flagged = classifyRequest({ ...request, browserTrackingFlags: ['tracking', 'any_basic_tracking'] });
    expect({ ...flagged, reason: without.reason }).toEqual(without);
    expect(flagged.reason).toBe(
      `${without.reason} Firefox's own tracker lists flag the request too (tracking, any_basic_tracking).`,
    );
  });
});

describe("classifyRequest of a host on AdGuard's CNAME-tracker list", () => {
  it('classifies a listed alias as the tracker, a third party, the list and the canonical name in the reason', () => {
    const result = classifyRequest({
      url: 'https://data.decathlon.fr/c?uid=1',
      pageUrl: 'https://www.decathlon.fr/',
    });
    expect(result).toMatchObject({
      party: 'third-party',
      host: 'data.decathlon.fr',
      vendor: 'Commanders Act',
      purpose: 'unknown',
      matchedBy: 'host',
    });
    expect(result.reason).toContain(
      "is listed by AdGuard's CNAME-tracker list as an alias of redirect271.tagcommander.com, a collector of Commanders Act",
    );
    expect(result.source).toBe(
      'https://github.com/AdguardTeam/cname-trackers/blob/0cf33485787435b06c4bf1c0322dd53a48ec2d26/data/trackers/commanders-act.json',
    );
  });

  it("uncloaks a Criteo alias under a shop's own name as Criteo's advertising, the purpose the host catalogue gives", () => {
    const result = classifyRequest({
      url: 'https://qdkwaz.laredoute.fr/event?a=1',
      pageUrl: 'https://www.laredoute.fr/',
    });
    expect(result).toMatchObject({
      party: 'third-party',
      host: 'qdkwaz.laredoute.fr',
      vendor: 'Criteo',
      purpose: 'advertising',
      matchedBy: 'host',
    });
    expect(result.reason).toContain(
      "is listed by AdGuard's CNAME-tracker list as an alias of gum.fr3.vip.prod.criteo.com, a collector of Criteo",
    );
    expect(result.source).toBe(
      'https://github.com/AdguardTeam/cname-trackers/blob/001f1d3b4a4c4430c9fbd9756683656777ea0b41/data/trackers/criteo.json',
    );
    expect(
      classifyRequest({ url: 'https://www.laredoute.fr/x', pageUrl: 'https://www.laredoute.fr/' }),
    ).toMatchObject({ party: 'first-party', vendor: null });
  });

  it("leaves the site's other hosts alone, and a browser's own canonical name comes first", () => {
    expect(
      classifyRequest({ url: 'https://www.decathlon.fr/x', pageUrl: 'https://www.decathlon.fr/' }),
    ).toMatchObject({
      party: 'first-party',
      vendor: null,
    });
    const resolved = classifyRequest({
      url: 'https://data.decathlon.fr/c',
      pageUrl: 'https://www.decathlon.fr/',
      canonicalName: 'decathlon.sc.omtrdc.net',
    });
    expect(resolved).toMatchObject({ vendor: 'Adobe Analytics', party: 'third-party' });
    expect(resolved.reason).toContain("as the browser's DNS resolver gave it");
  });
});
