import { describe, expect, it } from 'vitest';
import { observationsFromClaims } from './page-claim-observation';
import type { PageClaim } from './reported-facts';

const source = {
  page: { tabId: 7, visitId: 'visit-a', url: 'https://www.jeejio.com/' },
  frameUrl: 'https://www.jeejio.com/',
  frame: 'frame-abcdef',
  observedAt: 1_700_000_000_000,
};
const SCRIPT = 'https://cdn.tracker.example/sdk.js';
const one = (claim: PageClaim, from = source) => observationsFromClaims([{ seq: 3, claim }], from)[0];

describe('observationsFromClaims', () => {
  it('turns a document.cookie write into a script-write cookie of the frame’s host, with its script', () => {
    const o = one({ type: 'cookie-write', script: SCRIPT, cookie: 'uid=u-123; path=/; max-age=31536000' });
    expect(o).toMatchObject({
      kind: 'cookie',
      provenance: 'page-hook',
      action: 'script-write',
      name: 'uid',
      value: 'u-123',
      domain: 'www.jeejio.com',
      hostOnly: true,
      session: false,
      scriptUrl: SCRIPT,
      rawHeader: 'uid=u-123; path=/; max-age=31536000',
    });
  });

  it('files a sendBeacon call as a beacon and a plain fetch as a request', () => {
    const beacon = one({
      type: 'network-call',
      script: SCRIPT,
      api: 'sendBeacon',
      url: 'https://collect.tracker.example/c',
      method: 'post',
      keepalive: true,
      body: 'uid=1',
      bodyLength: 5,
    });
    expect(beacon).toMatchObject({
      kind: 'beacon',
      resourceType: 'ping',
      method: 'POST',
      beaconSignals: ['send-beacon'],
      requestBody: 'uid=1',
    });
    const fetchCall = one({
      type: 'network-call',
      api: 'fetch',
      url: 'https://www.jeejio.com/api',
      method: 'GET',
      keepalive: false,
    });
    expect(fetchCall).toMatchObject({ kind: 'request', resourceType: 'xmlhttprequest' });
    expect(fetchCall).not.toHaveProperty('scriptUrl');
    const pixel = one({
      type: 'network-call',
      api: 'image',
      url: 'https://p.example/p.gif?e=1',
      method: 'GET',
      keepalive: false,
      detached: true,
    });
    expect(pixel).toMatchObject({ kind: 'beacon', beaconSignals: ['detached-image'] });
  });

  it('names storage by the frame’s origin and IndexedDB records by database/store/key', () => {
    const frame = { ...source, frameUrl: 'https://open.jeejio.com/embed' };
    expect(
      one(
        { type: 'storage-write', area: 'localStorage', op: 'remove', key: 'k', value: '', valueLength: 0 },
        frame,
      ),
    ).toMatchObject({
      kind: 'storage',
      action: 'removed',
      origin: 'https://open.jeejio.com',
      frameUrl: 'https://open.jeejio.com/embed',
    });
    expect(
      one({
        type: 'indexeddb-write',
        op: 'put',
        database: 'db',
        store: 'events',
        key: '1',
        value: '{"a":1}',
        valueLength: 7,
      }),
    ).toMatchObject({ area: 'indexedDB', key: 'db/events/1', action: 'set' });
  });

  it('gives a resent claim the same id and two frames different ids', () => {
    const claim: PageClaim = { type: 'fingerprint', technique: 'audio', detail: 'rendered audio offline' };
    expect(one(claim)?.id).toBe(one(claim)?.id);
    expect(one(claim)?.id).not.toBe(one(claim, { ...source, frame: 'frame-other1' })?.id);
  });
});
