import { browser } from 'wxt/browser';
import { cookieFromJar, type JarCookie } from '../../core/observations/cookie-from-jar';
import { evidenceLoss } from '../../core/observations/evidence-loss';
import type { Observation, PageVisit } from '../../core/observations/observation';
import { cookieQuery } from '../../stores/cookie-query';
import type { CookieWriters } from '../cookie-writers';

/** Reads the cookies the browser would send to a URL (the cookies API in the extension). */
export type ReadJar = (url: string) => Promise<JarCookie[]>;

const readBrowserJar: ReadJar = (url) => browser.cookies.getAll(cookieQuery({ url }));

/**
 * Every cookie the browser would send to the page, HttpOnly ones included:
 * the cookies API sees what `document.cookie` hides. A jar that cannot be read
 * is recorded as an evidence loss for the page, never passed over: the
 * snapshot is what catches a cookie whose change event never reached the worker.
 * One loss per visit however often the reading is refused (the jar is read at
 * each load, route, wake and export): it says the visit's evidence may be incomplete.
 */
export async function snapshotCookieJar(
  visit: PageVisit,
  writers?: CookieWriters,
  read: ReadJar = readBrowserJar,
): Promise<Observation[]> {
  let cookies: JarCookie[];
  try {
    cookies = await read(visit.url);
  } catch (error) {
    console.error('[inspector] Could not read the cookie jar for', visit.url, error);
    return [
      evidenceLoss({
        visit,
        cause: 'jar-unreadable',
        count: 1,
        observedAt: Date.now(),
        key: 'jar-unreadable',
        detail:
          `The browser refused the reading: ${error instanceof Error ? error.message : String(error)}`.slice(
            0,
            300,
          ),
      }),
    ];
  }
  const now = Date.now();
  return cookies.map((c) => {
    const observation = cookieFromJar(c, 'present', visit, now);
    // Read while the change it records still waits for its writer: the same fact, the same blame.
    const apart = writers?.notThisPage(c, visit);
    return apart ? { ...observation, ...apart } : observation;
  });
}
