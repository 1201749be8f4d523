import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Utf8 } from '../../../tests/support/personal-data';
import { decodeBase64Text, formDecode, parseQuery, urlDecode } from './decode';

describe('urlDecode', () => {
  it.each([
    ['alice%40example.com', 'alice@example.com'],
    ['100%', '100%'],
    ['100% sure %E6%89%8B%E6%9C%BA', '100% sure 手机'],
    ['%E4%B8%', '%E4%B8%'],
    ['a+b', 'a+b'],
  ])('%s → %s', (input, output) => {
    expect(urlDecode(input)).toBe(output);
  });
});

describe('formDecode', () => {
  it.each([
    ['call+me', 'call me'],
    ['a%2Bb', 'a+b'],
    ['bob+tag@example.com', 'bob+tag@example.com'],
    ['eyJ+abc/def+ghi=', 'eyJ+abc/def+ghi='],
    ['eyJ+abc/def+ghi%3D', 'eyJ+abc/def+ghi='],
    ['call+me+now+please', 'call me now please'],
  ])('%s → %s', (input, output) => {
    expect(formDecode(input)).toBe(output);
  });
});

describe('parseQuery', () => {
  it.each<[string, Array<[string, string]> | undefined]>([
    [
      'a=1&b=2',
      [
        ['a', '1'],
        ['b', '2'],
      ],
    ],
    [
      'https://x.test/p?q=1&r=%20#s=2',
      [
        ['q', '1'],
        ['r', '%20'],
        ['s', '2'],
      ],
    ],
    ['user%5Bname%5D=bob', [['user[name]', 'bob']]],
    ['flag&a=1', [['a', '1']]],
    ['Hello, a=b is a sentence', undefined],
    ['no equals sign', undefined],
    ['=value', undefined],
  ])('%s', (input, pairs) => {
    expect(parseQuery(input)).toEqual(pairs);
  });
});

describe('decodeBase64Text', () => {
  it.each([
    ['standard with padding', base64Utf8('phone=18612345678'), 'phone=18612345678'],
    ['unicode text', base64Utf8('手机号码 13812345678'), '手机号码 13812345678'],
    [
      'URL-safe without padding',
      base64Utf8('{"a":"??>>"}').replace(/[=]+$/, '').replace(/\//g, '_'),
      '{"a":"??>>"}',
    ],
  ])('decodes %s', (_label, input, text) => {
    expect(decodeBase64Text(input)).toBe(text);
  });

  it.each([
    ['random id', 'AHWqTUm3x9pQk2vZ0eYc8A'],
    ['too short', 'YWJj'],
    ['length 4n+1', 'YWJjZGVmZ'],
    ['not Base64', 'hello world!'],
    ['binary', btoa('\u0000\u0001\u0002abcdef')],
    ['invalid UTF-8', btoa('\u00ff\u00feabcdef')],
  ])('rejects %s', (_label, input) => {
    expect(decodeBase64Text(input)).toBeUndefined();
  });

  it('agrees with a strict UTF-8 decoder on any bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5, maxLength: 48 }), (bytes) => {
        let expected: string | undefined;
        try {
          expected = strict.decode(bytes);
        } catch {
          expected = undefined;
        }
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is rejected
        if (expected !== undefined && /[\u0000-\u0008\u000e-\u001f\u007f]/.test(expected))
          expected = undefined;
        const got = decodeBase64Text(btoa(String.fromCharCode(...bytes)));
        // The decoder drops a leading byte-order mark, as TextDecoder does by default.
        expect(got).toBe(expected?.replace(/^\ufeff/, ''));
      }),
      { numRuns: 2000 },
    );
  });
});
