import { describe, expect, it } from 'vitest';
import { cookiesFromSetCookie } from './cookies-from-set-cookie';

const page = { tabId: 3, visitId: 'v1', url: 'https://www.jeejio.com/' };
const at = 1_700_000_000_000;

function parse(headers: string[], url = 'https://ad.doubleclick.net/pixel.gif', requestId = 'r1') {
  return cookiesFromSetCookie({ requestId, url, setCookieHeaders: headers }, page, at);
}

describe('cookiesFromSetCookie', () => {
  it('reads name, value, domain and attributes of each header', () => {
    const [ide] = parse([
      'IDE=abc; Domain=.doubleclick.net; Path=/; Max-Age=100; Secure; HttpOnly; SameSite=None',
    ]);
    expect(ide).toMatchObject({
      action: 'set-attempt',
      provenance: 'webRequest',
      name: 'IDE',
      value: 'abc',
      domain: '.doubleclick.net',
      hostOnly: false,
      secure: true,
      httpOnly: true,
      sameSite: 'none',
      session: false,
      expires: at / 1000 + 100,
      url: 'https://ad.doubleclick.net/pixel.gif',
      pageUrl: 'https://www.jeejio.com/',
    });
  });

  it('gives a host-only cookie the request host', () => {
    const [c] = parse(['token=t; Path=/'], 'https://www.jeejio.com/');
    expect(c).toMatchObject({
      domain: 'www.jeejio.com',
      hostOnly: true,
      session: true,
      sameSite: 'unspecified',
    });
  });

  it('splits headers Firefox joins with newlines', () => {
    expect(parse(['a=1\nb=2']).map((c) => c.name)).toEqual(['a', 'b']);
  });

  it('keeps malformed and oversized headers with warnings instead of dropping them', () => {
    const [malformed, nameless, big] = parse(['=; ;;', '=nameless; Secure', `big=${'x'.repeat(5000)}`]);
    expect(malformed?.warnings?.[0]).toMatch(/Malformed/);
    expect(nameless).toMatchObject({ name: '', value: 'nameless' });
    expect(nameless?.warnings?.[0]).toMatch(/empty cookie name/);
    expect(big?.valueLength).toBe(5000);
    expect(big?.value).toHaveLength(4096);
    expect(big?.warnings?.join(' ')).toMatch(/truncated/);
  });

  it('gives the same header of the same request the same id, and another request another id', () => {
    const [first] = parse(['a=1']);
    const [again] = parse(['a=1']);
    const [other] = parse(['a=1'], undefined, 'r2');
    expect(first?.id).toBe(again?.id);
    expect(first?.id).not.toBe(other?.id);
  });
});
