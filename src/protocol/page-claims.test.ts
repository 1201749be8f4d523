import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContentReport } from './content-reports';
import { parseClaimBatch, parsePageClaim } from './page-claims';

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
    expect(parseClaimBatch('not json')).toEqual({ claims: [], refused: 1, dropped: 0 });
    expect(parseClaimBatch({ an: 'object' })).toEqual({ claims: [], refused: 1, dropped: 0 });
    expect(parseClaimBatch('x'.repeat(600_000))).toEqual({ claims: [], refused: 1, dropped: 0 });
  });

  it('takes the count of claims the hooks left out, bounded, and only as a positive whole number', () => {
    const said = (dropped: unknown) => parseClaimBatch(JSON.stringify({ claims: [beacon], dropped }));
    expect(said(700)).toMatchObject({ claims: [beacon], refused: 0, dropped: 700 });
    expect(said(-5).dropped).toBe(0);
    expect(said(1.5).dropped).toBe(0);
    expect(said('9').dropped).toBe(0);
    expect(said(Number.MAX_SAFE_INTEGER).dropped).toBe(1_000_000_000);
    expect(parseClaimBatch(JSON.stringify({ dropped: 3 }))).toEqual({ claims: [], refused: 1, dropped: 0 });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (value, text) => {
        parsePageClaim(value);
        parseContentReport(value);
        parseClaimBatch(text);
        parseClaimBatch(JSON.stringify([value]) ?? '');
      }),
    );
  });
});
