import { describe, expect, it } from 'vitest';
import { base64Utf8 } from '../../../tests/support/personal-data';
import { findPersonalData, type PersonalDataMatch, prepareCanaries } from './find-personal-data';

// Digests computed independently (Node's crypto module), so the library and the normalisation are both checked.
const HEX = {
  phoneMd5: '4c0115d39ddea1eba5a7cdf8edfc18a9', // md5("13812345678")
  phoneSha1WithCountry: '7c329a4da772a657c7217eaa2b4ac5ab0134009d', // sha1("8613812345678")
  phoneSha256E164: '2ebdcb1bacf1ff0801da3dac97a864a1d35d3b3b7aa75c47bd4b220f9f04c4e2', // sha256("+8613812345678")
  phoneSha256: '38aed9048140b0e437ea81461d9ea4524169f6795004da120bcf7d41894e4d15', // sha256("13812345678")
  emailMd5: 'c160f8cc69a4f0bf2b0362752353d060', // md5("alice@example.com")
  emailSha1: 'fc2398a73dd54d6237c4fdb58fd7d75347cf5af3', // sha1("alice@example.com")
  emailSha256: 'ff8d9819fc0e12bf0d24892e45987e249a28dce836a85cad60e28eaaa8c6d976', // sha256("alice@example.com")
  gmailSha256: '3586de92bb3636d0885a12eff961429a32e4ebd764b96f50d85d016f9338d586', // sha256("johnsmith@gmail.com")
};

const PHONE = '+86 138-1234-5678';
const EMAIL = '  Alice@Example.COM ';
const canaries = prepareCanaries([
  { id: 'c1', label: 'my phone', kind: 'phone', value: PHONE },
  { id: 'c2', label: 'my email', kind: 'email', value: EMAIL },
  { id: 'c3', label: 'my gmail', kind: 'email', value: 'John.Smith@gmail.com' },
]);

const canaryHits = (text: string) =>
  findPersonalData(text, { canaries })
    .filter((m) => m.type === 'canary')
    .map((m) => ({ id: m.canary?.id, form: m.canary?.form, encoding: m.encoding, path: m.path }));

