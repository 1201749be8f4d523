import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  identifierLikelihood,
  identifiersSharedWithThirdParties,
  isLongLived,
  lifetimeDays,
  shannonEntropy,
} from './identifier-heuristics';

describe('identifierLikelihood', () => {
  it.each([
    ['d1f0a3c2-77b1-4bd0-9a61-0f3c0b7a8e21', 'a UUID'],
    ['GA1.1.123456789.1700000000', 'a Google Analytics client id'],
    ['a8F3kLq92ZxPw7Rt', 'a random token'],
    ['5f2b9c1e8d7a4b3c', 'a hex id'],
    ['123456789', 'a nine-digit random number'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig-Abc_123', 'a JWT'],
    ['aXkPqZmWnLbVcRtY', 'letters in a random mix of cases'],
    ['0.8472931046392', 'a random fraction'],
  ])('%s is likely an identifier (%s)', (value) => {
    const result = identifierLikelihood(value);
    expect(result.likely).toBe(true);
    expect(result.reason).toContain('looks random');
  });

  it.each([
    ['', 'fewer than 8'],
    ['abc1234', 'fewer than 8'],
    ['1700000000', 'timestamp'],
    ['1700000000123', 'timestamp'],
    ['20231125', 'date'],
    ['2023-11-25T10:20:30Z', 'date'],
    ['12345678', 'small number'],
    ['undefined', 'boolean'],
    ['zh-Hans-CN', 'language code'],
    ['en_US', 'fewer than 8'],
    ['1.2.3.4567', 'version'],
    ['https://www.jeejio.com/a', 'URL'],
    ['https%3A%2F%2Fwww.jeejio.com', 'URL'],
    ['//cdn.example/x.js', 'URL'],
    ['{"distinct_id":"abc123def456"}', 'JSON'],
    ['%7B%22a%22%3A1%7D', 'JSON'],
    ['hello world again', 'spaces'],
    ['dark_theme_enabled', 'words'],
    ['SIDEBAR-COLLAPSED', 'words'],
    ['Accepted', 'words'],
    ['a1a1a1a1a1a1a1a1a1a1', 'repetitive'],
    ['111122221111', 'repetitive'],
    ['darkTheme', 'repetitive'],
    ['100000000', 'repetitive'],
  ])('%j is not an identifier (%s)', (value, why) => {
    const result = identifierLikelihood(value);
    expect(result.likely).toBe(false);
    expect(result.reason).toContain(why);
  });

  it('never throws and stays fast on any text, however long', () => {
    const huge = fc
      .tuple(
        fc.constantFrom('a', 'A_', 'é', '𝌆', '0', '-a', '%7B', ' '),
        fc.integer({ min: 1, max: 200_000 }),
      )
      .map(([piece, times]) => piece.repeat(times));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 2000 }), huge), (value) => {
        const started = performance.now();
        const result = identifierLikelihood(value);
        expect(typeof result.likely).toBe('boolean');
        expect(result.reason.length).toBeLessThan(200);
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 300 },
    );
  });
});

describe('shannonEntropy', () => {
  it.each([
    ['', 0],
    ['aaaa', 0],
    ['ab', 1],
    ['abcd', 2],
  ])('%j has %d bits per character', (value, bits) => {
    expect(shannonEntropy(value)).toBeCloseTo(bits, 10);
  });
});

