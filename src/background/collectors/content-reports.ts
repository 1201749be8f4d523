import { browser } from 'wxt/browser';
import { partyOf } from '../../core/classify/party';
import { observationFromDomPixel } from '../../core/observations/dom-pixel-observation';
import type { Observation } from '../../core/observations/observation';
import { observationsFromClaims } from '../../core/observations/page-claim-observation';
import { networkObservationFromTiming } from '../../core/observations/resource-timing-observation';
import { storageObservationsFrom } from '../../core/observations/storage-observation';
import {
  parseDomPixels,
  parseResourceTiming,
  parseStorageReadDue,
  parseStorageSnapshot,
} from '../../protocol/content-reports';
import { parsePageClaimsMessage } from '../../protocol/page-claims';
import type { MonitoredSites } from '../monitored-site-registry';
import type { VisitTracker } from '../visit-tracker';

const ALL_SITES = { origins: ['<all_urls>'] };

/**
 * Takes what content scripts report from monitored frames: storage snapshots,
 * the page's resource timing, beacon elements in the DOM, and the page hooks'
 * claims. The sender's tab and frame URL come from the browser, not from the
 * message, so a page cannot file its data under another page. Resource timing
 * is used only for third-party requests and only while the extension lacks
 * access to all sites; with it, webRequest sees more. Page claims are checked
 * again here: the content script's checks are not trusted either.
 */
export function watchContentReports(
  visits: VisitTracker,
  sites: MonitoredSites,
  record: (o: Observation[]) => void,
  /**
   * Told when a page's own frame sends a reading of its storage, says another
   * is due (a script wrote to it), and sends that one.
   */
  onPageStorage: (visitId: string, reading: 'arrived' | 'due' | 'due-arrived') => void = () => {},
): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const frameUrl = frameUrlOf(sender);
    if (
      sender.id !== browser.runtime.id ||
      sender.tab?.id === undefined ||
      frameUrl === undefined ||
      !sites.covers(frameUrl)
    ) {
      return undefined;
    }
    const tabId = sender.tab.id;
    const origin = new URL(frameUrl).origin;
    if (parseStorageReadDue(raw)) {
      if (sender.frameId === 0) {
        void visits.ready.then(() => {
          const visit = visits.ofFrame(tabId, sender.frameId, frameUrl);
          if (visit) onPageStorage(visit.visitId, 'due');
        });
      }
      return undefined;
    }
    const snapshot = parseStorageSnapshot(raw);
    const timing = snapshot ? null : parseResourceTiming(raw);
    const pixels = snapshot || timing ? null : parseDomPixels(raw);
    const claims = snapshot || timing || pixels ? null : parsePageClaimsMessage(raw);
    if (!snapshot && !timing && !pixels && !claims) return undefined;
    void (async () => {
      await visits.ready;
      const visit = visits.ofFrame(tabId, sender.frameId, frameUrl);
      if (!visit) return;
      const now = Date.now();
      if (snapshot) {
        record(storageObservationsFrom(origin, snapshot.entries, visit, now));
        if (sender.frameId === 0)
          onPageStorage(visit.visitId, snapshot.answersDue ? 'due-arrived' : 'arrived');
      }
      if (pixels) record(pixels.pixels.map((p) => observationFromDomPixel(p, visit, frameUrl, now)));
      if (claims) {
        record(
          observationsFromClaims(claims.claims, {
            page: visit,
            frameUrl,
            frame: claims.frame,
            observedAt: now,
          }),
        );
        if (claims.refused + claims.dropped > 0) warnClaimsLost(claims.refused, claims.dropped);
      }
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

/**
 * The frame's URL; an about:blank or srcdoc frame, a favourite hiding place,
 * stands for the origin it inherits from the page that made it.
 */
function frameUrlOf(sender: { url?: string; origin?: string }): string | undefined {
  if (sender.url?.startsWith('about:') && sender.origin?.startsWith('http')) return `${sender.origin}/`;
  return sender.url;
}

/** The page refused or flooded the bridge: that is worth a line in the worker's log, not a crash. */
function warnClaimsLost(refused: number, dropped: number): void {
  console.warn(`Page hooks: ${refused} malformed claims refused, ${dropped} dropped over the rate limit.`);
}
