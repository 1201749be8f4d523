import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyCookie, withSharedIdentifier } from './classify-cookie';
import { GENERIC_CONVENTION_VENDOR } from './cookie-catalog';
import { OCD_REPOSITORY } from './open-cookie-database/ocd-types';
import { PURPOSES, type Purpose } from './purpose';

const FIRST_PARTY = '.jeejio.com';
const SEEN = Date.UTC(2024, 0, 1);
const IN_TWO_YEARS = SEEN / 1000 + 2 * 365 * 86_400;
const IN_A_MONTH = SEEN / 1000 + 30 * 86_400;

describe('classifyCookie from the grown catalogue', () => {
  it.each<[name: string, vendor: string, purpose: Purpose]>([
    ['ajs_anonymous_id', 'Segment', 'statistics'],
    ['__hstc', 'HubSpot', 'advertising'],
    ['hubspotutk', 'HubSpot', 'advertising'],
    ['_mkto_trk', 'Marketo (Adobe)', 'advertising'],
    ['cto_bundle', 'Criteo', 'advertising'],
    ['t_gid', 'Taboola', 'advertising'],
    ['uuid2', 'Xandr (Microsoft)', 'advertising'],
    ['TDID', 'The Trade Desk', 'advertising'],
    ['__qca', 'Quantcast', 'advertising'],
    ['AMCV_0123456789ABCDEF01234567%40AdobeOrg', 'Adobe Experience Cloud', 'statistics'],
    ['kndctr_0123456789ABCDEF01234567_AdobeOrg_identity', 'Adobe Experience Platform Web SDK', 'statistics'],
    ['demdex', 'Adobe Audience Manager', 'advertising'],
    ['_hp2_id.123456', 'Heap (Contentsquare)', 'statistics'],
    ['fs_uid', 'FullStory', 'session-replay'],
    ['_ce.s', 'Crazy Egg', 'session-replay'],
    ['_dd_s', 'Datadog RUM', 'statistics'],
    ['intercom-id-abc123', 'Intercom', 'statistics'],
    ['__zlcmid', 'Zendesk', 'essential'],
    ['_pinterest_ct_ua', 'Pinterest', 'advertising'],
    ['personalization_id', 'X (Twitter)', 'advertising'],
    ['_scid', 'Snap', 'advertising'],
    ['_rdt_uuid', 'Reddit', 'advertising'],
    ['_pk_id.1.1fff', 'Matomo', 'statistics'],
    ['__stripe_mid', 'Stripe', 'essential'],
    ['TS01a2b3c4', 'F5 BIG-IP', 'essential'],
    ['BIGipServerpool_web', 'F5 BIG-IP', 'essential'],
    ['SSESS0123456789abcdef0123456789abcdef', 'Drupal', 'essential'],
    ['sb-abcdefghijklmnop-auth-token', 'Supabase', 'essential'],
    ['wordpress_logged_in_0123abcd', 'WordPress', 'essential'],
    // Chinese
    ['BDUSS', 'Baidu', 'social'],
    ['CPROID', 'Baidu', 'advertising'],
    ['pac_uid', 'Tencent', 'statistics'],
    ['_qimei_fingerprint', 'Tencent', 'fingerprinting'],
    ['msToken', 'ByteDance', 'essential'],
    ['acw_sc__v2', 'Alibaba Cloud WAF', 'essential'],
    ['shshshfpa', 'JD.com', 'fingerprinting'],
    ['SINAGLOBAL', 'Weibo (Sina)', 'statistics'],
    ['buvid3', 'Bilibili', 'statistics'],
    ['gdp_user_id', 'GrowingIO', 'statistics'],
    ['0a1b2c3d4e5f6a7b_gdp_session_id', 'GrowingIO', 'statistics'],
    ['__jsluid_s', 'Jiasule (Knownsec)', 'essential'],
  ])('%s → %s (%s)', (name, vendor, purpose) => {
    const result = classifyCookie({ name, domain: FIRST_PARTY });
    expect(result).toMatchObject({ vendor, purpose, matchedBy: 'name' });
    expect(result.source).toMatch(/^https:\/\//);
  });

  it('marks documented cross-site identifiers', () => {
    for (const name of ['demdex', 'uuid2', 'TDID', 't_gid', 'cto_bundle', 'personalization_id', 'CPROID']) {
      expect(classifyCookie({ name, domain: FIRST_PARTY }).crossSite, name).toBe(true);
    }
  });
});

describe('classifyCookie from the Open Cookie Database', () => {
  it('classifies a name only the database knows, citing the entry, the version and the retention', () => {
    const result = classifyCookie({ name: 'mage-cache-sessid', domain: FIRST_PARTY });
    expect(result).toMatchObject({
      vendor: 'Magento',
      purpose: 'essential',
      matchedBy: 'open-cookie-database',
      source: OCD_REPOSITORY,
    });
    expect(result.reason).toContain('Open Cookie Database');
    expect(result.reason).toMatch(/entry [0-9a-f-]{36}, @slashgear\/gdpr-cookie-scanner@\d/);
  });

  it('comes after the curated catalogue', () => {
    // _ga is in both; the curated entry wins.
    expect(classifyCookie({ name: '_ga', domain: FIRST_PARTY }).matchedBy).toBe('name');
  });

  it('matches an ambiguous name only on the domain the database binds it to', () => {
    expect(classifyCookie({ name: 'uid', domain: '.adform.net' })).toMatchObject({
      vendor: 'Adform',
      matchedBy: 'open-cookie-database',
    });
    expect(classifyCookie({ name: 'uid', domain: FIRST_PARTY }).matchedBy).toBe('none');
  });

  it('beats the compound login convention, keeping its role', () => {
    expect(classifyCookie({ name: 'xf_session', domain: FIRST_PARTY })).toMatchObject({
      vendor: 'Xenforo',
      purpose: 'essential',
      role: 'authentication',
      matchedBy: 'open-cookie-database',
    });
  });

  it('does not beat a single-word convention', () => {
    expect(classifyCookie({ name: 'PHPSESSID', domain: FIRST_PARTY })).toMatchObject({
      vendor: GENERIC_CONVENTION_VENDOR,
      role: 'authentication',
    });
  });

  it('comes before the host catalogue', () => {
    expect(classifyCookie({ name: '__hssc', domain: '.hotjar.com' })).toMatchObject({ vendor: 'HubSpot' });
    expect(classifyCookie({ name: 'mage-cache-sessid', domain: '.hotjar.com' })).toMatchObject({
      vendor: 'Magento',
      matchedBy: 'open-cookie-database',
    });
  });
});

describe('classifyCookie heuristic for unknown cookies', () => {
  const unknown = { name: 'jeejio_device', domain: FIRST_PARTY, observedAt: SEEN };

  it('flags an identifier-like, long-lived value as a likely identifier', () => {
    const result = classifyCookie({ ...unknown, value: 'a8F3kLq92ZxPw7Rt', expires: IN_TWO_YEARS });
    expect(result).toMatchObject({
      vendor: null,
      purpose: 'unknown',
      matchedBy: 'heuristic',
      likelyIdentifier: true,
      crossSite: false,
    });
    expect(result.reason).toMatch(/^Likely identifier, unclassified: the value looks random/);
    expect(result.reason).toContain('730 days');
  });

  it.each<[why: string, value: string, expires: number | undefined, says: string]>([
    ['short-lived', 'a8F3kLq92ZxPw7Rt', IN_A_MONTH, 'it lives 30 days'],
    ['a session cookie', 'a8F3kLq92ZxPw7Rt', undefined, 'ends with the browser session'],
    ['not identifier-like', 'zh-CN', IN_TWO_YEARS, 'does not look like an identifier'],
    ['a timestamp', '1700000000', IN_TWO_YEARS, 'timestamp'],
  ])('does not flag a value that is %s', (_, value, expires, says) => {
    const result = classifyCookie({ ...unknown, value, ...(expires !== undefined && { expires }) });
    expect(result).toMatchObject({ purpose: 'unknown', matchedBy: 'none' });
    expect(result.likelyIdentifier).toBeUndefined();
    expect(result.reason).toContain(says);
  });

  it('needs the time the cookie was seen to call it long-lived', () => {
    const result = classifyCookie({
      name: 'jeejio_device',
      domain: FIRST_PARTY,
      value: 'a8F3kLq92ZxPw7Rt',
      expires: IN_TWO_YEARS,
    });
    expect(result.likelyIdentifier).toBeUndefined();
  });

  it('leaves catalogued cookies alone', () => {
    const result = classifyCookie({
      name: '_ga',
      domain: FIRST_PARTY,
      value: 'GA1.1.123456789.1700000000',
      expires: IN_TWO_YEARS,
      observedAt: SEEN,
    });
    expect(result.matchedBy).toBe('name');
    expect(result.likelyIdentifier).toBeUndefined();
  });
});

describe('withSharedIdentifier', () => {
  it('flags an unknown cookie whose value was sent to third parties', () => {
    const base = classifyCookie({ name: 'jeejio_device', domain: FIRST_PARTY });
    const shared = withSharedIdentifier(base, 2);
    expect(shared).toMatchObject({ matchedBy: 'heuristic', likelyIdentifier: true, purpose: 'unknown' });
    expect(shared.reason).toMatch(
      /^Likely identifier, unclassified: its value was sent in 2 third-party requests/,
    );
    expect(withSharedIdentifier(base, 1).reason).toContain('one third-party request');
  });

  it('adds to a heuristic reason without repeating it', () => {
    const heuristic = classifyCookie({
      name: 'jeejio_device',
      domain: FIRST_PARTY,
      value: 'a8F3kLq92ZxPw7Rt',
      expires: IN_TWO_YEARS,
      observedAt: SEEN,
    });
    const shared = withSharedIdentifier(heuristic, 3);
    expect(shared.reason.match(/Likely identifier/g)).toHaveLength(1);
    expect(shared.reason).toContain('also sent in 3 third-party requests');
  });

  it('leaves a known cookie, or none shared, unchanged', () => {
    const known = classifyCookie({ name: '_ga', domain: FIRST_PARTY });
    expect(withSharedIdentifier(known, 5)).toBe(known);
    const unknown = classifyCookie({ name: 'x1', domain: FIRST_PARTY });
    expect(withSharedIdentifier(unknown, 0)).toBe(unknown);
  });
});

describe('classifyCookie robustness with values', () => {
  it('never throws and returns the shared shape for any name, domain, value and times', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 100 }),
        fc.constantFrom('.jeejio.com', '.hotjar.com', '.adform.net', '', 'a.b.c'),
        fc.oneof(
          fc.string({ maxLength: 5000 }),
          fc.uuid(),
          fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 8, maxLength: 64 }),
        ),
        fc.option(fc.oneof(fc.double(), fc.integer()), { nil: undefined }),
        fc.option(fc.oneof(fc.double(), fc.integer()), { nil: undefined }),
        (name, domain, value, expires, observedAt) => {
          const result = classifyCookie({
            name,
            domain,
            value,
            ...(expires !== undefined && { expires }),
            ...(observedAt !== undefined && { observedAt }),
          });
          expect(PURPOSES).toContain(result.purpose);
          expect(['name', 'host', 'open-cookie-database', 'heuristic', 'none']).toContain(result.matchedBy);
          if (result.likelyIdentifier) expect(result.matchedBy).toBe('heuristic');
          expect(result.reason.length).toBeLessThan(2000);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shares remembered answers frozen, so callers cannot corrupt the cache', () => {
    const first = classifyCookie({ name: '_ga', domain: FIRST_PARTY });
    expect(() => {
      first.purpose = 'advertising';
    }).toThrow(TypeError);
    expect(classifyCookie({ name: '_ga', domain: FIRST_PARTY }).purpose).toBe('statistics');
  });
});
