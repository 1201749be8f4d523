import { parseString } from 'set-cookie-parser';
import { stableId } from '../util/stable-id';
import { boundText, MAX_HEADER_CHARS, MAX_VALUE_CHARS } from './bounded-text';
import type { PageContext } from './cookie-from-jar';
import type { CookieObservation, SameSite } from './observation';

export interface SetCookieResponse {
  /** The browser's id for the request; unique within a browser session. */
  requestId: string;
  url: string;
  /** Every Set-Cookie header value, in order. Firefox joins several with newlines. */
  setCookieHeaders: readonly string[];
}

/**
 * One `set-attempt` observation per Set-Cookie line. The browser may refuse
 * some (third-party blocking, bad attributes): the attempt is evidence anyway.
 * Malformed lines are kept with a warning rather than dropped.
 */
export function cookiesFromSetCookie(
  response: SetCookieResponse,
  page: PageContext,
  observedAt: number,
): CookieObservation[] {
  const lines = response.setCookieHeaders.flatMap((h) => h.split('\n')).filter((l) => l.trim() !== '');
  let requestHost = '';
  let requestIsHttps = false;
  try {
    const url = new URL(response.url);
    requestHost = url.hostname;
    requestIsHttps = url.protocol === 'https:';
  } catch {
    // An unparseable URL still yields observations; the domain stays empty.
  }
  return lines.map((line, index) => {
    const raw = boundText(line, MAX_HEADER_CHARS);
    const warnings: string[] = [];
    if (raw.truncated) warnings.push(`Header of ${raw.length} characters truncated to ${MAX_HEADER_CHARS}.`);
    const parsed = parseString(raw.text, { decodeValues: false }) ?? { name: '', value: '' };
    const name = parsed.name ?? '';
    const valueText = parsed.value ?? '';
    if (name === '' && valueText === '')
      warnings.push('Malformed Set-Cookie header: no cookie name or value.');
    else if (name === '') warnings.push('Set-Cookie header with an empty cookie name.');
    const value = boundText(valueText, MAX_VALUE_CHARS);
    if (value.truncated)
      warnings.push(`Value of ${value.length} characters truncated to ${MAX_VALUE_CHARS}.`);
    const domainAttribute = parsed.domain?.trim().toLowerCase().replace(/^\./, '');
    const expires = expirySeconds(parsed.maxAge, parsed.expires, observedAt);
    const observation: CookieObservation = {
      id: stableId('h', [response.requestId, response.url, index, line]),
      kind: 'cookie',
      provenance: 'webRequest',
      observedAt,
      tabId: page.tabId,
      visitId: page.visitId,
      pageUrl: page.url,
      action: 'set-attempt',
      name,
      value: value.text,
      valueLength: value.length,
      domain: domainAttribute ? `.${domainAttribute}` : requestHost,
      path: parsed.path ?? '/',
      secure: parsed.secure === true,
      httpOnly: parsed.httpOnly === true,
      sameSite: sameSiteOf(parsed.sameSite),
      session: expires === undefined,
      hostOnly: !domainAttribute,
      url: response.url,
      rawHeader: raw.text,
    };
    if (expires !== undefined) observation.expires = expires;
    if (parsed.secure && !requestIsHttps)
      warnings.push('Secure cookie sent over plain HTTP; browsers refuse it.');
    if (warnings.length > 0) observation.warnings = warnings;
    return observation;
  });
}

function expirySeconds(
  maxAge: number | undefined,
  expires: Date | undefined,
  now: number,
): number | undefined {
  if (maxAge !== undefined && Number.isFinite(maxAge)) return Math.floor(now / 1000) + maxAge;
  if (expires && !Number.isNaN(expires.getTime())) return Math.floor(expires.getTime() / 1000);
  return undefined;
}

function sameSiteOf(value: string | undefined): SameSite {
  const v = value?.toLowerCase();
  return v === 'strict' || v === 'lax' || v === 'none' ? v : 'unspecified';
}
