import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Utf8, idNumber, withLuhn } from '../../../tests/support/personal-data';
import { findPersonalData, type PersonalDataType, prepareCanaries } from './find-personal-data';

const canaries = prepareCanaries([
  { id: 'p', label: 'phone', kind: 'phone', value: '13812345678' },
  { id: 'e', label: 'email', kind: 'email', value: 'alice@example.com' },
]);

const neverThrows = (text: string) => {
  const started = performance.now();
  const found = findPersonalData(text, { name: 'pwd', canaries });
  expect(Array.isArray(found)).toBe(true);
  expect(performance.now() - started).toBeLessThan(1000);
};

describe('findPersonalData on arbitrary input', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.string({ unit: fc.constantFrom(...'{}[]":,=&%?#@.+/-_0123456789aAzZ '), maxLength: 400 }),
          fc.json({ maxDepth: 6 }),
          fc.json({ maxDepth: 4 }).map((j) => encodeURIComponent(j)),
          fc.json({ maxDepth: 4 }).map((j) => base64Utf8(j)),
        ),
        neverThrows,
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on huge values', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', minLength: 20_000, maxLength: 40_000 }), neverThrows), {
      numRuns: 10,
    });
  });

  it.each([
    ['open brackets', '['.repeat(100_000)],
    ['open objects', '{"a":'.repeat(50_000)],
    ['balanced deep JSON', `${'['.repeat(8000)}${']'.repeat(8000)}`],
    ['deep objects holding a phone', `${'{"a":'.repeat(2000)}"13812345678"${'}'.repeat(2000)}`],
    ['wide JSON', JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ i, tel: '13812345678' })))],
    ['percent signs', '%'.repeat(100_000)],
    ['nested percent escapes', `${'%25'.repeat(30_000)}41`],
    ['broken escapes', '%E4%B8%'.repeat(10_000)],
    [
      'Base64 of Base64 of …',
      Array.from({ length: 12 }).reduce<string>((s) => base64Utf8(s), '{"tel":"13812345678"}'),
    ],
    [
      'URL-encoding of URL-encoding of …',
      Array.from({ length: 12 }).reduce<string>((s) => encodeURIComponent(s), 'a=1'),
    ],
    ['at signs', 'a@'.repeat(50_000)],
    ['dotted numbers', '1.'.repeat(50_000)],
    ['colons and hex', 'a:'.repeat(50_000)],
    ['digits', '7'.repeat(100_000)],
    ['digit groups', '4111 '.repeat(20_000)],
    ['password fields', 'password='.repeat(10_000)],
    ['password fields with spaces', `password${' '.repeat(20_000)}`],
    ['many parameters', Array.from({ length: 5000 }, (_, i) => `k${i}=13812345678`).join('&')],
    ['lone surrogates', '\ud800\udc00\ud800'.repeat(10_000)],
    ['whitespace', ' '.repeat(100_000)],
    ['coordinate lists', '31.230416,'.repeat(10_000)],
    ['JWT-like', `eyJ${'a'.repeat(20_000)}.eyJ${'b'.repeat(20_000)}.x`],
  ])('never throws on %s', (_label, text) => {
    neverThrows(text);
  });

  it('bounds the number of matches', () => {
    const many = Array.from(
      { length: 500 },
      (_, i) => `k${i}=1${3 + (i % 7)}${String(10_000_000 + i).padStart(9, '0')}`,
    );
    expect(findPersonalData(many.join('&')).length).toBeLessThanOrEqual(64);
  });
});

// ---------------------------------------------------------------- generated personal data

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

const phone = fc
  .tuple(fc.constantFrom(...'3456789'), digits(9), fc.constantFrom('', ' ', '-'))
  .map(
    ([second, rest, sep]) => `1${second}${rest.slice(0, 1)}${sep}${rest.slice(1, 5)}${sep}${rest.slice(5)}`,
  );

