import { parse } from 'tldts';
import { BoundedCache } from '../util/bounded-cache';

export type Party = 'first-party' | 'third-party';

/**
 * The registrable domain ("site") of a host, cookie domain or URL, following
 * the Public Suffix List including its private section, as browsers do: so
 * a.github.io and b.github.io are different sites.
 *
 * IP addresses and localhost have no registrable domain but are sites of
 * their own to a browser, so they stand for themselves. Returns null when the
 * input has no host at all or is itself a public suffix (co.uk).
 */
export function registrableDomain(hostOrUrl: string): string | null {
  if (hostOrUrl.length > MAX_CACHED_LENGTH) return computeRegistrableDomain(hostOrUrl);
  const cached = siteCache.get(hostOrUrl);
  if (cached !== undefined) return cached;
  const site = computeRegistrableDomain(hostOrUrl);
  siteCache.set(hostOrUrl, site);
  return site;
}

/**
 * Sites of hosts and page URLs recur across observations, and parsing against
 * the Public Suffix List costs microseconds, so answers are remembered.
 */
const siteCache = new BoundedCache<string, string | null>(20_000);
const MAX_CACHED_LENGTH = 512;

function computeRegistrableDomain(hostOrUrl: string): string | null {
  // A cookie domain may carry leading dots (".jeejio.com") and a host a
  // trailing root dot ("jeejio.com."); neither changes the site.
  const input = hostOrUrl.trim().toLowerCase().replace(/^\.+/, '').replace(/\.$/, '');
  if (input === '') return null;
  const parsed = parse(input, { allowPrivateDomains: true });
  const hostname = parsed.hostname;
  if (!hostname) return null;
  if (parsed.isIp) return hostname;
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return 'localhost';
  return parsed.domain;
}

/**
 * Whether a cookie's domain or a request's host belongs to the same site as
 * the page. Anything that cannot be placed is counted as third-party, the
 * side that draws scrutiny rather than hides it.
 */
export function partyOf(cookieOrRequestHost: string, pageUrl: string): Party {
  const hostSite = registrableDomain(cookieOrRequestHost);
  const pageSite = registrableDomain(pageUrl);
  return hostSite !== null && hostSite === pageSite ? 'first-party' : 'third-party';
}
