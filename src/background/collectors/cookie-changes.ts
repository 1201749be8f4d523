import { browser } from 'wxt/browser';
import { cookieChangeAction, cookieDomainMatchesHost } from '../../core/observations/cookie-change';
import { cookieFromJar } from '../../core/observations/cookie-from-jar';
import type { Observation } from '../../core/observations/observation';
import type { VisitTracker } from '../visit-tracker';

/** Records each logical cookie change on the sites of the monitored tabs. */
export function watchCookieChanges(visits: VisitTracker, record: (o: Observation[]) => void): void {
  browser.cookies.onChanged.addListener(async (change) => {
    await visits.ready;
    const action = cookieChangeAction(change);
    if (!action) return;
    const { cookie } = change;
    const observed = visits
      .all()
      .filter((v) => cookieDomainMatchesHost(cookie.domain, cookie.hostOnly, new URL(v.url).hostname))
      .map((v) => cookieFromJar(cookie, action, v, Date.now()));
    if (observed.length > 0) record(observed);
  });
}
