import { describe, expect, it } from 'vitest';
import { base64Utf8, idNumber, withLuhn } from '../../../tests/support/personal-data';
import {
  findPersonalData,
  isSensitive,
  PERSONAL_DATA_TYPES,
  type PersonalDataMatch,
  type PersonalDataType,
} from './find-personal-data';

// 11010519491231002X is the standard's published sample number.
const ID = '11010519491231002X';
const ID_SHENZHEN = idNumber('440305', '19900307', '123');
const UNIONPAY_19 = withLuhn('622202123456789012');
const UNIONPAY_16 = withLuhn('621700123456789');

const typesIn = (text: string, name?: string): PersonalDataType[] =>
  findPersonalData(text, name === undefined ? {} : { name }).map((m) => m.type);

type Case = [label: string, text: string, name?: string];

const POSITIVE: Record<Exclude<PersonalDataType, 'canary'>, Case[]> = {
  'phone-number': [
    ['bare mobile number', '13812345678'],
    ['with +86 and spaces', '+86 138 1234 5678'],
    ['with 0086 and dashes', '0086-138-1234-5678'],
    ['after a word', 'tel13812345678'],
    ['in a sentence', '联系电话：19912345678，谢谢'],
    ['JSON number', '{"mobile":15900001111}'],
    ['query parameter', 'uid=7&phone=17712345678'],
  ],
  'id-number': [
    ['published sample', ID],
    ['lower-case x', ID.toLowerCase()],
    ['generated Shenzhen number', ID_SHENZHEN],
    ['in JSON', `{"idCard":"${ID_SHENZHEN}"}`],
    ['after a label', `身份证号:${ID}`],
    ['Gansu number that also passes Luhn', '620102199001011057'],
  ],
  email: [
    ['plain', 'alice@example.com'],
    ['subaddress and subdomain', 'Bob.Smith+tag@mail.example.co.uk'],
    ['mailto', 'mailto:a@b.cn'],
    ['percent-encoded @', 'alice%40example.com'],
    ['quoted in JSON', '{"contact":"user@jeejio.com"}'],
  ],
  password: [
    ['password-named cookie', 's3cret', 'user_pwd'],
    ['camelCase name', 'hunter2', 'loginPassword'],
    ['pinyin name', 'hunter2', 'user_mima'],
    ['form body', 'user=bob&password=hunter2'],
    ['JSON field', '{"user":"bob","pwd":"abc123"}'],
    ['Chinese JSON key', '{"密码":"abc123"}'],
    ['free text field', 'login passwd: hunter2'],
    ['numeric JSON value', '{"password":123456}'],
  ],
  'bank-card': [
    ['Visa test number', '4111111111111111'],
    ['Visa in groups of four', '4111 1111 1111 1111'],
    ['Visa with dashes', '4111-1111-1111-1111'],
    ['13-digit Visa', '4222222222222'],
    ['Mastercard 5x', '5555555555554444'],
    ['Mastercard 2-series', '2223003122003222'],
    ['American Express 4-6-5', '3782 822463 10005'],
    ['JCB', '3530111333300000'],
    ['UnionPay 16 digits', UNIONPAY_16],
    ['UnionPay 19 digits in 4-4-4-4-3', UNIONPAY_19.replace(/(\d{4})(?=\d)/g, '$1 ')],
    ['query parameter', `card_no=${UNIONPAY_19}&amt=100`],
  ],
  'ip-address': [
    ['plain IPv4', '203.0.113.7'],
    ['query IPv4', 'ip=114.114.114.114&t=1'],
    ['private IPv4 in JSON', '{"clientIp":"192.168.1.23"}'],
    ['compressed IPv6', 'client 2408:8207:1234:5678::1 x'],
    ['full IPv6', '2001:0db8:85a3:0000:0000:8a2e:0370:7334'],
  ],
  coordinates: [
    ['lat,lng pair', '31.230416,121.473701'],
    ['lng,lat pair (Amap order)', '121.473701,31.230416'],
    ['southern hemisphere', '-33.868820,151.209296'],
    ['western hemisphere', '40.712776,-74.005974'],
    ['encoded comma', 'loc=31.230416%2C121.473701'],
    ['JSON latitude/longitude strings', '{"latitude":"39.9042","longitude":"116.4074"}'],
    ['query lat/lng', 'lat=31.230416&lng=121.473701'],
    ['camelCase keys in nested JSON', '{"pos":{"userLat":31.2304,"userLng":121.4737}}'],
  ],
};

