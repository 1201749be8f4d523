import { describe, expect, it } from 'vitest';
import { LINK_DECORATION_CATALOG } from '../classify/link-decoration-catalog';
import { isEvidence } from './evidence-loss';
import {
  decorationParams,
  maskedUrl,
  navigationObservation,
  outboundLinkObservations,
} from './link-decoration';

const PAGE = { tabId: 3, visitId: 'v-1', url: 'https://www.jeejio.com/links' };
const GCLID = 'EAIaIQobChMI8kqk';
const BD_VID = '9032720433592581189';

describe('decorationParams', () => {
  it('finds catalogued click and person ids in the query and a fragment, masked, with vendor and purpose', () => {
    const params = decorationParams(
      `https://shop.example/p?gclid=${GCLID}&bd_vid=${BD_VID}&q=shoes#mc_eid=4f2a9c1e77`,
    );
    expect(params.map((p) => [p.name, p.vendor, p.carries, p.purpose])).toEqual([
      ['gclid', 'Google Ads', 'click-id', 'advertising'],
      ['bd_vid', 'Baidu Marketing (百度营销)', 'click-id', 'advertising'],
      ['mc_eid', 'Mailchimp', 'email-id', 'advertising'],
    ]);
    for (const p of params) {
      expect(p.host).toBe('shop.example');
      expect(p.value).toContain('*');
    }
    expect(params[0]).toMatchObject({ valueLength: GCLID.length });
    expect(JSON.stringify(params)).not.toContain(BD_VID);
  });

  it('ignores parameters that are not catalogued, empty ones, and what is no URL', () => {
    expect(decorationParams('https://shop.example/?utm_source=x&gclid=&GCLID=abc')).toEqual([]);
    expect(decorationParams('not a url')).toEqual([]);
  });

  it('has a source for every catalogued parameter, each named once', () => {
    const names = LINK_DECORATION_CATALOG.map((e) => e.param);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of LINK_DECORATION_CATALOG) expect(entry.source, entry.param).toMatch(/^https:\/\//);
  });
});

describe('maskedUrl', () => {
  it('masks the values of catalogued parameters and keeps the rest', () => {
    const masked = maskedUrl(`https://shop.example/?gclid=${GCLID}&q=shoes`);
    expect(masked).toContain('q=shoes');
    expect(masked).not.toContain(GCLID);
    expect(masked).toMatch(/gclid=EA/);
  });
});

describe('outboundLinkObservations', () => {
  it("records each decorated link leaving the site once, not the site's own links or plain ones", () => {
    const decorated = `https://shop.example/?gclid=${GCLID}`;
    const observations = outboundLinkObservations(
      [decorated, decorated, `https://open.jeejio.com/?gclid=${GCLID}`, 'https://shop.example/plain'],
      PAGE,
      1000,
    );
    expect(observations).toHaveLength(1);
    expect(observations[0]).toMatchObject({
      kind: 'link-decoration',
      provenance: 'dom',
      via: 'link',
      visitId: 'v-1',
      pageUrl: PAGE.url,
      params: [{ name: 'gclid', vendor: 'Google Ads' }],
    });
    expect(observations[0]?.url).not.toContain(GCLID);
    // Listed with its purpose, judged by no rule.
    expect(observations.filter(isEvidence)).toEqual([]);
  });
});

describe('navigationObservation', () => {
  it("records a bounce through a tracker's host on the way to another site (A → tracker → B)", () => {
    const o = navigationObservation(
      ['https://ad.doubleclick.net/clk?id=7', `https://shop.example/landing?gclid=${GCLID}`],
      PAGE,
      2000,
      'req-1',
    );
    expect(o).toMatchObject({
      kind: 'link-decoration',
      provenance: 'webRequest',
      via: 'navigation',
      url: 'https://ad.doubleclick.net/clk?id=7',
      bouncedThrough: [{ host: 'ad.doubleclick.net', vendor: 'Google', purpose: 'advertising' }],
      params: [{ name: 'gclid', host: 'shop.example' }],
    });
    expect(o?.chain).toHaveLength(2);
    expect(JSON.stringify(o)).not.toContain(GCLID);
  });

  it('records nothing for a plain or same-site navigation, and no bounce for a tracker it ends on', () => {
    expect(navigationObservation(['https://shop.example/'], PAGE, 1, 'r')).toBeUndefined();
    expect(navigationObservation([`https://open.jeejio.com/?gclid=${GCLID}`], PAGE, 1, 'r')).toBeUndefined();
    expect(navigationObservation(['https://ad.doubleclick.net/x'], PAGE, 1, 'r')).toBeUndefined();
  });

  it('keeps the first and last URLs of a very long chain', () => {
    const chain = Array.from({ length: 30 }, (_, i) => `https://hop${i}.example/?gclid=g${i}`);
    const o = navigationObservation(chain, PAGE, 1, 'r');
    expect(o?.chain).toHaveLength(20);
    expect(o?.chain?.[19]).toContain('hop29.example');
  });
});
