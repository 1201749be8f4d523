import { parse } from 'tldts';

/**
 * The sites the extension watches. Jeejio's main site, Open Platform, IoT Open
 * Platform, developer guide and Mini Application Platform all live under
 * jeejio.com, so one pattern covers them; testers add their staging hosts.
 */
export const MONITORED_HOST_PATTERNS = ['*://*.jeejio.com/*'] as const;

export const MONITORED_DOMAINS: readonly string[] = ['jeejio.com'];

/** A host a user added, with the match pattern its permission and content scripts use. */
export interface SiteEntry {
  domain: string;
  pattern: string;
}

export const MAX_ADDED_SITES = 50;

/** Why a typed site was refused; the options page words each in the user's language. */
export type SiteEntryProblem =
  | 'empty'
  | 'too-long'
  | 'wildcard'
  | 'scheme'
  | 'not-a-host'
  | 'credentials'
  | 'ipv6'
  | 'public-suffix';

/** True for the domain itself and any of its subdomains. */
export function isMonitoredHost(host: string, domains: readonly string[] = MONITORED_DOMAINS): boolean {
  const h = host.toLowerCase().replace(/^\./, '').replace(/\.$/, '');
  return domains.some((d) => h === d || h.endsWith(`.${d}`));
}

/** True for an http(s) URL on a monitored host; false for anything unparseable. */
export function isMonitoredUrl(url: string | undefined, domains?: readonly string[]): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  return isMonitoredHost(parsed.hostname, domains);
}

/**
 * Reads what a tester typed as a site to watch: a host ("staging.example.com"),
 * a wildcard host ("*.staging.example.com") or a URL. The site covers the host
 * and its subdomains. Ports and paths are dropped: permissions and content
 * scripts in browsers match hosts, not ports. A bare public suffix ("com",
 * "github.io") is refused, since it would watch countless unrelated sites.
 */
export function parseSiteEntry(input: string): SiteEntry | { problem: SiteEntryProblem } {
  const text = input.trim();
  if (text === '') return { problem: 'empty' };
  if (text.length > 253 + 20) return { problem: 'too-long' };
  const withoutWildcard = text.replace(/^(\w+:\/\/)?\*\./, '$1');
  if (withoutWildcard.includes('*')) {
    return { problem: 'wildcard' };
  }
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(withoutWildcard);
  if (hasScheme && !/^https?:\/\//i.test(withoutWildcard)) {
    return { problem: 'scheme' };
  }
  let url: URL;
  try {
    url = new URL(hasScheme ? withoutWildcard : `https://${withoutWildcard}`);
  } catch {
    return { problem: 'not-a-host' };
  }
  if (url.username || url.password) return { problem: 'credentials' };
  const host = url.hostname.replace(/\.$/, '');
  if (host === '' || host.includes('%')) return { problem: 'not-a-host' };
  if (host.startsWith('[')) return { problem: 'ipv6' };
  const parsed = parse(host, { allowPrivateDomains: true });
  if (parsed.isIp) return { domain: host, pattern: `*://${host}/*` };
  if (host === 'localhost') return { domain: host, pattern: '*://localhost/*' };
  // An unknown single label ("staging" on an intranet) is a host of its own; "com" or "github.io" is not.
  if (parsed.domain === null && (parsed.isIcann === true || parsed.isPrivate === true)) {
    return { problem: 'public-suffix' };
  }
  if (!/^[a-z0-9.-]+$/.test(host) || host.split('.').some((label) => label === '' || label.length > 63)) {
    return { problem: 'not-a-host' };
  }
  return { domain: host, pattern: `*://*.${host}/*` };
}

/** Whether an added host is already watched, by a built-in domain or an earlier entry. */
export function coveredBy(domain: string, domains: readonly string[]): string | undefined {
  return domains.find((d) => domain === d || domain.endsWith(`.${d}`));
}