const NEGATIVE: Record<Exclude<PersonalDataType, 'canary'>, Case[]> = {
  'phone-number': [
    ['invalid 12 prefix', '12812345678'],
    ['12-digit run', '913812345678'],
    ['10 digits', '1381234567'],
    ['inside a hex hash', '4f9c13812345678e2b4d6f8a0c1e'],
    ['millisecond timestamp', '1700000000123'],
    ['GA client id', 'GA1.1.123456789.1700000000'],
  ],
  'id-number': [
    ['wrong check digit', '110105194912310021'],
    ['unknown province', idNumber('990105', '19491231', '002')],
    ['30 February', idNumber('110105', '19900230', '002')],
    ['inside letters', `a${ID}b`],
    ['born in the 1800s', idNumber('110105', '18991231', '002')],
    ['19-digit run', `${ID.slice(0, 17)}11`],
  ],
  email: [
    ['retina image name', 'icon@2x.png'],
    ['no top-level domain', 'foo@bar'],
    ['no local part', '@example.com'],
    ['package version', 'lodash@4.17.21'],
    ['one-letter TLD', 'a@b.c'],
  ],
  password: [
    ['empty password cookie', '', 'password'],
    ['password setting', 'weak', 'pwd_strength'],
    ['boolean flag', 'password=true'],
    ['already masked', '{"password":"******"}'],
    ['passport is not a password', 'E12345678', 'passport'],
    ['bypass', 'bypass=1&x=2'],
    ['remember flag', '1', 'remember_pwd'],
  ],
  'bank-card': [
    ['Luhn failure', '4111111111111112'],
    ['millisecond timestamp', '1700000000123'],
    ['microsecond timestamp', '1700000000123456'],
    ['unknown prefix', withLuhn('900000000000000')],
    ['Visa prefix, 15 digits', withLuhn('41111111111111')],
    ['inside a hex id', `ab${withLuhn('353011133330000')}cd`],
    ['decimal fraction', `0.${withLuhn('411111111111111')}`],
    ['part of a longer number', `1${withLuhn('411111111111111')}`],
    ['ID number that passes Luhn (62 is also UnionPay)', '620102199001011057'],
    ['value of an id field', 'cid=4532015112830366&orderId=4111111111111111'],
  ],
  'ip-address': [
    ['version with v', 'v10.20.30.40'],
    ['version key', 'version=10.20.30.40'],
    ['version JSON key', '{"appVersion":"10.2.33.41"}'],
    ['reduced user agent', 'Mozilla/5.0 Chrome/120.0.0.0 Safari/537.36'],
    ['four single digits', 'sdk 1.2.3.4 ok'],
    ['loopback', '127.0.0.1'],
    ['octet above 255', '256.10.10.10'],
    ['OID', '1.3.6.1.4.1.311'],
    ['network address', '192.168.1.0'],
    ['C++ scope', 'std::vector a::b'],
    ['time', '12:30:45'],
    ['MAC address', 'aa:bb:cc:dd:ee:ff'],
    ['link-local IPv6', 'fe80::1'],
  ],
  coordinates: [
    ['probabilities', '[0.1234,0.5678]'],
    ['two decimals', '31.23,121.47'],
    ['out of range', '91.230416,181.473701'],
    ['bezier curve', 'cubic-bezier(0.4000, 0.0000, 0.2000, 1.0000)'],
    ['list of numbers', '1.5123,2.2513,3.1251'],
    ['latitude alone', 'lat=31.230416'],
    ['imprecise keyed pair', '{"lat":31.23,"lng":121.47}'],
    ['trailing zeros only', '31.0000,121.0000'],
  ],
};

