import { describe, expect, it } from 'vitest';
import {
  beaconSignals,
  type FinishedRequest,
  networkObservationFrom,
  requestBodyText,
} from './network-observation';

const page = { tabId: 2, visitId: 'v1', url: 'https://www.jeejio.com/beacons' };
const finished = (overrides: Partial<FinishedRequest>): FinishedRequest => ({
  requestId: '7',
  url: 'https://www.jeejio.com/api/items',
  method: 'GET',
  type: 'xmlhttprequest',
  statusCode: 200,
  timeStamp: 1_700_000_000_000,
  ...overrides,
});
const bytes = (text: string) => ({ raw: [{ bytes: new TextEncoder().encode(text).buffer as ArrayBuffer }] });

describe('beacon recognition', () => {
  it.each<[string, Partial<FinishedRequest>, string[]]>([
    [
      'sendBeacon or hyperlink auditing (ping)',
      { type: 'ping', url: 'https://www.jeejio.com/log' },
      ['ping'],
    ],
    [
      'a 43-byte image',
      {
        type: 'image',
        url: 'https://www.jeejio.com/stat.gif',
        responseHeaders: [{ name: 'Content-Length', value: '43' }],
      },
      ['tiny-image'],
    ],
    [
      'a known analytics endpoint over fetch',
      { url: 'https://hm.baidu.com/hm.gif?si=1' },
      ['analytics-endpoint'],
    ],
    [
      'a ping to Baidu Tongji',
      { type: 'ping', url: 'https://hm.baidu.com/hm.gif?si=1' },
      ['ping', 'analytics-endpoint'],
    ],
    ['an ordinary API call', {}, []],
    [
      'a large image',
      {
        type: 'image',
        url: 'https://www.jeejio.com/hero.jpg',
        responseHeaders: [{ name: 'content-length', value: '180000' }],
      },
      [],
    ],
    ['an image of unknown size', { type: 'image', url: 'https://www.jeejio.com/x.png' }, []],
    [
      'a tracker script (loading code is not a beacon)',
      { type: 'script', url: 'https://hm.baidu.com/hm.js?1' },
      [],
    ],
  ])('%s', (_label, request, expected) => {
    expect(beaconSignals(finished(request), page.url)).toEqual(expected);
  });
});

describe('requestBodyText', () => {
  it('joins form fields as a query string', () => {
    expect(requestBodyText({ formData: { event: ['submit'], name: ['Zhang San'] } })?.text).toBe(
      'event=submit&name=Zhang%20San',
    );
  });

  it('decodes raw bytes as UTF-8, across chunks', () => {
    const body = { raw: [bytes('{"email":"al').raw[0] ?? {}, bytes('ice@example.com"}').raw[0] ?? {}] };
    expect(requestBodyText(body)?.text).toBe('{"email":"alice@example.com"}');
  });

  it('reports nothing for an empty body', () => {
    expect(requestBodyText({ raw: [] })).toBeUndefined();
    expect(requestBodyText(undefined)).toBeUndefined();
  });
});

describe('networkObservationFrom', () => {
  it('makes a beacon observation with its body, status and signals', () => {
    const o = networkObservationFrom(
      finished({ type: 'ping', url: 'https://www.jeejio.com/log', method: 'POST' }),
      bytes('event=submit'),
      page,
    );
    expect(o).toMatchObject({
      kind: 'beacon',
      provenance: 'webRequest',
      pageUrl: page.url,
      method: 'POST',
      requestBody: 'event=submit',
      requestBodyLength: 12,
      beaconSignals: ['ping'],
      statusCode: 200,
    });
  });

  it('bounds a huge body and says so', () => {
    const o = networkObservationFrom(finished({ method: 'POST' }), bytes('x'.repeat(100_000)), page);
    expect(o.requestBody?.length).toBe(16_384);
    expect(o.requestBodyLength).toBe(100_000);
    expect(o.warnings?.[0]).toMatch(/truncated/);
  });

  it('keeps a failed request as evidence with its error', () => {
    const o = networkObservationFrom(
      finished({ error: 'net::ERR_BLOCKED_BY_CLIENT', statusCode: undefined }),
      undefined,
      page,
    );
    expect(o.kind).toBe('request');
    expect(o.warnings).toEqual(['The request failed: net::ERR_BLOCKED_BY_CLIENT']);
  });

  it('gives a request one id, and each redirect hop its own', () => {
    const a = networkObservationFrom(finished({}), undefined, page);
    const again = networkObservationFrom(finished({ timeStamp: 5 }), undefined, page);
    const hop = networkObservationFrom(
      finished({ url: 'https://www.jeejio.com/api/items2' }),
      undefined,
      page,
    );
    expect(again.id).toBe(a.id);
    expect(hop.id).not.toBe(a.id);
  });
});

describe("the browser's own words on a request", () => {
  it("keeps Firefox's tracker flags once each, and leaves out what is not a flag", () => {
    const observation = networkObservationFrom(
      finished({
        url: 'https://collect.tracker.example/c',
        urlClassification: {
          firstParty: [],
          thirdParty: ['tracking', 'any_basic_tracking', 'tracking', 'Not A Flag <script>', 'x'.repeat(41)],
        },
      }),
      undefined,
      page,
    );
    expect(observation.browserTrackingFlags).toEqual(['tracking', 'any_basic_tracking']);
    expect(
      networkObservationFrom(finished({ urlClassification: { thirdParty: [] } }), undefined, page),
    ).not.toHaveProperty('browserTrackingFlags');
  });

  it('keeps the canonical name of an alias the resolver gave', () => {
    const observation = networkObservationFrom(
      finished({ url: 'https://metrics.jeejio.com/collect', type: 'image' }),
      undefined,
      page,
      'jeejio.sc.omtrdc.net',
    );
    expect(observation).toMatchObject({ canonicalName: 'jeejio.sc.omtrdc.net', kind: 'beacon' });
  });
});