describe('isLongLived', () => {
  const seen = Date.UTC(2024, 0, 1);
  const day = 86_400;
  it.each<[expires: number | undefined, expected: boolean]>([
    [seen / 1000 + 366 * day, true],
    [seen / 1000 + 400 * day, true],
    [seen / 1000 + 365 * day, false],
    [seen / 1000 + 30 * day, false],
    [seen / 1000 - day, false],
    [undefined, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('expiry %s is long-lived: %s', (expires, expected) => {
    expect(isLongLived(expires, seen)).toBe(expected);
  });

  it('is false when the observation time is unusable', () => {
    expect(isLongLived(seen / 1000 + 1000 * day, Number.NaN)).toBe(false);
  });

  it('counts whole days', () => {
    expect(lifetimeDays(seen / 1000 + 400 * day + 5, seen)).toBe(400);
    expect(lifetimeDays(undefined, seen)).toBeUndefined();
  });
});

describe('identifiersSharedWithThirdParties', () => {
  const cookies = [
    { id: 'ga', value: 'GA1.1.123456789.1700000000' },
    { id: 'uid', value: 'd1f0a3c2-77b1-4bd0-9a61-0f3c0b7a8e21' },
    { id: 'enc', value: 'a8F3kLq9/Zx+Pw7Rt==' },
    { id: 'lang', value: 'zh-CN' },
    { id: 'time', value: '1700000000' },
    { id: 'words', value: 'dark_theme_enabled' },
  ];

  it.each<[name: string, request: { id: string; url: string; body?: string }, expected: string[]]>([
    [
      'the whole value in the URL',
      { id: 'r', url: 'https://t.example/p?u=d1f0a3c2-77b1-4bd0-9a61-0f3c0b7a8e21' },
      ['uid'],
    ],
    ['a GA client id tail', { id: 'r', url: 'https://t.example/collect?cid=123456789.1700000000' }, ['ga']],
    [
      'the value in the body',
      { id: 'r', url: 'https://t.example/e', body: 'uid=d1f0a3c2-77b1-4bd0-9a61-0f3c0b7a8e21' },
      ['uid'],
    ],
    ['the value URL-encoded', { id: 'r', url: 'https://t.example/?x=a8F3kLq9%2FZx%2BPw7Rt%3D%3D' }, ['enc']],
    [
      'the value URL-encoded in lower case',
      { id: 'r', url: 'https://t.example/?x=a8F3kLq9%2fZx%2bPw7Rt%3d%3d' },
      ['enc'],
    ],
    ['nothing of the cookies', { id: 'r', url: 'https://t.example/?x=1' }, []],
    ['a language code only', { id: 'r', url: 'https://t.example/?l=zh-CN' }, []],
    ['a timestamp only', { id: 'r', url: 'https://t.example/?t=1700000000' }, []],
    ['words only', { id: 'r', url: 'https://t.example/?t=dark_theme_enabled' }, []],
  ])('finds %s', (_, request, expected) => {
    const shared = identifiersSharedWithThirdParties(cookies, [request]);
    expect([...shared.keys()].sort()).toEqual(expected);
    for (const id of expected) expect(shared.get(id)).toEqual(['r']);
  });

  it('lists every request that carries a value, once each', () => {
    const shared = identifiersSharedWithThirdParties(
      [{ id: 'c', value: 'a8F3kLq92ZxPw7Rt' }],
      [
        { id: 'r1', url: 'https://a.example/?id=a8F3kLq92ZxPw7Rt&again=a8F3kLq92ZxPw7Rt' },
        { id: 'r2', url: 'https://b.example/', body: '{"id":"a8F3kLq92ZxPw7Rt"}' },
        { id: 'r3', url: 'https://c.example/' },
        { id: 'r1', url: 'https://a.example/?id=a8F3kLq92ZxPw7Rt' },
      ],
    );
    expect(shared.get('c')).toEqual(['r1', 'r2']);
  });

  it('maps cookies with the same value to the same requests', () => {
    const shared = identifiersSharedWithThirdParties(
      [
        { id: 'c1', value: 'a8F3kLq92ZxPw7Rt' },
        { id: 'c2', value: 'a8F3kLq92ZxPw7Rt' },
      ],
      [{ id: 'r', url: 'https://a.example/?id=a8F3kLq92ZxPw7Rt' }],
    );
    expect(shared).toEqual(
      new Map([
        ['c1', ['r']],
        ['c2', ['r']],
      ]),
    );
  });

  it('survives malformed escapes in requests and cookies', () => {
    const shared = identifiersSharedWithThirdParties(
      [{ id: 'c', value: 'a8F3kLq9%E0%A4%A' }],
      [{ id: 'r', url: 'https://a.example/?id=a8F3kLq9%E0%A4%A&bad=%' }],
    );
    expect(shared.get('c')).toEqual(['r']);
  });

  it('never throws on arbitrary values and requests', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.string(), value: fc.string({ unit: 'grapheme', maxLength: 600 }) }), {
          maxLength: 20,
        }),
        fc.array(
          fc.record({ id: fc.string(), url: fc.string(), body: fc.option(fc.string(), { nil: undefined }) }),
          {
            maxLength: 20,
          },
        ),
        (values, requests) => {
          const shared = identifiersSharedWithThirdParties(
            values,
            requests.map(({ id, url, body }) => (body === undefined ? { id, url } : { id, url, body })),
          );
          for (const ids of shared.values()) expect(ids.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
