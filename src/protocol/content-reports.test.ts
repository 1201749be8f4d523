import { describe, expect, it } from 'vitest';
import { MAX_OUTBOUND_LINKS } from '../core/observations/outbound-link-limit';
import { networkObservationFromTiming } from '../core/observations/resource-timing-observation';
import type { StorageEntry } from '../core/observations/storage-observation';
import { storageObservationsFrom } from '../core/observations/storage-observation';
import { type ContentReport, type ContentReportOf, parseContentReport } from './content-reports';

/** The one parser, seen through one kind of report. */
const only =
  <T extends ContentReport['type']>(type: T) =>
  (raw: unknown): ContentReportOf<T> | null => {
    const report = parseContentReport(raw);
    return report?.type === type ? (report as ContentReportOf<T>) : null;
  };
const parseStorageSnapshot = only('storage-snapshot');
const parseStorageReadDue = only('storage-read-due');
const parseResourceTiming = only('resource-timing');
const parsePageClaims = only('page-claims');

const beacon = {
  type: 'network-call',
  script: 'https://cdn.tracker.example/sdk.js',
  api: 'sendBeacon',
  url: 'https://collect.tracker.example/c?e=view',
  method: 'POST',
  keepalive: true,
};

describe('parseContentReport', () => {
  it('takes each kind a content script sends, and refuses anything else', () => {
    expect(parseContentReport({ type: 'dom-pixels', pixels: [] })).toEqual({
      type: 'dom-pixels',
      pixels: [],
    });
    // Pixels that appeared on a route a single-page app has since left say which.
    const onRoute = { type: 'dom-pixels', route: 'https://www.jeejio.com/app/ads', pixels: [] };
    expect(parseContentReport(onRoute)).toEqual(onRoute);
    expect(parseContentReport({ ...onRoute, route: 'data:text/html,x' })).toBeNull();
    expect(parseContentReport({ type: 'get-tab-report', tabId: 1 })).toBeNull();
    expect(parseContentReport({ type: 'storage-snapshot' })).toBeNull();
    expect(parseContentReport(null)).toBeNull();
    expect(parseContentReport('storage-read-due')).toBeNull();
  });

  it('takes the counts of what a reader left, as whole numbers only', () => {
    const left = { type: 'dom-pixels', pixels: [], notInspected: 60 };
    expect(parseContentReport(left)).toEqual(left);
    expect(parseContentReport({ ...left, notInspected: -1 })).toBeNull();
    const snapshot = { type: 'storage-snapshot', entries: [], notRead: 151, notReadIn: ['localStorage'] };
    expect(parseContentReport(snapshot)).toEqual(snapshot);
    expect(parseContentReport({ ...snapshot, notReadIn: ['cookies'] })).toBeNull();
  });

  it('takes outbound links as web URLs, at most MAX_OUTBOUND_LINKS, with a count of the rest', () => {
    const links = { type: 'outbound-links', links: ['https://shop.example/?gclid=1'], notRead: 3 };
    expect(parseContentReport(links)).toEqual(links);
    expect(parseContentReport({ ...links, links: ['javascript:alert(1)'] })).toBeNull();
    const many = Array.from({ length: MAX_OUTBOUND_LINKS + 1 }, (_, i) => `https://shop.example/?i=${i}`);
    expect(parseContentReport({ ...links, links: many })).toBeNull();
  });
});

const entry: StorageEntry = { area: 'localStorage', key: 'k', value: 'v', valueLength: 1 };

describe('parseStorageSnapshot', () => {
  it('accepts a well-formed snapshot, IndexedDB records included', () => {
    const record = { area: 'indexedDB', key: 'tracker/ids/me', value: '{"uid":"x"}', valueLength: 11 };
    expect(parseStorageSnapshot({ type: 'storage-snapshot', entries: [entry, record] })?.entries).toEqual([
      entry,
      record,
    ]);
  });

  it.each([
    ['another message type', { type: 'get-tab-report', tabId: 1 }],
    ['entries that are not a list', { type: 'storage-snapshot', entries: 'x' }],
    ['an unknown storage area', { type: 'storage-snapshot', entries: [{ ...entry, area: 'cookies' }] }],
    ['a non-string value', { type: 'storage-snapshot', entries: [{ ...entry, value: { toString: 1 } }] }],
    [
      'an oversized value',
      { type: 'storage-snapshot', entries: [{ ...entry, value: 'x'.repeat(5000), valueLength: 5000 }] },
    ],
    [
      'a length shorter than the value',
      { type: 'storage-snapshot', entries: [{ ...entry, value: 'abc', valueLength: 1 }] },
    ],
    ['too many entries', { type: 'storage-snapshot', entries: Array.from({ length: 501 }, () => entry) }],
    ['a mark of an answer that is not true', { type: 'storage-snapshot', entries: [], answersDue: 'yes' }],
  ])('refuses %s', (_label, raw) => {
    expect(parseStorageSnapshot(raw)).toBeNull();
  });

  it('keeps the mark of the reading a due notice announced, and only that', () => {
    expect(parseStorageSnapshot({ type: 'storage-snapshot', entries: [entry], answersDue: true })).toEqual({
      type: 'storage-snapshot',
      entries: [entry],
      answersDue: true,
    });
    expect(parseStorageSnapshot({ type: 'storage-snapshot', entries: [], extra: 1 })).toEqual({
      type: 'storage-snapshot',
      entries: [],
    });
  });
});

