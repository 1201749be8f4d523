import { browser } from 'wxt/browser';
import type { VisitTracker } from '../visit-tracker';
import type { ScreenshotTaker } from './screenshot-taker';

/** A monitored page that finished loading is shown to the screenshot taker (which acts only while recording). */
export function watchPageLoadsForScreenshots(visits: VisitTracker, taker: ScreenshotTaker): void {
  browser.webNavigation.onCompleted.addListener(async (details) => {
    if (details.frameId !== 0) return;
    await visits.ready;
    if (visits.current(details.tabId)?.url === details.url) await taker.pageLoaded(details.tabId);
  });
}
