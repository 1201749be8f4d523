import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../content/token-bucket';
import { parseClaimBatch, parsePageClaim, parsePageClaimsMessage } from './page-claims';

const beacon = {
  type: 'network-call',
  script: 'https://cdn.tracker.example/sdk.js',
  api: 'sendBeacon',
  url: 'https://collect.tracker.example/c?e=view',
  method: 'POST',
  keepalive: true,
  body: 'uid=42',
  bodyLength: 6,
};

describe('page claims', () => {
  it('accepts each kind of claim the hooks make', () => {
    expect(parsePageClaim(beacon)).toEqual(beacon);
    expect(parsePageClaim({ type: 'cookie-write', cookie: 'a=b; path=/' })).not.toBeNull();
    expect(
      parsePageClaim({
        type: 'storage-write',
        area: 'localStorage',
        op: 'set',
        key: 'k',
        value: 'v',
        valueLength: 1,
      }),
    ).not.toBeNull();
    expect(
      parsePageClaim({
        type: 'fingerprint',
        technique: 'webgl',
        detail: 'asked WebGL for the graphics card',
      }),
    ).not.toBeNull();
  });

  it('refuses unknown types, extra fields, wrong types, oversized values and non-web URLs', () => {
    expect(parsePageClaim({ ...beacon, type: 'exfiltrate' })).toBeNull();
    expect(parsePageClaim({ ...beacon, verified: true })).toBeNull();
    expect(parsePageClaim({ ...beacon, keepalive: 'yes' })).toBeNull();
    expect(parsePageClaim({ ...beacon, url: `https://x.example/${'a'.repeat(9000)}` })).toBeNull();
    expect(parsePageClaim({ ...beacon, url: 'javascript:alert(1)' })).toBeNull();
    expect(parsePageClaim({ ...beacon, method: 'GET /evil HTTP/1.1' })).toBeNull();
    expect(
      parsePageClaim(JSON.parse(`{"__proto__":{"polluted":1},${JSON.stringify(beacon).slice(1)}`)),
    ).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsePageClaim(null)).toBeNull();
    expect(parsePageClaim('{"type":"fingerprint"}')).toBeNull();
  });

  it('keeps the good claims of a batch and counts the bad ones', () => {
    const batch = JSON.stringify([beacon, { type: 'nonsense' }, beacon, 7]);
    const { claims, refused } = parseClaimBatch(batch);
    expect(claims).toHaveLength(2);
    expect(refused).toBe(2);
    expect(parseClaimBatch('not json')).toEqual({ claims: [], refused: 1 });
    expect(parseClaimBatch({ an: 'object' })).toEqual({ claims: [], refused: 1 });
    expect(parseClaimBatch('x'.repeat(600_000))).toEqual({ claims: [], refused: 1 });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (value, text) => {
        parsePageClaim(value);
        parsePageClaimsMessage(value);
        parseClaimBatch(text);
        parseClaimBatch(JSON.stringify([value]) ?? '');
      }),
    );
  });

  it('checks the message a content script sends the background', () => {
    const message = {
      type: 'page-claims',
      frame: 'frame-1234',
      claims: [{ seq: 0, claim: beacon }],
      refused: 0,
      dropped: 0,
    };
    expect(parsePageClaimsMessage(message)).toEqual(message);
    expect(parsePageClaimsMessage({ ...message, frame: 'bad frame!' })).toBeNull();
    expect(
      parsePageClaimsMessage({
        ...message,
        claims: Array.from({ length: 201 }, (_, seq) => ({ seq, claim: beacon })),
      }),
    ).toBeNull();
  });
});

describe('TokenBucket', () => {
  it('lets a burst through, then only the sustained rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 5, () => now);
    const first = Array.from({ length: 8 }, () => bucket.take());
    expect(first.filter(Boolean)).toHaveLength(5);
    now += 1000;
    const second = Array.from({ length: 20 }, () => bucket.take());
    expect(second.filter(Boolean)).toHaveLength(5);
    now += 300;
    expect(Array.from({ length: 5 }, () => bucket.take()).filter(Boolean)).toHaveLength(3);
  });
});
