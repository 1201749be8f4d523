import { describe, expect, it } from 'vitest';
import { cookieChangeAction, cookieDomainMatchesHost } from './cookie-change';
import { cookieFromJar, type JarCookie } from './cookie-from-jar';

const page = { tabId: 1, visitId: 'v1', url: 'https://www.jeejio.com/' };
const jsession: JarCookie = {
  name: 'JSESSIONID',
  value: 'abc',
  domain: 'www.jeejio.com',
  hostOnly: true,
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'no_restriction',
  session: true,
};

describe('cookieFromJar', () => {
  it('maps the browser cookie with its page', () => {
    expect(cookieFromJar(jsession, 'present', page, 5)).toMatchObject({
      provenance: 'cookies-api',
      sameSite: 'none',
      pageUrl: 'https://www.jeejio.com/',
      observedAt: 5,
    });
  });

  it('gives a snapshot and a change report of the same state one id, so it is stored once', () => {
    expect(cookieFromJar(jsession, 'present', page, 1).id).toBe(cookieFromJar(jsession, 'set', page, 2).id);
  });

  it('gives a changed value, a removal, or another visit a new id', () => {
    const id = cookieFromJar(jsession, 'present', page, 1).id;
    expect(cookieFromJar({ ...jsession, value: 'new' }, 'set', page, 1).id).not.toBe(id);
    expect(cookieFromJar(jsession, 'removed', page, 1).id).not.toBe(id);
    expect(cookieFromJar(jsession, 'present', { ...page, visitId: 'v2' }, 1).id).not.toBe(id);
  });
});

describe('cookieChangeAction', () => {
  it('counts an overwrite once: the removal half is not a change', () => {
    expect(cookieChangeAction({ removed: true, cause: 'overwrite' })).toBeNull();
    expect(cookieChangeAction({ removed: false, cause: 'explicit' })).toBe('set');
    expect(cookieChangeAction({ removed: true, cause: 'expired_overwrite' })).toBe('removed');
    expect(cookieChangeAction({ removed: true, cause: 'explicit' })).toBe('removed');
  });
});

describe('cookieDomainMatchesHost', () => {
  it.each([
    ['.jeejio.com', false, 'open.jeejio.com', true],
    ['jeejio.com', false, 'jeejio.com', true],
    ['www.jeejio.com', true, 'www.jeejio.com', true],
    ['www.jeejio.com', true, 'open.jeejio.com', false],
    ['.doubleclick.net', false, 'www.jeejio.com', false],
    ['.eejio.com', false, 'www.jeejio.com', false],
  ])('%s (host-only %s) on %s: %s', (domain, hostOnly, host, expected) => {
    expect(cookieDomainMatchesHost(domain, hostOnly, host)).toBe(expected);
  });
});
