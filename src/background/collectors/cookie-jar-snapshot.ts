import { browser } from 'wxt/browser';
import { cookieFromJar } from '../../core/observations/cookie-from-jar';
import type { Observation, PageVisit } from '../../core/observations/observation';

/**
 * Every cookie the browser would send to the page, HttpOnly ones included:
 * the cookies API sees what `document.cookie` hides.
 */
export async function snapshotCookieJar(visit: PageVisit): Promise<Observation[]> {
  const cookies = await browser.cookies.getAll({ url: visit.url });
  const now = Date.now();
  return cookies.map((c) => cookieFromJar(c, 'present', visit, now));
}
