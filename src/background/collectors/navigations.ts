import { browser } from 'wxt/browser';
import type { PageContext } from '../../core/observations/cookie-from-jar';
import { navigationObservation } from '../../core/observations/link-decoration';
import type { Observation } from '../../core/observations/observation';
import type { VisitTracker } from '../visit-tracker';

/** Navigations followed at once; a page cannot make this grow without bound. */
const MAX_PENDING = 200;
/** Redirects followed per navigation; the browser itself stops at about 20. */
const MAX_HOPS = 50;

/**
 * Follows each navigation that leaves a monitored page, redirect by redirect
 * (webRequest's main-frame requests and onBeforeRedirect), and records it when
 * it ends if a URL on the way carries click or person ids, or if it bounced
 * through a tracker's host on its way to another site. It is filed under the
 * page left: the one whose link or script sent the visitor there. Chrome sees
 * a hop only on hosts it may read: the audit build reads all; the store build
 * sees the monitored sites' hops until all sites are granted.
 */
export function watchNavigations(visits: VisitTracker, record: (observations: Observation[]) => void): void {
  const pending = new Map<string, { page: PageContext; chain: string[] }>();
  const filter = { urls: ['<all_urls>'], types: ['main_frame' as const] };

  browser.webRequest.onBeforeRequest.addListener((details) => {
    if (details.tabId < 0) return undefined;
    // The page still shown is the one being left; a tab's first page leaves none.
    const visit = visits.current(details.tabId);
    if (!visit) return undefined;
    if (pending.size >= MAX_PENDING) {
      const oldest = pending.keys().next().value;
      if (oldest !== undefined) pending.delete(oldest);
    }
    pending.set(details.requestId, {
      page: { tabId: visit.tabId, visitId: visit.visitId, url: visit.url },
      chain: [details.url],
    });
    return undefined;
  }, filter);

  browser.webRequest.onBeforeRedirect.addListener((details) => {
    const followed = pending.get(details.requestId);
    if (followed && followed.chain.length < MAX_HOPS) followed.chain.push(details.redirectUrl);
  }, filter);

  const end = (details: { requestId: string; timeStamp: number }) => {
    const followed = pending.get(details.requestId);
    if (!followed) return;
    pending.delete(details.requestId);
    const observation = navigationObservation(
      followed.chain,
      followed.page,
      details.timeStamp,
      details.requestId,
    );
    if (observation) record([observation]);
  };
  browser.webRequest.onCompleted.addListener(end, filter);
  browser.webRequest.onErrorOccurred.addListener(end, filter);
}
