import { describe, expect, it } from 'vitest';
import {
  checkTsaUrl,
  parseTimestampSetting,
  type TimestampSetting,
  tsaAccessPattern,
  turnOnTimestamps,
} from './timestamp-setting';

/** A browser that answers the permission prompt as told, and keeps what is saved. */
function browserThat(grants: boolean) {
  const asked: string[] = [];
  const saved: TimestampSetting[] = [];
  return {
    asked,
    saved,
    requestAccess: async (pattern: string) => {
      asked.push(pattern);
      return grants;
    },
    save: async (setting: TimestampSetting) => {
      saved.push(setting);
    },
  };
}

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
    expect(checkTsaUrl('https://exa%20mple.com/tsr')).toEqual({ problem: 'not-a-url' });
    expect(checkTsaUrl('https://[::1]:3180/tsa')).toMatchObject({ url: expect.any(URL) });
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

  it("turns on only once the browser grants the TSA's host, asked within the click itself", async () => {
    const browser = browserThat(true);
    const attempt = turnOnTimestamps(' http://127.0.0.1:3180/tsa ', browser);
    // Asked before anything is awaited, so the click still counts as the user's gesture.
    expect(browser.asked).toEqual(['http://127.0.0.1/*']);
    if (!('done' in attempt)) throw new Error('refused a good address');
    expect(await attempt.done).toEqual({ on: { tsaUrl: 'http://127.0.0.1:3180/tsa' } });
    expect(browser.saved).toEqual([{ tsaUrl: 'http://127.0.0.1:3180/tsa' }]);
  });

  it('stays off, storing nothing, when the user refuses the permission or the address is unusable', async () => {
    const refusing = browserThat(false);
    const attempt = turnOnTimestamps('https://tsa.example/tsr', refusing);
    if (!('done' in attempt)) throw new Error('refused a good address');
    expect(await attempt.done).toEqual({ refused: true });
    expect(refusing.asked).toEqual(['https://tsa.example/*']);
    expect(refusing.saved).toEqual([]);

    const granting = browserThat(true);
    expect(turnOnTimestamps('ftp://tsa.example/tsr', granting)).toEqual({ problem: 'scheme' });
    expect(granting.asked).toEqual([]);
  });
});
