import type {
  CookieObservation,
  FingerprintObservation,
  NetworkObservation,
  PolicyTextObservation,
  StorageObservation,
} from '../../src/core/observations/observation';

let counter = 0;
const next = () => {
  counter += 1;
  return counter;
};

const PAGE = 'https://www.jeejio.com/';

/** A cookie observation with sensible defaults: a Secure, HttpOnly first-party cookie on www.jeejio.com. */
export function cookieObservation(overrides: Partial<CookieObservation> = {}): CookieObservation {
  const n = next();
  const value = overrides.value ?? 'abc123';
  return {
    id: `cookie-${n}`,
    kind: 'cookie',
    provenance: 'cookies-api',
    observedAt: 1_700_000_000_000 + n,
    tabId: 1,
    visitId: 'visit-1',
    pageUrl: PAGE,
    action: 'present',
    name: 'JSESSIONID',
    value,
    valueLength: value.length,
    domain: 'www.jeejio.com',
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'lax',
    session: true,
    hostOnly: true,
    ...overrides,
  };
}

/** A localStorage entry of www.jeejio.com. */
export function storageObservation(overrides: Partial<StorageObservation> = {}): StorageObservation {
  const n = next();
  const value = overrides.value ?? 'v';
  return {
    id: `storage-${n}`,
    kind: 'storage',
    provenance: 'dom',
    observedAt: 1_700_000_000_000 + n,
    tabId: 1,
    visitId: 'visit-1',
    pageUrl: PAGE,
    area: 'localStorage',
    action: 'present',
    origin: 'https://www.jeejio.com',
    key: 'k',
    value,
    valueLength: value.length,
    ...overrides,
  };
}

/** A GET request from www.jeejio.com; `kind: 'beacon'` makes it a beacon. */
export function requestObservation(overrides: Partial<NetworkObservation> = {}): NetworkObservation {
  const n = next();
  return {
    id: `request-${n}`,
    kind: 'request',
    provenance: 'webRequest',
    observedAt: 1_700_000_000_000 + n,
    tabId: 1,
    visitId: 'visit-1',
    pageUrl: PAGE,
    url: 'https://www.jeejio.com/api/ping',
    method: 'GET',
    resourceType: 'xmlhttprequest',
    initiator: 'https://www.jeejio.com',
    ...overrides,
  };
}

export function beaconObservation(overrides: Partial<NetworkObservation> = {}): NetworkObservation {
  return requestObservation({ kind: 'beacon', resourceType: 'ping', beaconSignals: ['ping'], ...overrides });
}

export function policyTextObservation(
  text: string,
  url = 'https://www.jeejio.com/privacy',
): PolicyTextObservation {
  const n = next();
  return {
    id: `policy-${n}`,
    kind: 'policy-text',
    provenance: 'dom',
    observedAt: 1_700_000_000_000 + n,
    tabId: 1,
    visitId: 'visit-1',
    pageUrl: url,
    url,
    text,
  };
}

/** A page hook's report of a fingerprinting call by a third-party script. */
export function fingerprintObservation(
  overrides: Partial<FingerprintObservation> = {},
): FingerprintObservation {
  const n = next();
  return {
    id: `fingerprint-${n}`,
    kind: 'fingerprint',
    provenance: 'page-hook',
    observedAt: 1_700_000_000_000 + n,
    tabId: 1,
    visitId: 'visit-1',
    pageUrl: PAGE,
    technique: 'canvas',
    detail: 'read back a canvas after drawing text',
    scriptUrl: 'https://cdn.fp.example/fp.js',
    ...overrides,
  };
}
