import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyCookie } from './classify-cookie';
import { GENERIC_CONVENTION_VENDOR } from './cookie-catalog';
import { PURPOSES, type Purpose } from './purpose';

const FIRST_PARTY = '.jeejio.com';

describe('classifyCookie by name', () => {
  it.each<[name: string, vendor: string, purpose: Purpose]>([
    // Google Analytics
    ['_ga', 'Google Analytics', 'statistics'],
    ['_ga_ABC123XYZ', 'Google Analytics', 'statistics'],
    ['_gid', 'Google Analytics', 'statistics'],
    ['_gat', 'Google Analytics', 'statistics'],
    ['_gat_gtag_UA_12345_1', 'Google Analytics', 'statistics'],
    ['__utma', 'Google Analytics', 'statistics'],
    ['__utmb', 'Google Analytics', 'statistics'],
    ['__utmc', 'Google Analytics', 'statistics'],
    ['__utmz', 'Google Analytics', 'statistics'],
    ['__utmv', 'Google Analytics', 'statistics'],
    ['_dc_gtm_UA-12345-1', 'Google Analytics', 'statistics'],
    // Google Ads / DoubleClick
    ['IDE', 'Google', 'advertising'],
    ['DSID', 'Google', 'advertising'],
    ['test_cookie', 'Google', 'advertising'],
    ['_gcl_au', 'Google', 'advertising'],
    ['_gcl_aw', 'Google', 'advertising'],
    ['_gcl_dc', 'Google', 'advertising'],
    ['NID', 'Google', 'advertising'],
    ['1P_JAR', 'Google', 'advertising'],
    ['AID', 'Google', 'advertising'],
    ['__gads', 'Google', 'advertising'],
    ['__gpi', 'Google', 'advertising'],
    ['ANID', 'Google', 'advertising'],
    ['FLC', 'Google', 'advertising'],
    // Meta
    ['_fbp', 'Meta', 'advertising'],
    ['_fbc', 'Meta', 'advertising'],
    ['fr', 'Meta', 'advertising'],
    ['datr', 'Meta', 'social'],
    ['sb', 'Meta', 'social'],
    ['c_user', 'Meta', 'social'],
    ['xs', 'Meta', 'social'],
    // Baidu
    ['Hm_lvt_0123456789abcdef0123456789abcdef', 'Baidu Tongji', 'statistics'],
    ['Hm_lpvt_0123456789abcdef0123456789abcdef', 'Baidu Tongji', 'statistics'],
    ['HMACCOUNT', 'Baidu Tongji', 'statistics'],
    ['HMACCOUNT_BFESS', 'Baidu Tongji', 'statistics'],
    ['BAIDUID', 'Baidu', 'advertising'],
    ['BAIDUID_BFESS', 'Baidu', 'advertising'],
    ['BIDUPSID', 'Baidu', 'advertising'],
    ['PSTM', 'Baidu', 'advertising'],
    // CNZZ / Umeng
    ['CNZZDATA1278216955', 'Umeng (CNZZ)', 'statistics'],
    ['UM_distinctid', 'Umeng (CNZZ)', 'statistics'],
    ['_umdata', 'Umeng / Alibaba (UMID)', 'fingerprinting'],
    // Tencent
    ['pgv_pvi', 'Tencent', 'statistics'],
    ['pgv_si', 'Tencent', 'statistics'],
    ['pgv_pvid', 'Tencent', 'statistics'],
    ['ts_uid', 'Tencent', 'statistics'],
    ['ts_last', 'Tencent', 'statistics'],
    ['_qddaz', 'Tencent (Qidian)', 'statistics'],
    ['_qdda', 'Tencent (Qidian)', 'statistics'],
    // ByteDance / Ocean Engine / TikTok
    ['ttwid', 'ByteDance', 'advertising'],
    ['tt_webid', 'ByteDance', 'advertising'],
    ['_tea_utm_cache_2018', 'ByteDance', 'statistics'],
    ['passport_csrf_token', 'ByteDance', 'essential'],
    ['s_v_web_id', 'ByteDance', 'essential'],
    ['MONITOR_WEB_ID', 'ByteDance', 'statistics'],
    ['ttcid', 'ByteDance', 'unknown'],
    ['_ttp', 'TikTok (ByteDance)', 'advertising'],
    // Alibaba
    ['cna', 'Alibaba', 'statistics'],
    ['isg', 'Alibaba', 'unknown'],
    ['tfstk', 'Alibaba', 'unknown'],
    ['_m_h5_tk', 'Alibaba', 'essential'],
    ['xlly_s', 'Alibaba', 'unknown'],
    ['atpsida', 'Alibaba', 'unknown'],
    // Sensors Data
    ['sensorsdata2015jssdkcross', 'Sensors Data', 'statistics'],
    ['sensorsdata2015session', 'Sensors Data', 'statistics'],
    ['sajssdk_2015_cross_new_user', 'Sensors Data', 'statistics'],
    // GrowingIO
    ['gr_user_id', 'GrowingIO', 'statistics'],
    ['gr_session_id_bfe32f60a37bc666', 'GrowingIO', 'statistics'],
    ['gr_cs1_b6f1a89d-8b0f-4bc6-8c4d-4b1b525dc308', 'GrowingIO', 'statistics'],
    ['bfe32f60a37bc666_gr_session_id', 'GrowingIO', 'statistics'],
    ['bfe32f60a37bc666_gr_session_id_b6f1a89d-8b0f-4bc6-8c4d-4b1b525dc308', 'GrowingIO', 'statistics'],
    ['a2873925c34ecbd2_gr_last_sent_cs1', 'GrowingIO', 'statistics'],
    ['bfe32f60a37bc666_gr_last_sent_sid_with_cs1', 'GrowingIO', 'statistics'],
    // Product analytics
    ['mp_0123456789abcdef0123456789abcdef_mixpanel', 'Mixpanel', 'statistics'],
    ['amp_a1b2c3', 'Amplitude', 'statistics'],
    ['AMP_a1b2c3d4e5', 'Amplitude', 'statistics'],
    ['AMP_MKTG_a1b2c3d4e5', 'Amplitude', 'statistics'],
    ['ph_phc_AbC123xyz_posthog', 'PostHog', 'statistics'],
    // Hotjar
    ['_hjSessionUser_123456', 'Hotjar', 'session-replay'],
    ['_hjSession_123456', 'Hotjar', 'session-replay'],
    ['_hjid', 'Hotjar', 'session-replay'],
    ['_hjAbsoluteSessionInProgress', 'Hotjar', 'session-replay'],
    ['_hjIncludedInSessionSample', 'Hotjar', 'session-replay'],
    ['_hjIncludedInSessionSample_123456', 'Hotjar', 'session-replay'],
    ['_hjFirstSeen', 'Hotjar', 'session-replay'],
    ['_hjTLDTest', 'Hotjar', 'session-replay'],
    // Microsoft
    ['_clck', 'Microsoft Clarity', 'session-replay'],
    ['_clsk', 'Microsoft Clarity', 'session-replay'],
    ['CLID', 'Microsoft Clarity', 'session-replay'],
    ['MUID', 'Microsoft Advertising (Bing)', 'advertising'],
    ['_uetsid', 'Microsoft Advertising (Bing)', 'advertising'],
    ['_uetvid', 'Microsoft Advertising (Bing)', 'advertising'],
    // LinkedIn
    ['bcookie', 'LinkedIn', 'social'],
    ['li_sugr', 'LinkedIn', 'advertising'],
    ['lidc', 'LinkedIn', 'social'],
    ['UserMatchHistory', 'LinkedIn', 'advertising'],
    // Yandex
    ['_ym_uid', 'Yandex Metrica', 'statistics'],
    ['_ym_d', 'Yandex Metrica', 'statistics'],
    // Cloudflare and consent managers
    ['__cf_bm', 'Cloudflare', 'essential'],
    ['cf_clearance', 'Cloudflare', 'essential'],
    ['OptanonConsent', 'OneTrust', 'essential'],
    ['CookieConsent', 'Cookiebot', 'essential'],
    ['cookieyes-consent', 'CookieYes', 'essential'],
  ])('%s → %s (%s)', (name, vendor, purpose) => {
    const result = classifyCookie({ name, domain: FIRST_PARTY });
    expect(result).toMatchObject({ vendor, purpose, matchedBy: 'name' });
    expect(result.source).toMatch(/^https:\/\//);
    expect(result.reason).toContain(name.slice(0, 20));
  });

  it.each([
    ['JSESSIONID', 'authentication'],
    ['jsessionid', 'authentication'],
    ['PHPSESSID', 'authentication'],
    ['ASP.NET_SessionId', 'authentication'],
    ['connect.sid', 'authentication'],
    ['SESSION', 'authentication'],
    ['SESSIONID', 'authentication'],
    ['sessionid', 'authentication'],
    ['session', 'authentication'],
    ['sid', 'authentication'],
    ['laravel_session', 'authentication'],
    ['token', 'authentication'],
    ['access_token', 'authentication'],
    ['Auth_Token', 'authentication'],
    ['refresh_token', 'authentication'],
    ['login_token', 'authentication'],
    ['remember_me', 'authentication'],
    ['remember_token', 'authentication'],
    ['csrftoken', 'csrf'],
    ['XSRF-TOKEN', 'csrf'],
    ['_csrf', 'csrf'],
    ['csrf_token', 'csrf'],
  ])('generic %s is essential with role %s', (name, role) => {
    expect(classifyCookie({ name, domain: FIRST_PARTY })).toMatchObject({
      vendor: GENERIC_CONVENTION_VENDOR,
      purpose: 'essential',
      role,
      matchedBy: 'name',
      crossSite: false,
    });
  });

  it.each([['lang'], ['locale'], ['LANGUAGE'], ['i18n'], ['theme'], ['timezone']])(
    'generic %s is a preference',
    (name) => {
      expect(classifyCookie({ name, domain: FIRST_PARTY })).toMatchObject({
        vendor: GENERIC_CONVENTION_VENDOR,
        purpose: 'preferences',
        matchedBy: 'name',
      });
      expect(classifyCookie({ name, domain: FIRST_PARTY }).role).toBeUndefined();
    },
  );

  it('prefers an exact name over a prefix and a prefix over a pattern', () => {
    expect(classifyCookie({ name: 'AMP_TOKEN', domain: FIRST_PARTY }).vendor).toBe('Google Analytics');
    expect(classifyCookie({ name: 'AMP_abc', domain: FIRST_PARTY }).vendor).toBe('Amplitude');
    expect(classifyCookie({ name: '_gcl_au', domain: FIRST_PARTY }).reason).toContain('exact name');
    expect(classifyCookie({ name: '_gcl_gb', domain: FIRST_PARTY }).reason).toContain('prefix');
    expect(classifyCookie({ name: 'Hm_lvt_abc', domain: FIRST_PARTY }).reason).toContain('"Hm_lvt_"');
  });

  it('reports documented cross-site identifiers and only those', () => {
    expect(classifyCookie({ name: 'IDE', domain: '.doubleclick.net' }).crossSite).toBe(true);
    expect(classifyCookie({ name: '_fbp', domain: FIRST_PARTY }).crossSite).toBe(true);
    expect(classifyCookie({ name: '_ga', domain: FIRST_PARTY }).crossSite).toBe(false);
  });

  it('treats exact vendor names case-sensitively', () => {
    expect(classifyCookie({ name: 'ide', domain: FIRST_PARTY }).matchedBy).toBe('none');
    expect(classifyCookie({ name: '_GA', domain: FIRST_PARTY }).matchedBy).toBe('none');
  });

  it('keeps a vendor name match even when the domain belongs to another vendor', () => {
    expect(classifyCookie({ name: '_ga', domain: '.hotjar.com' })).toMatchObject({
      vendor: 'Google Analytics',
      matchedBy: 'name',
    });
  });
});

describe('classifyCookie by host', () => {
  it('classifies any cookie on a tracker host by the host', () => {
    const result = classifyCookie({ name: 'uid-xyz', domain: '.doubleclick.net' });
    expect(result).toMatchObject({ vendor: 'Google', purpose: 'advertising', matchedBy: 'host' });
    expect(result.reason).toContain('doubleclick.net');
    expect(result.source).toMatch(/^https:\/\//);
    expect(result.role).toBeUndefined();
  });

  it('lets the host win over a generic name: sid on .hotjar.com is Hotjar', () => {
    const result = classifyCookie({ name: 'sid', domain: '.hotjar.com' });
    expect(result).toMatchObject({ vendor: 'Hotjar', purpose: 'session-replay', matchedBy: 'host' });
    expect(result.role).toBeUndefined();
    expect(result.reason).toContain('generic');
  });

  it('uses the most specific host entry', () => {
    expect(classifyCookie({ name: 'x', domain: 'hm.baidu.com' })).toMatchObject({
      vendor: 'Baidu Tongji',
      purpose: 'statistics',
    });
    expect(classifyCookie({ name: 'x', domain: '.baidu.com' })).toMatchObject({
      vendor: 'Baidu',
      purpose: 'unknown',
      matchedBy: 'host',
    });
  });

  it('keeps a generic name on the first party as the convention says', () => {
    expect(classifyCookie({ name: 'JSESSIONID', domain: 'open.jeejio.com' })).toMatchObject({
      vendor: GENERIC_CONVENTION_VENDOR,
      role: 'authentication',
    });
  });
});

describe('classifyCookie with nothing to go on', () => {
  it.each([
    ['my_pref', FIRST_PARTY],
    ['jeejio_uid', 'www.jeejio.com'],
    ['', ''],
    ['x', 'example.org'],
    ['SESSIONID2', FIRST_PARTY],
    ['tokenizer', FIRST_PARTY],
    ['t', FIRST_PARTY],
    ['l', FIRST_PARTY],
  ])('%j on %j is unknown, not essential', (name, domain) => {
    const result = classifyCookie({ name, domain });
    expect(result).toEqual({
      vendor: null,
      purpose: 'unknown',
      crossSite: false,
      matchedBy: 'none',
      reason: expect.stringContaining('not in the cookie or host catalogue'),
    });
  });
});

describe('classifyCookie robustness', () => {
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 100 }),
    fc.constantFrom('_ga', 'Hm_lvt_', 'ph_', 'mp_', 'gr_', '.jeejio.com', '.hotjar.com', '..', '.', ''),
  );
  // Repeating a short piece builds huge inputs cheaply; near-miss pieces probe
  // the patterns for catastrophic backtracking.
  const hugeText = fc
    .tuple(
      fc.constantFrom('a', '_', 'ph_', '0', 'é', '𝌆', '.', 'a.', '_gr_'),
      fc.integer({ min: 1, max: 200_000 }),
    )
    .map(([piece, times]) => piece.repeat(times));
  const text = fc.oneof(anyText, hugeText);

  it('never throws, returns a valid purpose and stays fast for any name and domain', () => {
    fc.assert(
      fc.property(text, text, (name, domain) => {
        const started = performance.now();
        const result = classifyCookie({ name, domain });
        const elapsed = performance.now() - started;
        expect(PURPOSES).toContain(result.purpose);
        expect(['name', 'host', 'open-cookie-database', 'none']).toContain(result.matchedBy);
        expect(result.reason.length).toBeLessThan(2000);
        expect(elapsed).toBeLessThan(1000);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [`ph_${'_'.repeat(100_000)}x`],
    [`${'0'.repeat(16)}_gr_session_id_${'-'.repeat(100_000)}!`],
    [`mp_${'a'.repeat(100_000)}_mixpane`],
    [`remember_web_${'f'.repeat(100_000)}g`],
    ['a'.repeat(1_000_000)],
  ])('handles adversarial name of length %#', (name) => {
    const started = performance.now();
    expect(classifyCookie({ name, domain: FIRST_PARTY }).purpose).toBeDefined();
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('compound login cookie names', () => {
  it.each(['session_token', 'user_sid', 'auth_jwt', 'jeejio.sess', 'SESSION_ID'])(
    '%s is a login cookie',
    (name) => {
      expect(classifyCookie({ name, domain: 'www.jeejio.com' })).toMatchObject({
        purpose: 'essential',
        role: 'authentication',
      });
    },
  );

  it.each(['x_csrf_token', 'tokenizer_pref', 'consider', 'sidebar_open'])('%s is not', (name) => {
    expect(classifyCookie({ name, domain: 'www.jeejio.com' }).role).not.toBe('authentication');
  });
});
