import { browser } from 'wxt/browser';
import type { Observation } from '../../core/observations/observation';
import type { CookieWriters } from '../cookie-writers';
import type { MonitoredSites } from '../monitored-site-registry';
import type { VisitTracker } from '../visit-tracker';
import { snapshotCookieJar } from './cookie-jar-snapshot';

/**
 * Follows top-level navigations: a monitored page starts (or confirms) a visit
 * and its cookie jar is read when the page commits and again when it has loaded.
 * A single-page app moving to another route (pushState, a hash route) starts a
 * visit for that route, whose jar is read as it begins.
 */
export function watchPageNavigation(
  visits: VisitTracker,
  sites: MonitoredSites,
  record: (o: Observation[]) => void,
  /** Who wrote the cookies lately: one another open tab just wrote is not this page's doing. */
  writers?: CookieWriters,
): void {
  browser.webNavigation.onBeforeNavigate.addListener((details) => {
    if (details.frameId === 0) visits.navigationStarted(details.tabId);
  });
  browser.webNavigation.onCommitted.addListener(async (details) => {
    if (details.frameId !== 0) return;
    await Promise.all([visits.ready, sites.ready]);
    if (!sites.covers(details.url)) {
      visits.end(details.tabId);
      return;
    }
    const visit = visits.committed(details.tabId, details.url, details.timeStamp);
    record(await snapshotCookieJar(visit, writers));
  });
  browser.webNavigation.onCompleted.addListener(async (details) => {
    if (details.frameId !== 0) return;
    await visits.ready;
    const visit = visits.current(details.tabId);
    if (visit && visit.url === details.url) record(await snapshotCookieJar(visit, writers));
  });
  const routeChanged = async (details: {
    frameId: number;
    tabId: number;
    url: string;
    timeStamp: number;
  }) => {
    if (details.frameId !== 0) return;
    await Promise.all([visits.ready, sites.ready]);
    if (!sites.covers(details.url)) return;
    const route = visits.routeChanged(details.tabId, details.url, details.timeStamp);
    if (route) record(await snapshotCookieJar(route, writers));
  };
  browser.webNavigation.onHistoryStateUpdated.addListener(routeChanged);
  browser.webNavigation.onReferenceFragmentUpdated.addListener(routeChanged);
  browser.tabs.onRemoved.addListener(async (tabId) => {
    await visits.ready;
    visits.end(tabId);
  });
}
