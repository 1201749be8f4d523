import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSensitiveData, hasValidIdChecksum } from './find-sensitive-data';

// 11010519491231002X is the standard's published sample number.
const VALID_ID = '11010519491231002X';

describe('findSensitiveData', () => {
  it.each([
    ['plain phone', 'user_phone', '13812345678', 'phone-number'],
    ['phone with country code', 'p', '+8613812345678', 'phone-number'],
    ['phone inside JSON', 'u', '{"mobile":"15900001111","n":1}', 'phone-number'],
    ['url-encoded JSON phone', 'u', encodeURIComponent('{"tel":"13700001111"}'), 'phone-number'],
    ['base64 phone', 'u', btoa('phone=18612345678'), 'phone-number'],
    ['ID card number', 'idno', VALID_ID, 'id-number'],
    ['password field in value', 'login', 'user=bob&password=hunter2', 'password'],
    ['password cookie name', 'user_pwd', 's3cret', 'password'],
    ['email', 'contact', 'alice%40example.com', 'email'],
  ])('finds %s', (_label, name, value, type) => {
    expect(findSensitiveData(name, value).map((m) => m.type)).toContain(type);
  });

  it.each([
    ['session id', 'JSESSIONID', '4f9c2a7e1b3d5f6a8c0e2b4d6f8a0c1e'],
    ['millisecond timestamp', 'ts', '1700000000123'],
    ['GA client id', '_ga', 'GA1.1.123456789.1700000000'],
    ['Baidu visit times', 'Hm_lvt_0123456789abcdef', '1700000000,1700003600'],
    ['longer digit run containing a phone-like part', 'id', '913812345678'],
    ['18 digits with a wrong check digit', 'n', '110105194912310021'],
    ['random base64 id', 'IDE', 'AHWqTUm3x9pQk2vZ0eYc8A'],
    ['empty password cookie', 'password', ''],
  ])('ignores %s', (_label, name, value) => {
    expect(findSensitiveData(name, value)).toEqual([]);
  });

  it('masks what it reports', () => {
    const [match] = findSensitiveData('user_phone', '13812345678');
    expect(match?.masked).toBe('13*******78');
    expect(match?.masked).not.toContain('12345');
  });

  it('bounds its work on huge and arbitrary values', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20_000 }), fc.string(), (value, name) => {
        const started = performance.now();
        const result = findSensitiveData(name, value);
        expect(Array.isArray(result)).toBe(true);
        expect(performance.now() - started).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });
});

describe('hasValidIdChecksum', () => {
  it('accepts the sample number and rejects a changed digit', () => {
    expect(hasValidIdChecksum(VALID_ID)).toBe(true);
    expect(hasValidIdChecksum('11010519491231003X')).toBe(false);
  });
});