describe('canaries', () => {
  it.each<[string, string, string, PersonalDataMatch['encoding'], string | undefined]>([
    ['phone in clear', 'tel=13812345678', 'c1', 'query', 'tel'],
    ['phone with country code', '{"m":"+8613812345678"}', 'c1', 'json', 'm'],
    ['phone with 86 and no plus', 'x 8613812345678 y', 'c1', 'plain', undefined],
    ['phone with 0086', 'x 008613812345678 y', 'c1', 'plain', undefined],
    ['phone with spaces', 'call 138 1234 5678', 'c1', 'plain', undefined],
    ['email in clear, other case', 'to: ALICE@example.com', 'c2', 'plain', undefined],
    ['email percent-encoded', 'e=alice%40example.com', 'c2', 'query', 'e'],
    ['email in Base64', base64Utf8('{"email":"alice@example.com"}'), 'c2', 'base64', 'email'],
  ])('finds the %s', (_label, text, id, encoding, path) => {
    expect(canaryHits(text)).toEqual([{ id, form: 'plain', encoding, path }]);
  });

  it.each<[string, string, string, 'md5' | 'sha1' | 'sha256']>([
    ['MD5 of the phone', `ud[ph]=${HEX.phoneMd5}`, 'c1', 'md5'],
    ['SHA-1 of 86 + phone', `h=${HEX.phoneSha1WithCountry}`, 'c1', 'sha1'],
    ['SHA-256 of the E.164 phone', `{"ph":"${HEX.phoneSha256E164}"}`, 'c1', 'sha256'],
    ['SHA-256 of the phone', HEX.phoneSha256, 'c1', 'sha256'],
    ['MD5 of the email', `em=${HEX.emailMd5}`, 'c2', 'md5'],
    ['SHA-1 of the email', `x ${HEX.emailSha1} y`, 'c2', 'sha1'],
    ['SHA-256 of the email', `em=${HEX.emailSha256}`, 'c2', 'sha256'],
    ['upper-case SHA-256 of the email', `EM=${HEX.emailSha256.toUpperCase()}`, 'c2', 'sha256'],
    ['SHA-256 of a Gmail address without dots', `em=${HEX.gmailSha256}`, 'c3', 'sha256'],
  ])('finds the %s', (_label, text, id, form) => {
    expect(canaryHits(text).map(({ id, form }) => ({ id, form }))).toEqual([{ id, form }]);
  });

  it('finds a hashed email inside URL-encoded JSON inside a query string', () => {
    const body = `ev=Purchase&ud=${encodeURIComponent(JSON.stringify({ em: [HEX.emailSha256.toUpperCase()] }))}`;
    expect(canaryHits(body)).toEqual([{ id: 'c2', form: 'sha256', encoding: 'query', path: 'ud.em[0]' }]);
    expect(canaryHits(encodeURIComponent(JSON.stringify({ user: { ph: HEX.phoneMd5 } })))).toEqual([
      { id: 'c1', form: 'md5', encoding: 'url-encoded', path: 'user.ph' },
    ]);
  });

  it('reports several forms of the same canary separately', () => {
    expect(canaryHits(`a=${HEX.phoneMd5}&b=${HEX.phoneSha256}&c=13812345678`).map((h) => h.form)).toEqual([
      'md5',
      'sha256',
      'plain',
    ]);
  });

  it('does not match other numbers, hashes or addresses', () => {
    expect(canaryHits('13812345679 913812345678 138123456780')).toEqual([]);
    expect(canaryHits('malice@example.com alice@example.com.cn alice@example.community')).toEqual([]);
    expect(canaryHits(`${HEX.phoneMd5}0 ${HEX.emailSha1.slice(1)}`)).toEqual([]);
  });

  it('never shows the value: masked forms only', () => {
    const found = findPersonalData(`m=13812345678&e=alice@example.com&h=${HEX.emailSha256}`, { canaries });
    const canaryMatches = found.filter((m) => m.type === 'canary');
    expect(canaryMatches.map((m) => m.masked)).toEqual([
      '13*******78',
      'a****@example.com',
      'sha256(a****@example.com)',
    ]);
    for (const m of found) {
      expect(JSON.stringify(m)).not.toContain('13812345678');
      expect(JSON.stringify(m)).not.toContain('alice@');
      expect(JSON.stringify(m)).not.toContain(HEX.emailSha256);
    }
    expect(found.find((m) => m.type === 'canary')?.canary).toEqual({
      id: 'c1',
      label: 'my phone',
      form: 'plain',
    });
  });

  it('keeps the values out of anything enumerable on the prepared canaries', () => {
    const serialised = JSON.stringify(canaries);
    for (const secret of [
      '13812345678',
      '1234',
      'alice',
      'example',
      'smith',
      HEX.emailSha256,
      HEX.phoneMd5,
    ]) {
      expect(serialised.toLowerCase()).not.toContain(secret);
    }
    expect(JSON.parse(serialised)).toEqual({
      canaries: [
        { id: 'c1', label: 'my phone', kind: 'phone' },
        { id: 'c2', label: 'my email', kind: 'email' },
        { id: 'c3', label: 'my gmail', kind: 'email' },
      ],
    });
    expect(Object.isFrozen(canaries)).toBe(true);
    expect(structuredClone(canaries)).toEqual(JSON.parse(serialised));
  });

  it('skips unusable canaries and finds nothing without them', () => {
    const prepared = prepareCanaries([
      { id: 'x', label: 'empty', kind: 'phone', value: ' ' },
      { id: 'y', label: 'no at', kind: 'email', value: 'alice' },
    ]);
    expect(prepared.canaries).toEqual([]);
    expect(findPersonalData('13812345678 alice', { canaries: prepared }).map((m) => m.type)).toEqual([
      'phone-number',
    ]);
    expect(findPersonalData(HEX.phoneMd5).map((m) => m.type)).toEqual([]);
  });

  it('is left out when the types leave it out, and finds canaries alone when asked', () => {
    expect(
      findPersonalData('tel=13812345678', { canaries, types: ['phone-number'] }).map((m) => m.type),
    ).toEqual(['phone-number']);
    expect(findPersonalData('tel=13812345678', { canaries, types: ['canary'] }).map((m) => m.type)).toEqual([
      'canary',
    ]);
  });

  it('matches a non-Chinese phone number as written', () => {
    const prepared = prepareCanaries([
      { id: 'uk', label: 'UK phone', kind: 'phone', value: '+44 20 7946 0958' },
    ]);
    expect(findPersonalData('p=442079460958', { canaries: prepared }).map((m) => m.masked)).toEqual([
      '442******958',
    ]);
    expect(findPersonalData('p=4420794609580', { canaries: prepared })).toEqual([]);
  });
});
