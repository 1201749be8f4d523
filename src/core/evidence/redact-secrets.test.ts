import { describe, expect, it } from 'vitest';
import {
  cookieObservation,
  requestObservation,
  storageObservation,
} from '../../../tests/support/observations';
import type { CookieObservation, NetworkObservation, StorageObservation } from '../observations/observation';
import { redactSecrets } from './redact-secrets';
import { proofKeyOf, provesRedactedValue, redactionMark } from './redaction-scheme';

const KEY = new Uint8Array(32).fill(7);
const SESSION_ID = '4F2A9C1E7B3D5A60C8E2F4A6B8D0C1E3';
const MARK = /^\[redacted:hmac-sha256:[0-9a-f]{64}\]$/;

describe('redactSecrets', () => {
  it('replaces a login cookie’s value, also in its Set-Cookie header and wherever else it is sent', () => {
    const cookie = cookieObservation({
      name: 'JSESSIONID',
      value: SESSION_ID,
      action: 'set-attempt',
      rawHeader: `JSESSIONID=${SESSION_ID}; Path=/; HttpOnly`,
    });
    const leak = requestObservation({ url: `https://collector.example/hit?ref=${SESSION_ID}` });
    const { observations, summary } = redactSecrets([cookie, leak], [], KEY);
    const [c, r] = observations as [CookieObservation, NetworkObservation];
    const mark = redactionMark(KEY, SESSION_ID);
    expect(c.value).toBe(mark);
    expect(c.valueLength).toBe(SESSION_ID.length);
    expect(c.rawHeader).toBe(`JSESSIONID=${mark}; Path=/; HttpOnly`);
    expect(r.url).toBe(`https://collector.example/hit?ref=${mark}`);
    expect(summary).toEqual({ values: 1, observations: 2 });
    // The recorded observations are left as they were.
    expect(cookie.value).toBe(SESSION_ID);
  });

  it('replaces a short login value where it is the whole value, not inside other text', () => {
    const cookie = cookieObservation({ name: 'token', value: 'a1', rawHeader: 'token=a1; Path=/' });
    const other = requestObservation({ url: 'https://www.jeejio.com/a1b2' });
    const [c, r] = redactSecrets([cookie, other], [], KEY).observations as [
      CookieObservation,
      NetworkObservation,
    ];
    expect(c.value).toMatch(MARK);
    expect(c.rawHeader).toBe(`token=${c.value}; Path=/`);
    expect(r).toBe(other);
  });

  it('keeps cookies and storage the classifier does not mark as login credentials', () => {
    const analytics = cookieObservation({
      name: '_ga',
      value: 'GA1.2.123456789.1700000000',
      domain: '.jeejio.com',
    });
    const csrf = cookieObservation({ name: 'csrftoken', value: 'csrf-value-123' });
    const prefs = storageObservation({ key: 'theme', value: 'dark-mode-please' });
    const { observations, summary } = redactSecrets([analytics, csrf, prefs], [], KEY);
    expect(observations).toEqual([analytics, csrf, prefs]);
    expect(summary).toEqual({ values: 0, observations: 0 });
  });

  it('replaces a login token kept in storage', () => {
    const stored = storageObservation({ key: 'token', value: 'eyJhbGciOiJIUzI1NiJ9.payload.sig' });
    const [s] = redactSecrets([stored], [], KEY).observations as [StorageObservation];
    expect(s.value).toMatch(MARK);
  });

  it('replaces passwords and tokens posted in a form or JSON body, or passed in a URL, and in page addresses', () => {
    const login = requestObservation({
      method: 'POST',
      url: 'https://www.jeejio.com/api/login',
      requestBody: 'username=alice&password=hunter2%21secret',
    });
    const json = requestObservation({
      method: 'POST',
      url: 'https://www.jeejio.com/api/session',
      requestBody: '{"user":"alice","access_token":"tok_9f8e7d6c5b4a"}',
    });
    const query = requestObservation({
      url: 'https://www.jeejio.com/api/me?access_token=tok_9f8e7d6c5b4a&lang=zh',
    });
    const page = {
      visitId: 'v',
      tabId: 1,
      url: 'https://www.jeejio.com/cb?token=tok_9f8e7d6c5b4a',
      startedAt: 1,
    };
    const { observations, pages, summary } = redactSecrets([login, json, query], [page], KEY);
    const [l, j, q] = observations as NetworkObservation[];
    const tokenMark = redactionMark(KEY, 'tok_9f8e7d6c5b4a');
    expect(l?.requestBody).toBe(`username=alice&password=${redactionMark(KEY, 'hunter2%21secret')}`);
    expect(j?.requestBody).toBe(`{"user":"alice","access_token":"${tokenMark}"}`);
    expect(q?.url).toBe(`https://www.jeejio.com/api/me?access_token=${tokenMark}&lang=zh`);
    expect(pages[0]?.url).toBe(`https://www.jeejio.com/cb?token=${tokenMark}`);
    // The body is redacted as sent; the decoded password has a mark of its own, for where it appears decoded.
    expect(redactionMark(KEY, 'hunter2%21secret')).not.toBe(redactionMark(KEY, 'hunter2!secret'));
    expect(summary.observations).toBe(3);
  });

  it('gives a mark a value can be proven against with its proof key alone', () => {
    const mark = redactionMark(KEY, SESSION_ID);
    const proofKey = proofKeyOf(KEY, SESSION_ID);
    expect(provesRedactedValue(mark, SESSION_ID, proofKey)).toBe(true);
    expect(provesRedactedValue(mark, `${SESSION_ID}0`, proofKey)).toBe(false);
    expect(provesRedactedValue(mark, SESSION_ID, proofKeyOf(KEY, 'other'))).toBe(false);
    // Another bundle's key gives another mark: marks do not link bundles.
    expect(redactionMark(new Uint8Array(32).fill(8), SESSION_ID)).not.toBe(mark);
  });
});