const email = fc
  .tuple(
    fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
      minLength: 1,
      maxLength: 12,
    }),
    fc.constantFrom('', '.x', '_y', '+tag'),
    fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 2, maxLength: 10 }),
    fc.constantFrom('com', 'cn', 'com.cn', 'net', 'org', 'io'),
  )
  .map(([local, suffix, domain, tld]) => `${local}${suffix}@${domain}.${tld}`);

const PROVINCES = ['11', '12', '31', '32', '33', '44', '50', '51', '62', '65', '81'];
const idCard = fc
  .record({
    province: fc.constantFrom(...PROVINCES),
    area: digits(4),
    year: fc.integer({ min: 1930, max: 2020 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    sequence: digits(3),
  })
  .map(({ province, area, year, month, day, sequence }) =>
    idNumber(
      `${province}${area}`,
      `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`,
      sequence,
    ),
  );

const CARD_PREFIXES: Array<[string, number[]]> = [
  ['62', [16, 17, 18, 19]],
  ['4', [13, 16, 19]],
  ['51', [16]],
  ['55', [16]],
  ['2221', [16]],
  ['2720', [16]],
  ['34', [15]],
  ['37', [15]],
  ['3528', [16, 19]],
];
const bankCard = fc
  .constantFrom(...CARD_PREFIXES)
  .chain(([prefix, lengths]) =>
    fc
      .constantFrom(...lengths)
      .chain((length) => digits(length - prefix.length - 1).map((d) => withLuhn(`${prefix}${d}`))),
  )
  .filter((card) => !(card.length === 18 && /^(?:62)/.test(card)));

/**
 * Readable filler without digits, '@', '=' or '%', so that the text holds the
 * generated value and nothing else a detector or decoder could take: then the
 * findings must be exactly the same in every form.
 */
const filler = fc.string({
  unit: fc.constantFrom(...'abcxyzABC中文数据éü!?;()[]{}<>:\'"/\\_~ ', '，', '。'),
  maxLength: 24,
});

const FORMS: Array<[string, (text: string) => string]> = [
  ['plain', (t) => t],
  ['URL-encoded JSON', (t) => encodeURIComponent(JSON.stringify({ x: t }))],
  ['Base64', (t) => base64Utf8(t)],
  ['query string', (t) => `a=1&q=${encodeURIComponent(t)}&b=2`],
  ['Base64 JSON in a query string', (t) => `d=${encodeURIComponent(base64Utf8(JSON.stringify({ x: [t] })))}`],
];

describe('findPersonalData agrees on encoded and plain forms', () => {
  const generated: Array<[PersonalDataType, fc.Arbitrary<string>]> = [
    ['phone-number', phone],
    ['email', email],
    ['id-number', idCard],
    ['bank-card', bankCard],
  ];
  it.each(generated)('finds the same %s in every form', (type, value) => {
    fc.assert(
      fc.property(value, filler, filler, (v, before, after) => {
        const text = `${before} ${v} ${after}`;
        const maskedIn = (form: string) =>
          findPersonalData(form)
            .filter((m) => m.type === type)
            .map((m) => m.masked);
        const plain = maskedIn(text);
        expect(plain).toHaveLength(1);
        for (const m of plain) expect(m).not.toContain(v.replace(/[- ]/g, ''));
        for (const [, encode] of FORMS) expect(maskedIn(encode(text))).toEqual(plain);
      }),
      { numRuns: 150 },
    );
  });

  it.each(generated)('finds the %s in every form of any printable text around it', (type, value) => {
    const anyText = fc.string({ unit: 'grapheme-ascii', maxLength: 40 });
    fc.assert(
      fc.property(value, anyText, anyText, (v, before, after) => {
        const [expected] = findPersonalData(v).filter((m) => m.type === type);
        expect(expected).toBeDefined();
        const text = `${before} | ${v} | ${after}`;
        for (const [, encode] of FORMS) {
          expect(findPersonalData(encode(text)).map((m) => m.masked)).toContain(expected?.masked);
        }
      }),
      { numRuns: 150 },
    );
  });
});
