import { browser } from 'wxt/browser';
import { cookieFromJar } from '../../core/observations/cookie-from-jar';
import type { Observation, PageVisit } from '../../core/observations/observation';
import { cookieQuery } from '../../stores/cookie-query';
import type { CookieWriters } from '../cookie-writers';

/**
 * Every cookie the browser would send to the page, HttpOnly ones included:
 * the cookies API sees what `document.cookie` hides.
 */
export async function snapshotCookieJar(visit: PageVisit, writers?: CookieWriters): Promise<Observation[]> {
  const cookies = await browser.cookies.getAll(cookieQuery({ url: visit.url }));
  const now = Date.now();
  return cookies.map((c) => {
    const observation = cookieFromJar(c, 'present', visit, now);
    // Read while the change it records still waits for its writer: the same fact, the same blame.
    const apart = writers?.notThisPage(c, visit);
    return apart ? { ...observation, ...apart } : observation;
  });
}