describe('parseStorageReadDue', () => {
  it('takes the notice that a reading of storage is due, and nothing else', () => {
    expect(parseStorageReadDue({ type: 'storage-read-due', injected: '<script>' })).toEqual({
      type: 'storage-read-due',
    });
    expect(parseStorageReadDue({ type: 'storage-snapshot', entries: [] })).toBeNull();
    expect(parseStorageReadDue('storage-read-due')).toBeNull();
    expect(parseStorageReadDue(null)).toBeNull();
  });
});

describe('storageObservationsFrom', () => {
  const page = { tabId: 1, visitId: 'v', url: 'https://www.jeejio.com/' };

  it('stores an unchanged key read twice once, and a changed value anew', () => {
    const [a] = storageObservationsFrom('https://www.jeejio.com', [entry], page, 1);
    const [again] = storageObservationsFrom('https://www.jeejio.com', [entry], page, 2);
    const [changed] = storageObservationsFrom('https://www.jeejio.com', [{ ...entry, value: 'w' }], page, 3);
    expect(again?.id).toBe(a?.id);
    expect(changed?.id).not.toBe(a?.id);
  });

  it('says when a value was cut by the content script', () => {
    const [o] = storageObservationsFrom(
      'https://www.jeejio.com',
      [{ area: 'localStorage', key: 'big', value: 'x'.repeat(4096), valueLength: 9000 }],
      page,
      1,
    );
    expect(o?.valueLength).toBe(9000);
    expect(o?.warnings?.[0]).toMatch(/9000 characters truncated/);
  });
});

describe('parseResourceTiming', () => {
  const timing = { url: 'https://hm.baidu.com/hm.gif?si=1', initiatorType: 'beacon', startTime: 12.5 };

  it('accepts http(s) entries', () => {
    expect(parseResourceTiming({ type: 'resource-timing', entries: [timing] })?.entries).toEqual([timing]);
  });

  it.each([
    ['a javascript: URL', { ...timing, url: 'javascript:alert(1)' }],
    ['a data: URL', { ...timing, url: 'data:text/html,x' }],
    ['a huge URL', { ...timing, url: `https://x.example/${'a'.repeat(9000)}` }],
    ['a negative start time', { ...timing, startTime: -1 }],
    ['a start time that is not a number', { ...timing, startTime: '5' }],
  ])('refuses %s', (_label, entry) => {
    expect(parseResourceTiming({ type: 'resource-timing', entries: [entry] })).toBeNull();
  });
});

describe('networkObservationFromTiming', () => {
  const page = { tabId: 1, visitId: 'v', url: 'https://www.jeejio.com/', startedAt: 1_700_000_000_000 };

  it('makes a sendBeacon a beacon, says what it lacks, and dates it from the page start', () => {
    const o = networkObservationFromTiming(
      { url: 'https://hm.baidu.com/hm.gif?si=1', initiatorType: 'beacon', startTime: 250.4 },
      page,
    );
    expect(o).toMatchObject({
      kind: 'beacon',
      provenance: 'dom',
      method: 'POST',
      resourceType: 'ping',
      beaconSignals: ['send-beacon', 'analytics-endpoint'],
      observedAt: 1_700_000_000_250,
    });
    expect(o.warnings?.[0]).toContain('resource timing only');
  });

  it('keeps an ordinary script a request', () => {
    const o = networkObservationFromTiming(
      { url: 'https://cdn.example/lib.js', initiatorType: 'script', startTime: 1 },
      page,
    );
    expect(o).toMatchObject({ kind: 'request', method: 'unknown', resourceType: 'script' });
  });
});

describe('page claims as a content script forwards them', () => {
  it('checks the message a content script sends the background', () => {
    const message = {
      type: 'page-claims',
      frame: 'frame-1234',
      claims: [{ seq: 0, claim: beacon }],
      refused: 0,
      dropped: 0,
    };
    expect(parsePageClaims(message)).toEqual(message);
    expect(parsePageClaims({ ...message, frame: 'bad frame!' })).toBeNull();
    // The route the claims were made on: a web URL, bounded like every URL a page can fill.
    const onRoute = { ...message, route: 'https://www.jeejio.com/app#/profile' };
    expect(parsePageClaims(onRoute)).toEqual(onRoute);
    expect(parsePageClaims({ ...message, route: 'javascript:alert(1)' })).toBeNull();
    expect(parsePageClaims({ ...message, route: `https://www.jeejio.com/${'a'.repeat(9_000)}` })).toBeNull();
    expect(
      parsePageClaims({
        ...message,
        claims: Array.from({ length: 201 }, (_, seq) => ({ seq, claim: beacon })),
      }),
    ).toBeNull();
  });
});
