import { describe, expect, it } from 'vitest';
import { knownSdkProbe, SDK_PROBE_NAMES } from './sdk-probe-names';

describe('SDK_PROBE_NAMES', () => {
  it.each(SDK_PROBE_NAMES.map((entry) => [JSON.stringify(entry.match), entry] as const))(
    '%s has an https source and, if any, an anchored test value',
    (_, entry) => {
      expect(new URL(entry.source).protocol).toBe('https:');
      if (entry.testValue !== undefined) {
        expect(entry.testValue.startsWith('^') && entry.testValue.endsWith('$')).toBe(true);
        expect(new RegExp(entry.testValue).test('')).toBe(false);
      }
    },
  );

  it('names each probe once', () => {
    const names = SDK_PROBE_NAMES.map((e) => JSON.stringify(e.match));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

describe('knownSdkProbe', () => {
  it('knows a probe by name, kind and test value', () => {
    expect(knownSdkProbe('cookie', 'sensorsdata_domain_test', 'true')?.vendor).toBe('Sensors Data');
    expect(knownSdkProbe('storage', '__storage_test__', '__storage_test__')).toBeDefined();
    expect(knownSdkProbe('storage', 'AMP_TEST', '1700000000000')?.vendor).toBe('Amplitude');
    expect(knownSdkProbe('cookie', 'amplitude_cookie_testk8Hd0w', 'x')?.vendor).toBe('Amplitude');
    // PostHog looks for the parent domain that takes a cookie, from "com" down (seen on the real SDK).
    expect(knownSdkProbe('cookie', 'dmn_chk_01a24cf1-f362-78c5-abfe-64b111dc0a87', '1')?.vendor).toBe(
      'PostHog',
    );
  });

  it('rejects the wrong kind, another value or a name that only looks alike', () => {
    expect(knownSdkProbe('storage', 'gioCookie', 'yes')).toBeUndefined();
    expect(knownSdkProbe('cookie', 'sensorsdata_domain_test', 'false')).toBeUndefined();
    expect(knownSdkProbe('cookie', 'my_cookie_support_test', '1')).toBeUndefined();
  });
});
