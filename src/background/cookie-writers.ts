import { registrableDomain } from '../core/classify/party';
import type { Observation } from '../core/observations/observation';

/** How long a write names its tab for the cookie change that follows it. */
const REMEMBER_MS = 10_000;
/** Cookies remembered at once; a page cannot make this grow without bound (the oldest go first). */
const MAX_COOKIES = 2_000;

export interface CookieWriter {
  tabId: number;
  /** The page that wrote it. */
  pageUrl: string;
  /** When the write was heard. */
  at: number;
}

/**
 * Which tab wrote a cookie lately, from what names the tab: a Set-Cookie
 * header (webRequest files it under the tab that made the request) and a page
 * hook's claim of a `document.cookie` write (from the tab's own content
 * script). `cookies.onChanged` names no tab, so a change of a cookie two open
 * tabs of the site share is asked here whose doing it was.
 */
export class CookieWriters {
  private readonly byCookie = new Map<string, CookieWriter[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Notes the writes among observations on their way to the store. */
  note(observations: readonly Observation[]): void {
    for (const o of observations) {
      if (o.kind !== 'cookie' || (o.action !== 'set-attempt' && o.action !== 'script-write')) continue;
      const key = cookieKey(o.name, o.domain);
      const at = this.now();
      // A tab's latest write stands for it: its page and time are the ones to blame.
      const recent = (this.byCookie.get(key) ?? []).filter(
        (w) => at - w.at <= REMEMBER_MS && w.tabId !== o.tabId,
      );
      recent.push({ tabId: o.tabId, pageUrl: o.pageUrl, at });
      // Re-inserted: the map's order is the order of last writes, so the oldest is dropped first.
      this.byCookie.delete(key);
      this.byCookie.set(key, recent);
      if (this.byCookie.size > MAX_COOKIES) {
        const oldest = this.byCookie.keys().next().value;
        if (oldest !== undefined) this.byCookie.delete(oldest);
      }
    }
  }

  /** The tabs that wrote this cookie in the last seconds; none when nothing named a writer. */
  writersOf(name: string, domain: string): CookieWriter[] {
    const at = this.now();
    return (this.byCookie.get(cookieKey(name, domain)) ?? []).filter((w) => at - w.at <= REMEMBER_MS);
  }

  /**
   * Whether a cookie the visit sees was another open tab's doing: written
   * lately by another tab, after the visit began, and not by the visit's own
   * tab. A cookie already in the jar when a page loads still counts for it.
   */
  notThisPage(
    cookie: { name: string; domain: string },
    visit: { tabId: number; startedAt: number },
  ): { notThisPage: 'another-tab'; writtenOn: string } | undefined {
    const writers = this.writersOf(cookie.name, cookie.domain);
    if (writers.some((w) => w.tabId === visit.tabId)) return undefined;
    const other = writers.find((w) => w.at >= visit.startedAt);
    return other && { notThisPage: 'another-tab', writtenOn: other.pageUrl };
  }
}

/** A cookie by name and site: a header's Domain, a claim's host and the jar's domain differ in form, not in site. */
function cookieKey(name: string, domain: string): string {
  const host = domain.toLowerCase().replace(/^\./, '');
  return `${name}\u0000${registrableDomain(host) ?? host}`;
}
