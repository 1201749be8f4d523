/**
 * What the demo's storage page (https://www.jeejio.com/storage) leaves, and
 * what it breaks, in any browser: the Chromium and the Firefox suites expect
 * the same.
 */

/** The extension's own readings, as `area:key`, sorted. */
export const STORAGE_PAGE_READINGS = [
  'cacheStorage:jeejio-offline-v1',
  'indexedDB:tracker/ids/me',
  'localStorage:_hjSessionUser_123456',
  'localStorage:search_history',
  'localStorage:userInfo',
  'sessionStorage:_ttp',
];

/** Each violation as `rule key`, sorted: a phone number in clear twice, two undeclared purposes. */
export const STORAGE_PAGE_VIOLATIONS = [
  'cookie-sensitive-in-clear tracker/ids/me',
  'cookie-sensitive-in-clear userInfo',
  'storage-undeclared-purpose _hjSessionUser_123456',
  'storage-undeclared-purpose _ttp',
];
