import { describe, expect, it } from 'vitest';
import { partyOf, registrableDomain } from './party';

describe('registrableDomain', () => {
  it.each([
    ['www.jeejio.com', 'jeejio.com'],
    ['.jeejio.com', 'jeejio.com'],
    ['..jeejio.com', 'jeejio.com'],
    ['JEEJIO.COM', 'jeejio.com'],
    ['jeejio.com.', 'jeejio.com'],
    ['https://open.jeejio.com/docs?x=1', 'jeejio.com'],
    ['https://user:pw@iot.jeejio.com:8443/', 'jeejio.com'],
    ['a.example.co.uk', 'example.co.uk'],
    ['.doubleclick.net', 'doubleclick.net'],
    ['hm.baidu.com', 'baidu.com'],
    ['a.github.io', 'a.github.io'],
    ['127.0.0.1', '127.0.0.1'],
    ['http://192.168.1.10:8080/x', '192.168.1.10'],
    ['http://[::1]/', '::1'],
    ['localhost', 'localhost'],
    ['http://localhost:3000/', 'localhost'],
    ['app.localhost', 'localhost'],
  ])('%s → %s', (input, expected) => {
    expect(registrableDomain(input)).toBe(expected);
  });

  it.each([[''], ['   '], ['.'], ['co.uk'], ['com']])('%j has no registrable domain', (input) => {
    expect(registrableDomain(input)).toBeNull();
  });
});

describe('partyOf', () => {
  it.each([
    ['www.jeejio.com', 'https://open.jeejio.com/', 'first-party'],
    ['.jeejio.com', 'https://www.jeejio.com/index.html', 'first-party'],
    ['open.jeejio.com', 'https://www.jeejio.com/', 'first-party'],
    ['.doubleclick.net', 'https://www.jeejio.com/', 'third-party'],
    ['hm.baidu.com', 'https://www.jeejio.com/', 'third-party'],
    ['jeejio.com.evil.com', 'https://www.jeejio.com/', 'third-party'],
    ['notjeejio.com', 'https://www.jeejio.com/', 'third-party'],
    ['a.example.co.uk', 'https://b.example.co.uk/', 'first-party'],
    ['example.co.uk', 'https://other.co.uk/', 'third-party'],
    ['a.github.io', 'https://b.github.io/', 'third-party'],
    ['127.0.0.1', 'http://127.0.0.1:8080/', 'first-party'],
    ['localhost', 'http://localhost:3000/', 'first-party'],
    ['www.jeejio.com', 'not a url', 'third-party'],
    ['', 'https://www.jeejio.com/', 'third-party'],
    ['co.uk', 'https://co.uk/', 'third-party'],
  ] as const)('%s on %s is %s', (host, pageUrl, expected) => {
    expect(partyOf(host, pageUrl)).toBe(expected);
  });
});
