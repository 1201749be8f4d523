import { memoise } from '../util/memoise';

/**
 * Names analytics SDKs write only to test whether the browser keeps cookies or
 * storage (or which parent domain accepts a cookie), removing them at once.
 * Each is read from the SDK's own source, named in `source`.
 */
export interface SdkProbeName {
  /** The cookie name or storage key, exactly, or a prefix followed by a random suffix. */
  match: { exact: string } | { prefix: string };
  /** Where the SDK writes it. */
  kind: 'cookie' | 'storage' | 'both';
  /** Absent when many libraries copy the same test (the MDN storage check). */
  vendor?: string;
  /**
   * The test value the SDK writes, as an anchored regular expression source; a
   * different value means the name is used for something else. Absent when the
   * name alone is unmistakable.
   */
  testValue?: string;
  source: string;
}

const SOURCE = {
  sensorsData: 'https://github.com/sensorsdata/sa-sdk-javascript',
  growingIo: 'https://github.com/growingio/growingio-sdk-webjs-autotracker',
  amplitude: 'https://github.com/amplitude/Amplitude-TypeScript',
  posthog: 'https://github.com/PostHog/posthog-js/blob/main/packages/browser/src/storage.ts',
  amplitudeLegacy: 'https://github.com/amplitude/Amplitude-JavaScript',
  mdnStorageCheck:
    'https://developer.mozilla.org/en-US/docs/Web/API/Web_Storage_API/Using_the_Web_Storage_API#testing_for_availability',
} as const;

export const SDK_PROBE_NAMES: readonly SdkProbeName[] = [
  // PostHog: which parent domain accepts a cookie (seekFirstNonPublicSubDomain), tried from the
  // top-level domain down, each try with max-age=3 and removed once it sticks.
  {
    match: { prefix: 'dmn_chk_' },
    kind: 'cookie',
    vendor: 'PostHog',
    testValue: '^1$',
    source: SOURCE.posthog,
  },
  // Sensors Data: cookie support (isSupport), the root domain that accepts cookies, storage support.
  {
    match: { exact: 'sajssdk_2015_cookie_access_test' },
    kind: 'cookie',
    vendor: 'Sensors Data',
    testValue: '^1$',
    source: SOURCE.sensorsData,
  },
  {
    match: { exact: 'cookie_support_test' },
    kind: 'cookie',
    vendor: 'Sensors Data',
    testValue: '^1$',
    source: SOURCE.sensorsData,
  },
  {
    match: { exact: 'sensorsdata_domain_test' },
    kind: 'cookie',
    vendor: 'Sensors Data',
    testValue: '^true$',
    source: SOURCE.sensorsData,
  },
  {
    match: { exact: '__local_store_support__' },
    kind: 'storage',
    vendor: 'Sensors Data',
    testValue: '^testIsSupportStorage$',
    source: SOURCE.sensorsData,
  },
  {
    match: { exact: '__session_storage_support__' },
    kind: 'storage',
    vendor: 'Sensors Data',
    testValue: '^testIsSupportStorage$',
    source: SOURCE.sensorsData,
  },
  // GrowingIO: which parent domain accepts its cookies (testCookie).
  {
    match: { exact: 'gioCookie' },
    kind: 'cookie',
    vendor: 'GrowingIO',
    testValue: '^yes$',
    source: SOURCE.growingIo,
  },
  // Amplitude: cookie and storage support, and the top-level domain test; values are timestamps or random.
  { match: { exact: 'AMP_TEST' }, kind: 'both', vendor: 'Amplitude', source: SOURCE.amplitude },
  { match: { exact: 'AMP_TLDTEST' }, kind: 'cookie', vendor: 'Amplitude', source: SOURCE.amplitude },
  {
    match: { prefix: 'amplitude_cookie_test' },
    kind: 'cookie',
    vendor: 'Amplitude',
    source: SOURCE.amplitudeLegacy,
  },
  // The storage check MDN documents, copied by GrowingIO and many other libraries.
  {
    match: { exact: '__storage_test__' },
    kind: 'storage',
    testValue: '^__storage_test__$',
    source: SOURCE.mdnStorageCheck,
  },
];

/** Compiled on first use, not each time the worker wakes. */
const compiled = memoise(() =>
  SDK_PROBE_NAMES.map((entry) => ({
    entry,
    value: entry.testValue === undefined ? undefined : new RegExp(entry.testValue),
  })),
);

/** The known probe a cookie or storage key is, given its name and value; undefined when it is none. */
export function knownSdkProbe(
  kind: 'cookie' | 'storage',
  name: string,
  value: string,
): SdkProbeName | undefined {
  for (const { entry, value: test } of compiled()) {
    if (entry.kind !== 'both' && entry.kind !== kind) continue;
    const m = entry.match;
    const named = 'exact' in m ? name === m.exact : name.startsWith(m.prefix);
    if (named && (test === undefined || test.test(value))) return entry;
  }
  return undefined;
}
