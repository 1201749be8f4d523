import { describe, expect, it } from 'vitest';
import { checkTsaUrl, parseTimestampSetting, tsaAccessPattern } from './timestamp-setting';

describe('the trusted-timestamps setting', () => {
  it('takes the http or https URL of a TSA, trimmed', () => {
    const checked = checkTsaUrl('  https://freetsa.org/tsr ');
    expect('url' in checked && checked.url.href).toBe('https://freetsa.org/tsr');
    const local = checkTsaUrl('http://127.0.0.1:3180/tsa');
    expect('url' in local && local.url.href).toBe('http://127.0.0.1:3180/tsa');
  });

  it('says why a typed address is no TSA the extension can reach', () => {
    expect(checkTsaUrl('   ')).toEqual({ problem: 'empty' });
    expect(checkTsaUrl('freetsa.org/tsr')).toEqual({ problem: 'not-a-url' });
    expect(checkTsaUrl('ftp://freetsa.org/tsr')).toEqual({ problem: 'scheme' });
    expect(checkTsaUrl('javascript:alert(1)')).toEqual({ problem: 'scheme' });
    expect(checkTsaUrl('https://me:secret@tsa.example/')).toEqual({ problem: 'credentials' });
    expect(checkTsaUrl(`https://tsa.example/${'a'.repeat(2100)}`)).toEqual({ problem: 'too-long' });
  });

  it('reads the stored setting, and anything unreadable as off', () => {
    expect(parseTimestampSetting({ tsaUrl: 'http://127.0.0.1:3180/tsa' })).toEqual({
      tsaUrl: 'http://127.0.0.1:3180/tsa',
    });
    expect(parseTimestampSetting(undefined)).toBeNull();
    expect(parseTimestampSetting({ tsaUrl: 'ftp://tsa.example/' })).toBeNull();
    expect(parseTimestampSetting({ tsaUrl: 'https://tsa.example/', extra: true })).toBeNull();
  });

  it("asks for the TSA's scheme and host only, without the port Firefox's patterns cannot hold", () => {
    expect(tsaAccessPattern(new URL('https://freetsa.org/tsr'))).toBe('https://freetsa.org/*');
    expect(tsaAccessPattern(new URL('http://127.0.0.1:3180/tsa?x=1'))).toBe('http://127.0.0.1/*');
    expect(tsaAccessPattern(new URL('http://[::1]:8080/'))).toBe('http://[::1]/*');
  });
});
