/*
 * Fast, allocation-light parsing of the parts of a URL the classifiers need.
 * Browsers hand over URLs already normalised (lower-case scheme and host,
 * punycode), so a scan suffices where `new URL()` would cost a microsecond.
 */

const SCHEME_AND_AUTHORITY = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i;
const MAX_PATH_LENGTH = 256;

export interface UrlParts {
  scheme: string;
  /** Lower-case host without port or brackets; '' when there is none. */
  host: string;
  /** Lower-case path ('/' when empty), cut to its first 256 characters: enough for any catalogued prefix. */
  path: string;
  /** The query without '?', as written ('' when none). */
  query: string;
}

/** The scheme, host, path and query of an absolute URL, or null when it has no authority. */
export function urlParts(url: string): UrlParts | null {
  const match = SCHEME_AND_AUTHORITY.exec(url);
  if (!match) return null;
  const scheme = (match[1] ?? '').toLowerCase();
  let authority = match[2] ?? '';
  const at = authority.lastIndexOf('@');
  if (at !== -1) authority = authority.slice(at + 1);
  let host: string;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    host = close === -1 ? authority.slice(1) : authority.slice(1, close);
  } else {
    const colon = authority.indexOf(':');
    host = colon === -1 ? authority : authority.slice(0, colon);
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  const rest = url.slice(match[0].length);
  let end = rest.indexOf('#');
  if (end === -1) end = rest.length;
  const question = rest.indexOf('?');
  const pathEnd = question === -1 || question > end ? end : question;
  const path = rest.slice(0, Math.min(pathEnd, MAX_PATH_LENGTH)) || '/';
  const query = question === -1 || question > end ? '' : rest.slice(question + 1, end);
  return { scheme, host: host.toLowerCase(), path: path.toLowerCase(), query };
}

/** The lower-case host of a URL or origin, or '' when it has none. */
export function hostOfUrl(url: string): string {
  const match = SCHEME_AND_AUTHORITY.exec(url);
  if (!match) return '';
  let authority = match[2] ?? '';
  const at = authority.lastIndexOf('@');
  if (at !== -1) authority = authority.slice(at + 1);
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    return (close === -1 ? authority.slice(1) : authority.slice(1, close)).toLowerCase();
  }
  const colon = authority.indexOf(':');
  const host = colon === -1 ? authority : authority.slice(0, colon);
  return (host.endsWith('.') ? host.slice(0, -1) : host).toLowerCase();
}
