import { stableId } from '../util/stable-id';
import { boundText, MAX_VALUE_CHARS } from './bounded-text';
import type { CookieAction, CookieObservation, PageVisit, SameSite } from './observation';

/** The fields of a cookie as the extension cookies API reports it (Chrome and Firefox agree). */
export interface JarCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite?: string;
  session: boolean;
  expirationDate?: number;
}

/** The page an observation belongs to. */
export type PageContext = Pick<PageVisit, 'tabId' | 'visitId' | 'url'>;

/**
 * An observation of a cookie in the browser's jar: `present` when read by a
 * snapshot, `set` or `removed` when reported as a change. The id covers the
 * cookie's full state, so re-reading an unchanged cookie on the same visit
 * yields the same id and is stored once.
 */
export function cookieFromJar(
  cookie: JarCookie,
  action: Exclude<CookieAction, 'set-attempt'>,
  page: PageContext,
  observedAt: number,
): CookieObservation {
  const value = boundText(cookie.value, MAX_VALUE_CHARS);
  const sameSite = normalizeSameSite(cookie.sameSite);
  const observation: CookieObservation = {
    id: stableId('c', [
      page.visitId,
      // A snapshot and a change report of the same state are the same fact.
      action === 'removed' ? 'removed' : 'stored',
      cookie.name,
      cookie.domain,
      cookie.path,
      cookie.value,
      cookie.secure,
      cookie.httpOnly,
      sameSite,
      cookie.expirationDate === undefined ? undefined : Math.floor(cookie.expirationDate),
    ]),
    kind: 'cookie',
    provenance: 'cookies-api',
    observedAt,
    tabId: page.tabId,
    visitId: page.visitId,
    pageUrl: page.url,
    action,
    name: cookie.name,
    value: value.text,
    valueLength: value.length,
    domain: cookie.domain,
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite,
    session: cookie.session,
    hostOnly: cookie.hostOnly,
  };
  if (cookie.expirationDate !== undefined) observation.expires = cookie.expirationDate;
  if (value.truncated)
    observation.warnings = [`Value of ${value.length} characters truncated to ${MAX_VALUE_CHARS}.`];
  return observation;
}

function normalizeSameSite(sameSite: string | undefined): SameSite {
  switch (sameSite) {
    case 'strict':
      return 'strict';
    case 'lax':
      return 'lax';
    case 'no_restriction':
    case 'none':
      return 'none';
    default:
      return 'unspecified';
  }
}
