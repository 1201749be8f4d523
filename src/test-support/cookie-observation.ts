import type { CookieObservation } from '../observations/observation';

let counter = 0;

/** A cookie observation with sensible defaults: a Secure, HttpOnly first-party cookie on www.jeejio.com. */
export function cookieObservation(overrides: Partial<CookieObservation> = {}): CookieObservation {
  counter += 1;
  const value = overrides.value ?? 'abc123';
  return {
    id: `test-${counter}`,
    kind: 'cookie',
    provenance: 'cookies-api',
    observedAt: 1_700_000_000_000 + counter,
    tabId: 1,
    visitId: 'visit-1',
    pageUrl: 'https://www.jeejio.com/',
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
