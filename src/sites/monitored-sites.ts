/**
 * The sites the extension watches. Jeejio's main site, Open Platform, IoT Open
 * Platform, developer guide and Mini Application Platform all live under
 * jeejio.com, so one pattern covers them.
 */
export const MONITORED_HOST_PATTERNS = ['*://*.jeejio.com/*'] as const;

export const MONITORED_DOMAINS: readonly string[] = ['jeejio.com'];

/** True for jeejio.com and any of its subdomains. */
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
