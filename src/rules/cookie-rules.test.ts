import { describe, expect, it } from 'vitest';
import type { CookieObservation } from '../observations/observation';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { classifyCookieObservation, findViolations } from '../report/find-violations';
import { cookieObservation } from '../test-support/cookie-observation';
import { cookieLoginInsecure } from './cookie-login-insecure';
import { cookieSensitiveInClear } from './cookie-sensitive-in-clear';
import { cookieThirdPartyRecipient } from './cookie-third-party-recipient';
import { cookieUndeclaredPurpose } from './cookie-undeclared-purpose';
import type { CookieRule } from './rule';

type Case = [label: string, cookie: Partial<CookieObservation>];

function hits(rule: CookieRule, overrides: Partial<CookieObservation>) {
  return rule.check(classifyCookieObservation(cookieObservation(overrides)), policy);
}

describe('cookie-undeclared-purpose (§7 lines 92-93)', () => {
  it.each<Case>([
    ['Google Ads IDE on doubleclick', { name: 'IDE', domain: '.doubleclick.net' }],
    ['Meta _fbp set first-party', { name: '_fbp', domain: '.jeejio.com', httpOnly: false }],
    ['Bing MUID', { name: 'MUID', domain: '.bing.com' }],
    ['Hotjar session recording', { name: '_hjSessionUser_123', domain: '.jeejio.com' }],
  ])('flags %s', (_label, cookie) => {
    expect(hits(cookieUndeclaredPurpose, cookie)).not.toBeNull();
  });

  it.each<Case>([
    ['login session', { name: 'JSESSIONID' }],
    ['language preference', { name: 'lang', value: 'en' }],
    [
      'first-party Google Analytics (usage habits)',
      { name: '_ga', domain: '.jeejio.com', value: 'GA1.1.1.1' },
    ],
    ['Baidu Tongji visit time', { name: 'Hm_lvt_0123456789abcdef', domain: 'www.jeejio.com' }],
    ['unclassified name', { name: 'cart_id' }],
    ['removal of an advertising cookie', { name: 'IDE', domain: '.doubleclick.net', action: 'removed' }],
  ])('does not flag %s', (_label, cookie) => {
    expect(hits(cookieUndeclaredPurpose, cookie)).toBeNull();
  });
});

describe('cookie-sensitive-in-clear (§6 line 89, §2 line 39)', () => {
  it.each<Case>([
    ['phone number', { name: 'user_phone', value: '13812345678' }],
    ['ID number in JSON', { name: 'profile', value: '{"idNo":"11010519491231002X"}' }],
    ['password', { name: 'remember_password', value: 'hunter2' }],
  ])('flags %s as high', (_label, cookie) => {
    expect(hits(cookieSensitiveInClear, cookie)?.severity ?? 'high').toBe('high');
    expect(hits(cookieSensitiveInClear, cookie)?.summary).toContain(cookie.name);
  });

  it('does not reveal the full value in its summary', () => {
    expect(hits(cookieSensitiveInClear, { name: 'user_phone', value: '13812345678' })?.summary).not.toContain(
      '13812345678',
    );
  });

  it.each<Case>([
    ['random session id', { name: 'JSESSIONID', value: '9f86d081884c7d659a2feaa0c55ad015' }],
    ['timestamp', { name: 'Hm_lpvt_x', value: '1700000000' }],
  ])('does not flag %s', (_label, cookie) => {
    expect(hits(cookieSensitiveInClear, cookie)).toBeNull();
  });
});

describe('cookie-login-insecure (§6 line 89)', () => {
  it.each<[string, Partial<CookieObservation>, string]>([
    ['token without HttpOnly', { name: 'token', httpOnly: false }, 'medium'],
    ['PHPSESSID with neither flag', { name: 'PHPSESSID', httpOnly: false, secure: false }, 'high'],
    ['session without Secure', { name: 'SESSIONID', secure: false }, 'medium'],
  ])('flags %s', (_label, cookie, severity) => {
    expect(hits(cookieLoginInsecure, cookie)?.severity).toBe(severity);
  });

  it.each<Case>([
    ['Secure HttpOnly session', { name: 'JSESSIONID' }],
    ['non-login cookie without flags', { name: 'lang', secure: false, httpOnly: false }],
    [
      'login cookie on a plain HTTP page',
      { name: 'JSESSIONID', secure: false, pageUrl: 'http://www.jeejio.com/' },
    ],
  ])('does not flag %s', (_label, cookie) => {
    expect(hits(cookieLoginInsecure, cookie)).toBeNull();
  });
});

describe('cookie-third-party-recipient (§4 lines 60-70)', () => {
  it.each<Case>([
    ['DoubleClick', { name: 'IDE', domain: '.doubleclick.net' }],
    ['Baidu Tongji account', { name: 'HMACCOUNT', domain: '.hm.baidu.com' }],
    ['unknown third party', { name: 'x', domain: 'tracker.example' }],
  ])('flags %s', (_label, cookie) => {
    expect(hits(cookieThirdPartyRecipient, cookie)).not.toBeNull();
  });

  it.each<Case>([
    ['payment provider Alipay (allowed recipient)', { name: 'ALIPAYJSESSIONID', domain: '.alipay.com' }],
    ['another Jeejio host', { name: 'sid', domain: 'open.jeejio.com' }],
    ['first-party analytics cookie', { name: '_ga', domain: '.jeejio.com' }],
  ])('does not flag %s', (_label, cookie) => {
    expect(hits(cookieThirdPartyRecipient, cookie)).toBeNull();
  });
});

describe('findViolations', () => {
  it('reports nothing for a Secure, HttpOnly, first-party session cookie', () => {
    expect(findViolations([cookieObservation({ name: 'SESSIONID' })], policy)).toEqual([]);
  });

  it('merges the ways one cookie was seen into one violation citing each observation', () => {
    const seen = [
      cookieObservation({ id: 'jar', name: 'user_phone', value: '13812345678', action: 'present' }),
      cookieObservation({ id: 'hdr', name: 'user_phone', value: '13812345678', action: 'set-attempt' }),
    ];
    const violations = findViolations(seen, policy);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      rule: 'cookie-sensitive-in-clear',
      clause: { section: '§6', lines: { from: 89, to: 89 } },
      observationIds: ['jar', 'hdr'],
    });
  });

  it('cites the clause each rule enforces and lists high severity first', () => {
    const violations = findViolations(
      [
        cookieObservation({ name: 'IDE', domain: '.doubleclick.net' }),
        cookieObservation({ name: 'token', httpOnly: false }),
      ],
      policy,
    );
    expect(violations.map((v) => [v.rule, v.clause.section])).toEqual([
      ['cookie-third-party-recipient', '§4'],
      ['cookie-undeclared-purpose', '§7'],
      ['cookie-login-insecure', '§6'],
    ]);
  });
});

describe('findViolations across pages', () => {
  it('reports a cookie carried from page to page once, naming every page', () => {
    const violations = findViolations(
      [
        cookieObservation({ visitId: 'home', name: 'user_phone', value: '13812345678' }),
        cookieObservation({
          visitId: 'next',
          pageUrl: 'https://www.jeejio.com/clean',
          name: 'user_phone',
          value: '13812345678',
        }),
      ],
      policy,
    );
    expect(violations).toHaveLength(1);
    expect(violations[0]?.pageUrls).toEqual(['https://www.jeejio.com/', 'https://www.jeejio.com/clean']);
  });
});
