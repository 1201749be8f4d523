import { browser } from 'wxt/browser';
import { partyOf } from '../../classify/party';
import { parseResourceTiming, parseStorageSnapshot } from '../../messaging/content-messages';
import type { Observation } from '../../observations/observation';
import { networkObservationFromTiming } from '../../observations/resource-timing-observation';
import { storageObservationsFrom } from '../../observations/storage-observation';
import { isMonitoredUrl } from '../../sites/monitored-sites';
import type { VisitTracker } from '../visit-tracker';

const ALL_SITES = { origins: ['<all_urls>'] };

/**
 * Takes what content scripts report from monitored frames: storage snapshots,
 * and the page's resource timing. The sender's tab and frame URL come from the
 * browser, not from the message, so a page cannot file its data under another
 * page. Resource timing is used only for third-party requests and only while
 * the extension lacks access to all sites; with it, webRequest sees more.
 */
export function watchContentReports(visits: VisitTracker, record: (o: Observation[]) => void): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined || !isMonitoredUrl(sender.url)) {
      return undefined;
    }
    const tabId = sender.tab.id;
    const origin = new URL(sender.url as string).origin;
    const snapshot = parseStorageSnapshot(raw);
    const timing = snapshot ? null : parseResourceTiming(raw);
    if (!snapshot && !timing) return undefined;
    void (async () => {
      await visits.ready;
      const visit = visits.current(tabId);
      if (!visit) return;
      if (snapshot) record(storageObservationsFrom(origin, snapshot.entries, visit, Date.now()));
      if (timing && !(await browser.permissions.contains(ALL_SITES))) {
        record(
          timing.entries
            .filter((e) => partyOf(new URL(e.url).hostname, visit.url) === 'third-party')
            .map((e) => networkObservationFromTiming(e, visit)),
        );
      }
    })();
    return undefined;
  });
}