describe('findPersonalData detectors', () => {
  for (const [type, cases] of Object.entries(POSITIVE)) {
    it.each(cases)(`finds ${type}: %s`, (_label, text, name) => {
      expect(typesIn(text, name)).toContain(type);
    });
  }
  for (const [type, cases] of Object.entries(NEGATIVE)) {
    it.each(cases)(`no ${type}: %s`, (_label, text, name) => {
      expect(typesIn(text, name)).not.toContain(type);
    });
  }

  it.each([
    ['session id', '4f9c2a7e1b3d5f6a8c0e2b4d6f8a0c1e'],
    ['random base64 id', 'AHWqTUm3x9pQk2vZ0eYc8A'],
    ['Baidu visit times', '1700000000,1700003600'],
    ['GA4 session cookie', 'GS1.1.1700000000.1.1.1700000100.0.0.0'],
    ['Meta browser id', 'fb.1.1700000000123.1234567890'],
    ['UUID', '3f1b2c9e-7a4d-4e8f-9b0a-1c2d3e4f5a6b'],
    [
      'JWT without personal data',
      `eyJhbGciOiJIUzI1NiJ9.${base64Utf8('{"sub":"u_12","exp":1700000000}')}.c2ln`,
    ],
    [
      'analytics beacon',
      'v=2&t=pageview&tid=UA-1234-1&cid=123456789.1700000000&dl=https%3A%2F%2Fwww.jeejio.com%2F',
    ],
    ['a word', 'zh-CN'],
  ])('finds nothing in a %s', (_label, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('findPersonalData masks', () => {
  const cases: Array<[string, string, string]> = [
    ['13812345678', '13812345678', '13*******78'],
    [ID, ID, '110************02X'],
    ['alice@example.com', 'Alice@Example.com', 'a****@example.com'],
    ['4111 1111 1111 1111', '4111111111111111', '4111********1111'],
    ['ip=203.0.113.7', '203.0.113.7', '203.0.*.*'],
    ['2408:8207:1234:5678::1', '2408:8207:1234:5678::1', '2408:8207:****'],
    ['31.230416,121.473701', '31.230416,121.473701', '31.2***,121.4***'],
    ['password=hunter2', 'hunter2', '*******'],
  ];
  it.each(cases)('masks %s', (text, secret, masked) => {
    const found = findPersonalData(text);
    expect(found.map((m) => m.masked)).toEqual([masked]);
    for (const m of found) expect(m.masked.toLowerCase()).not.toContain(secret.toLowerCase());
  });
});

describe('findPersonalData decodings', () => {
  const phone = '13812345678';
  const json = JSON.stringify({ user: { mobile: phone } });
  const only = (text: string): PersonalDataMatch[] =>
    findPersonalData(text, { types: ['phone-number'] }).map(({ encoding, path }) => ({
      type: 'phone-number',
      masked: '13*******78',
      encoding,
      ...(path !== undefined && { path }),
    }));
  const expected = (encoding: PersonalDataMatch['encoding'], path?: string): PersonalDataMatch[] => [
    { type: 'phone-number', masked: '13*******78', encoding, ...(path !== undefined && { path }) },
  ];

  it.each<[string, string, PersonalDataMatch['encoding'], string | undefined]>([
    ['plain text', `call ${phone} now`, 'plain', undefined],
    ['percent-encoded text', encodeURIComponent(`手机：${phone}`), 'url-encoded', undefined],
    [
      'triple percent-encoded',
      encodeURIComponent(encodeURIComponent(encodeURIComponent(`tel ${phone}`))),
      'url-encoded',
      undefined,
    ],
    ['JSON', json, 'json', 'user.mobile'],
    ['JSON array', `[{"a":1},{"tel":"${phone}"}]`, 'json', '[1].tel'],
    ['array inside an object', `{"items":[{"tel":"${phone}"}]}`, 'json', 'items[0].tel'],
    ['URL-encoded JSON', encodeURIComponent(json), 'url-encoded', 'user.mobile'],
    ['Base64 JSON', base64Utf8(json), 'base64', 'user.mobile'],
    [
      'Base64url without padding',
      base64Utf8(`{"m":"${phone}","x":"??>>"}`).replace(/=+$/, '').replace(/\//g, '_'),
      'base64',
      'm',
    ],
    ['Base64 query string', base64Utf8(`phone=${phone}`), 'base64', 'phone'],
    ['query string', `a=1&phone=${phone}`, 'query', 'phone'],
    ['URL with query', `https://log.example.com/c?x=1&tel=${phone}#top`, 'query', 'tel'],
    ['JSON in a query parameter', `v=1&d=${encodeURIComponent(json)}`, 'query', 'd.user.mobile'],
    [
      'Base64 JSON in a query parameter',
      `d=${encodeURIComponent(base64Utf8(json))}`,
      'query',
      'd.user.mobile',
    ],
    ['JSON string holding JSON', JSON.stringify({ payload: json }), 'json', 'payload.user.mobile'],
    [
      'JWT payload',
      `eyJhbGciOiJIUzI1NiJ9.${base64Utf8(json).replace(/=+$/, '')}.c2ln`,
      'base64',
      'user.mobile',
    ],
    ['form value with plus signs', `q=call+${phone}+now`, 'query', 'q'],
  ])('%s', (_label, text, encoding, path) => {
    expect(only(text)).toEqual(expected(encoding, path));
  });

  it('finds data in several parameters, each with its own path', () => {
    const found = findPersonalData(`a=${phone}&b=${phone}`).map((m) => m.path);
    expect(found).toEqual(['a', 'b']);
  });

  it('never puts personal data into a path', () => {
    const found = findPersonalData(`{"${phone}":{"tel":"13912345678"},"alice@example.com":{"pwd":"x1y2z3"}}`);
    for (const m of found) {
      expect(m.path ?? '').not.toContain(phone);
      expect(m.path ?? '').not.toContain('alice');
    }
    expect(found.map((m) => m.path)).toContain('#.tel');
    expect(found.map((m) => m.path)).toContain('*.pwd');
  });

  it('still finds data in truncated JSON, without a path', () => {
    expect(findPersonalData(`{"a":"${'x'.repeat(20_000)}","tel":"${phone}"}`)).toEqual([]);
    expect(findPersonalData(`{"tel":"${phone}","a":"${'x'.repeat(20_000)}"}`)).toEqual(expected('plain'));
  });

  it('searches only the first 16 KB', () => {
    expect(findPersonalData(`${'x '.repeat(8192)}${phone}`)).toEqual([]);
    expect(findPersonalData(`${'x '.repeat(8000)}${phone}`)).toHaveLength(1);
  });

  it('stops walking JSON below depth 8 but the text itself is still searched', () => {
    const deep = `${'{"a":'.repeat(12)}"${phone}"${'}'.repeat(12)}`;
    expect(only(deep)).toEqual(expected('plain'));
    const shallow = `${'{"a":'.repeat(3)}"${phone}"${'}'.repeat(3)}`;
    expect(only(shallow)).toEqual(expected('json', 'a.a.a'));
  });

  it('limits the types searched', () => {
    const text = `tel=${phone}&mail=alice@example.com&ip=203.0.113.7`;
    expect(findPersonalData(text, { types: ['email'] }).map((m) => m.type)).toEqual(['email']);
    expect(findPersonalData(text, { types: [] })).toEqual([]);
  });

  it('gives the same answer for a value seen again, whatever was asked in between', () => {
    const text = `tel=${phone}&mail=alice@example.com`;
    const all = findPersonalData(text).map((m) => m.type);
    expect(findPersonalData(text, { types: ['email'] }).map((m) => m.type)).toEqual(['email']);
    expect(findPersonalData(text).map((m) => m.type)).toEqual(all);
    // A name is part of the question: "pwd" makes the same value a password.
    expect(findPersonalData('s3cr3t-Value!', { name: 'pwd' }).map((m) => m.type)).toEqual(['password']);
    expect(findPersonalData('s3cr3t-Value!', { name: 'theme' })).toEqual([]);
  });

  it('shares remembered answers frozen, so a caller cannot change what the next one gets', () => {
    const found = findPersonalData(`tel=${phone}`);
    expect(Object.isFrozen(found)).toBe(true);
    expect(Object.isFrozen(found[0])).toBe(true);
  });
});

describe('isSensitive', () => {
  it('follows the policy: contact and location details, IDs, passwords, cards and canaries', () => {
    expect(PERSONAL_DATA_TYPES.filter(isSensitive)).toEqual([
      'phone-number',
      'id-number',
      'password',
      'bank-card',
      'coordinates',
      'canary',
    ]);
  });
});
