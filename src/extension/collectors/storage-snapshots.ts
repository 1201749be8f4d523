import { browser } from 'wxt/browser';
import { parseStorageSnapshot } from '../../messaging/content-messages';
import type { Observation } from '../../observations/observation';
import { storageObservationsFrom } from '../../observations/storage-observation';
import { isMonitoredUrl } from '../../sites/monitored-sites';
import type { VisitTracker } from '../visit-tracker';

/**
 * Takes the storage snapshots content scripts send from monitored frames.
 * The sender's tab and frame URL come from the browser, not from the message,
 * so a page cannot file its storage under another page.
 */
export function watchStorageSnapshots(visits: VisitTracker, record: (o: Observation[]) => void): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined || !isMonitoredUrl(sender.url)) {
      return undefined;
    }
    const snapshot = parseStorageSnapshot(raw);
    if (!snapshot) return undefined;
    const tabId = sender.tab.id;
    const origin = new URL(sender.url as string).origin;
    void visits.ready.then(() => {
      const visit = visits.current(tabId);
      if (visit) record(storageObservationsFrom(origin, snapshot.entries, visit, Date.now()));
    });
    return undefined;
  });
}
