import { describe, expect, it } from 'vitest';
import { canonicalJson, toJsonValue } from './canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('writes the RFC’s own example as the RFC does', () => {
    // RFC 8785, section 3.2.2: numbers in shortest form, minimal string escapes, sorted members.
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts members by UTF-16 code units, as the RFC’s sorting example does', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('is the same text whatever order the members were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, 2] }, b: 1 }),
    );
    expect(canonicalJson({ a: 1, skipped: undefined })).toBe('{"a":1}');
    expect(canonicalJson(-0)).toBe('0');
  });

  it('refuses what JSON cannot carry exactly', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow();
    expect(() => canonicalJson({ s: 'cut \ud83d' })).toThrow();
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});

describe('toJsonValue', () => {
  it('gives what a JSON file would hold, with lone surrogates replaced', () => {
    const value = toJsonValue({ s: 'cut \ud83d', n: Number.NaN, gone: undefined, ok: '😀' });
    expect(value).toEqual({ s: 'cut \ufffd', n: null, ok: '😀' });
    expect(() => canonicalJson(value)).not.toThrow();
  });
});
