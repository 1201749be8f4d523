import type { CookieAction } from './observation';

/**
 * Maps a `cookies.onChanged` event to the logical change it reports. An
 * overwrite arrives as a removal (cause "overwrite") followed by the new
 * cookie; the removal half is not a change of its own, so it yields null.
 */
export function cookieChangeAction(change: {
  removed: boolean;
  cause: string;
}): Extract<CookieAction, 'set' | 'removed'> | null {
  if (!change.removed) return 'set';
  return change.cause === 'overwrite' ? null : 'removed';
}

/** Whether a cookie with this domain would be sent to (or is visible from) a page on `pageHost`. */
export function cookieDomainMatchesHost(cookieDomain: string, hostOnly: boolean, pageHost: string): boolean {
  const host = pageHost.toLowerCase();
  const domain = cookieDomain.toLowerCase().replace(/^\./, '');
  if (hostOnly) return host === domain;
  return host === domain || host.endsWith(`.${domain}`);
}
