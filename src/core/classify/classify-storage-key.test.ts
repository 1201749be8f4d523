import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyStorageKey, type StorageArea } from './classify-storage-key';
import { GENERIC_CONVENTION_VENDOR } from './cookie-catalog';
import { PURPOSES, type Purpose } from './purpose';

const ORIGIN = 'https://www.jeejio.com';

describe('classifyStorageKey by name', () => {
  it.each<[key: string, vendor: string, purpose: Purpose]>([
    // Storage-key catalogue
    ['amplitude_unsent_0123456789abcdef', 'Amplitude', 'statistics'],
    ['__mpq_0123abcd_ev', 'Mixpanel', 'statistics'],
    ['__ph_opt_in_out_phc_abc', 'PostHog', 'essential'],
    ['ajs_user_traits', 'Segment', 'statistics'],
    ['__tea_cache_tokens_10000001', 'ByteDance', 'statistics'],
    ['ZD-suid', 'Zendesk', 'essential'],
    ['intercom.intercom-state-abc123', 'Intercom', 'essential'],
    ['NRBA_SESSION', 'New Relic', 'statistics'],
    ['sentryReplaySession', 'Sentry', 'session-replay'],
    ['firebase:authUser:AIzaSyA:[DEFAULT]', 'Firebase (Google)', 'essential'],
    ['plausible_ignore', 'Plausible', 'essential'],
    ['umami.disabled', 'Umami', 'essential'],
    ['tt_pixel_session_index', 'TikTok (ByteDance)', 'advertising'],
    // Same names as cookies
    ['ajs_anonymous_id', 'Segment', 'statistics'],
    ['ajs_user_id', 'Segment', 'statistics'],
    ['_hjSessionUser_123456', 'Hotjar', 'session-replay'],
    ['mp_0123456789abcdef0123456789abcdef_mixpanel', 'Mixpanel', 'statistics'],
    ['ph_phc_AbC123xyz_posthog', 'PostHog', 'statistics'],
    ['AMP_unsent_a1b2c3d4e5', 'Amplitude', 'statistics'],
    ['sensorsdata2015_jssdk_cross', 'Sensors Data', 'statistics'],
    ['sensorsdata2015jssdkcross', 'Sensors Data', 'statistics'],
    ['gr_user_id', 'GrowingIO', 'statistics'],
    ['__zlcmid', 'Zendesk', 'essential'],
    ['_qimei_uuid42', 'Tencent', 'fingerprinting'],
    // Generic conventions
    ['search_history', GENERIC_CONVENTION_VENDOR, 'preferences'],
    ['searchHistory', GENERIC_CONVENTION_VENDOR, 'preferences'],
    ['history_search', GENERIC_CONVENTION_VENDOR, 'preferences'],
    ['recentSearches', GENERIC_CONVENTION_VENDOR, 'preferences'],
    ['token', GENERIC_CONVENTION_VENDOR, 'essential'],
    ['access_token', GENERIC_CONVENTION_VENDOR, 'essential'],
    ['accessToken', GENERIC_CONVENTION_VENDOR, 'essential'],
    ['lang', GENERIC_CONVENTION_VENDOR, 'preferences'],
    ['locale', GENERIC_CONVENTION_VENDOR, 'preferences'],
    ['theme', GENERIC_CONVENTION_VENDOR, 'preferences'],
    ['colorScheme', GENERIC_CONVENTION_VENDOR, 'preferences'],
  ])('%s → %s (%s)', (key, vendor, purpose) => {
    const result = classifyStorageKey({ key, origin: ORIGIN, area: 'localStorage' });
    expect(result).toMatchObject({ vendor, purpose, matchedBy: 'name' });
    expect(result.source).toMatch(/^https:\/\//);
    expect(result.reason).toContain(key.slice(0, 20));
  });

  it('gives login tokens the authentication role', () => {
    expect(classifyStorageKey({ key: 'accessToken', origin: ORIGIN, area: 'localStorage' }).role).toBe(
      'authentication',
    );
    expect(classifyStorageKey({ key: 'refresh_token', origin: ORIGIN, area: 'sessionStorage' }).role).toBe(
      'authentication',
    );
  });

  it('classifies an IndexedDB key by its database name', () => {
    expect(
      classifyStorageKey({
        key: 'firebaseLocalStorageDb/firebaseLocalStorage/user',
        origin: ORIGIN,
        area: 'indexedDB',
      }),
    ).toMatchObject({ vendor: 'Firebase (Google)', role: 'authentication' });
    expect(
      classifyStorageKey({
        key: 'firebase-heartbeat-database/heartbeats/x',
        origin: ORIGIN,
        area: 'indexedDB',
      }),
    ).toMatchObject({ vendor: 'Firebase (Google)', purpose: 'statistics' });
  });

  it('uses the Open Cookie Database for names it lists', () => {
    const result = classifyStorageKey({ key: 'mage-cache-storage', origin: ORIGIN, area: 'localStorage' });
    expect(result).toMatchObject({ vendor: 'Magento', matchedBy: 'open-cookie-database' });
  });
});

describe('classifyStorageKey by origin', () => {
  it('classifies any key of a known tracker origin by the host', () => {
    const result = classifyStorageKey({
      key: 'state',
      origin: 'https://vars.hotjar.com',
      area: 'localStorage',
    });
    expect(result).toMatchObject({ vendor: 'Hotjar', purpose: 'session-replay', matchedBy: 'host' });
    expect(result.reason).toContain('vars.hotjar.com');
  });

  it('lets a known host win over a generic name', () => {
    expect(
      classifyStorageKey({ key: 'token', origin: 'https://static.zdassets.com', area: 'localStorage' }),
    ).toMatchObject({ vendor: 'Zendesk', matchedBy: 'host' });
  });
});

describe('classifyStorageKey with nothing to go on', () => {
  it.each<[key: string, area: StorageArea]>([
    ['jeejio_cart', 'localStorage'],
    ['x', 'sessionStorage'],
    ['', 'localStorage'],
    ['app/settings/1', 'indexedDB'],
  ])('%j in %s is unknown', (key, area) => {
    const result = classifyStorageKey({ key, origin: ORIGIN, area });
    expect(result).toMatchObject({ vendor: null, purpose: 'unknown', matchedBy: 'none' });
    expect(result.reason).toContain('not in the storage-key, cookie or host catalogue');
    expect(result.likelyIdentifier).toBeUndefined();
  });

  it('flags an identifier-like value in persistent storage as a likely identifier', () => {
    const result = classifyStorageKey({
      key: 'jeejio_device',
      origin: ORIGIN,
      area: 'localStorage',
      value: 'd1f0a3c2-77b1-4bd0-9a61-0f3c0b7a8e21',
    });
    expect(result).toMatchObject({ purpose: 'unknown', matchedBy: 'heuristic', likelyIdentifier: true });
    expect(result.reason).toMatch(/^Likely identifier, unclassified: /);
  });

  it('does not flag the same value in session storage, nor a value that is not an identifier', () => {
    const value = 'd1f0a3c2-77b1-4bd0-9a61-0f3c0b7a8e21';
    const session = classifyStorageKey({
      key: 'jeejio_device',
      origin: ORIGIN,
      area: 'sessionStorage',
      value,
    });
    expect(session).toMatchObject({ matchedBy: 'none' });
    expect(session.likelyIdentifier).toBeUndefined();
    expect(session.reason).toContain('session storage ends with the tab');
    const words = classifyStorageKey({
      key: 'jeejio_mode',
      origin: ORIGIN,
      area: 'localStorage',
      value: 'compact_list',
    });
    expect(words.likelyIdentifier).toBeUndefined();
    expect(words.reason).toContain('does not look like an identifier');
  });

  it('does not apply the heuristic to a catalogued key', () => {
    const result = classifyStorageKey({
      key: 'ZD-suid',
      origin: ORIGIN,
      area: 'localStorage',
      value: 'a8F3kLq92ZxPw7Rt',
    });
    expect(result.matchedBy).toBe('name');
    expect(result.likelyIdentifier).toBeUndefined();
  });
});

describe('classifyStorageKey robustness', () => {
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc
      .tuple(fc.constantFrom('a', '_', 'ZD-', 'search_', '/', 'é'), fc.integer({ min: 1, max: 100_000 }))
      .map(([piece, times]) => piece.repeat(times)),
  );
  const area = fc.constantFrom<StorageArea>('localStorage', 'sessionStorage', 'indexedDB', 'cacheStorage');

  it('never throws, returns a valid purpose and stays fast', () => {
    fc.assert(
      fc.property(
        text,
        text,
        area,
        fc.option(text, { nil: undefined }),
        (key, origin, storageArea, value) => {
          const started = performance.now();
          const result = classifyStorageKey({
            key,
            origin,
            area: storageArea,
            ...(value !== undefined && { value }),
          });
          expect(PURPOSES).toContain(result.purpose);
          expect(result.reason.length).toBeLessThan(2000);
          expect(performance.now() - started).toBeLessThan(1000);
        },
      ),
      { numRuns: 300 },
    );
  });
});
