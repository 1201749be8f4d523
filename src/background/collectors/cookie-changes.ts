import { browser } from 'wxt/browser';
import { cookieChangeAction, cookieDomainMatchesHost } from '../../core/observations/cookie-change';
import { cookieFromJar } from '../../core/observations/cookie-from-jar';
import type { CookieObservation, Observation } from '../../core/observations/observation';
import type { TrackedVisit } from '../../core/observations/page-visit';
import type { CookieWriters } from '../cookie-writers';
import type { VisitTracker } from '../visit-tracker';

/**
 * How long a change shared by several open tabs waits for its writer to be
 * named: a Set-Cookie header is heard before the change, a page hook's claim
 * of a script's write up to a batch (250 ms) and a message later. A worker
 * stopped meanwhile loses nothing: the next one reads the jar.
 */
const WAIT_FOR_WRITER_MS = 1_000;

/**
 * Records each logical cookie change on the sites of the monitored tabs. The
 * browser names no tab for a change: when two open tabs of the site share the
 * cookie and one of them is named as its writer, the others record it as seen
 * there, not done there (`notThisPage: 'another-tab'`), so their counts stay
 * theirs. With no writer named, every tab sharing it records it as before.
 */
export function watchCookieChanges(
  visits: VisitTracker,
  record: (o: Observation[]) => void,
  writers?: CookieWriters,
): void {
  browser.cookies.onChanged.addListener(async (change) => {
    const at = Date.now();
    await visits.ready;
    const action = cookieChangeAction(change);
    if (!action) return;
    const { cookie } = change;
    // A change heard while a tab awaits its navigation's response may be the new page's (Firefox reports the
    // response later): it is placed once the response is in, by the browser's clock.
    await visits.navigationsAnswered();
    const shares = (v: TrackedVisit) =>
      cookieDomainMatchesHost(cookie.domain, cookie.hostOnly, new URL(v.url).hostname);
    // The browser's timestamps have fractions of a millisecond; Date.now() has none.
    const heard = at + 1;
    const sharing = visits.all().flatMap((v) => {
      if (v.startedAt <= heard) return shares(v) ? [v] : [];
      // The tab's page began after the change: the change was its previous page's.
      const previous = visits.previous(v.tabId);
      return previous && previous.startedAt <= heard && shares(previous) ? [previous] : [];
    });
    if (sharing.length === 0) return;
    if (sharing.length === 1 || !writers || action !== 'set') {
      record(sharing.map((v) => cookieFromJar(cookie, action, v, at)));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_FOR_WRITER_MS));
    record(
      sharing.map((v): CookieObservation => {
        const observation = cookieFromJar(cookie, action, v, at);
        const apart = writers.notThisPage(cookie, v);
        return apart ? { ...observation, ...apart } : observation;
      }),
    );
  });
}
