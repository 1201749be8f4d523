import { browser } from 'wxt/browser';
import { partyOf } from '../../core/classify/party';
import { observationFromDomPixel } from '../../core/observations/dom-pixel-observation';
import { evidenceLoss } from '../../core/observations/evidence-loss';
import { outboundLinkObservations } from '../../core/observations/link-decoration';
import type { Observation, PageVisit } from '../../core/observations/observation';
import { MAX_OUTBOUND_LINKS } from '../../core/observations/outbound-link-limit';
import { observationsFromClaims } from '../../core/observations/page-claim-observation';
import { documentOf } from '../../core/observations/page-visit';
import { networkObservationFromTiming } from '../../core/observations/resource-timing-observation';
import { storageObservationsFrom } from '../../core/observations/storage-observation';
import {
  type ContentReport,
  type ContentReportOf,
  MAX_PIXELS_PER_FRAME,
  MAX_SNAPSHOT_ENTRIES,
  parseContentReport,
  REPORT_KEPT,
  REPORT_REFUSED,
} from '../../protocol/content-reports';
import { referenceTablesLoaded } from '../../stores/packaged-reference-tables';
import type { MonitoredSites } from '../monitored-site-registry';
import type { VisitTracker } from '../visit-tracker';

const ALL_SITES = { origins: ['<all_urls>'] };

/** Where a report came from, as the browser (not the message) says. */
interface ReportSource {
  visit: PageVisit;
  /** The document load the visit's page began with: a route change keeps the document, and its readings. */
  document: string;
  frameUrl: string;
  /** Whether it is the page's own frame rather than one inside it. */
  topFrame: boolean;
  receivedAt: number;
}

type PageStorageReading = 'arrived' | 'due' | 'due-arrived';

type Handlers = {
  [K in ContentReport['type']]: (report: ContentReportOf<K>, source: ReportSource) => void | Promise<void>;
};

/**
 * Takes what content scripts report from monitored frames: storage snapshots,
 * the page's resource timing, beacon elements in the DOM, and the page hooks'
 * claims, each parsed once by the content-report protocol. The sender's tab and
 * frame URL come from the browser, not from the message, so a page cannot file
 * its data under another page. Resource timing is used only for third-party
 * requests and only while the extension lacks access to all sites; with it,
 * webRequest sees more.
 */
export function watchContentReports(
  visits: VisitTracker,
  sites: MonitoredSites,
  /** Resolves once the observations are safe from a worker stop (journaled, or stored). */
  keep: (o: Observation[]) => Promise<void>,
  /**
   * Told when a page's own frame sends a reading of its storage, says another
   * is due (a script wrote to it), and sends that one; by the visit that
   * loaded the document, as all its routes share the one content script.
   */
  onPageStorage: (documentVisitId: string, reading: PageStorageReading) => void = () => {},
): void {
  const handlers: Handlers = {
    'storage-read-due': (_report, { document, topFrame }) => {
      if (topFrame) onPageStorage(document, 'due');
    },
    'storage-snapshot': async (report, { visit, document, frameUrl, topFrame, receivedAt }) => {
      const observations: Observation[] = storageObservationsFrom(
        new URL(frameUrl).origin,
        report.entries,
        visit,
        receivedAt,
      );
      if (report.notRead)
        observations.push(
          evidenceLoss({
            visit,
            cause: 'storage-key-cap',
            count: report.notRead,
            observedAt: receivedAt,
            frameUrl,
            detail: `A storage reading takes ${MAX_SNAPSHOT_ENTRIES} keys; more were in ${(report.notReadIn ?? []).join(', ')}.`,
          }),
        );
      const kept = keep(observations);
      if (topFrame) onPageStorage(document, report.answersDue ? 'due-arrived' : 'arrived');
      await kept;
    },
    'dom-pixels': (report, { visit, frameUrl, receivedAt }) => {
      const observations: Observation[] = report.pixels.map((p) =>
        observationFromDomPixel(p, visit, frameUrl, receivedAt),
      );
      if (report.notInspected)
        observations.push(
          evidenceLoss({
            visit,
            cause: 'pixel-cap',
            count: report.notInspected,
            observedAt: receivedAt,
            frameUrl,
            detail: `The markup watcher stops at ${MAX_PIXELS_PER_FRAME} hidden pixels per frame.`,
          }),
        );
      return keep(observations);
    },
    'outbound-links': (report, { visit, frameUrl, receivedAt }) => {
      const observations: Observation[] = outboundLinkObservations(report.links, visit, receivedAt, frameUrl);
      if (report.notRead)
        observations.push(
          evidenceLoss({
            visit,
            cause: 'link-cap',
            count: report.notRead,
            observedAt: receivedAt,
            frameUrl,
            detail: `A frame's links leaving its host are read up to ${MAX_OUTBOUND_LINKS}.`,
          }),
        );
      return keep(observations);
    },
    'page-claims': async (report, { visit, frameUrl, receivedAt }) => {
      const observations = observationsFromClaims(report.claims, {
        page: visit,
        frameUrl,
        frame: report.frame,
        observedAt: receivedAt,
      });
      // The content script counted what it would not pass on; each count is a loss on record, keyed
      // by the report so one sent again counts once.
      for (const [cause, count] of [
        ['claim-rate', report.dropped],
        ['claim-malformed', report.refused],
      ] as const) {
        if (count > 0)
          observations.push(
            evidenceLoss({
              visit,
              cause,
              count,
              observedAt: receivedAt,
              frameUrl,
              ...(report.report !== undefined && { key: `${report.frame}:${report.report}` }),
            }),
          );
      }
      await keep(observations);
    },
    'resource-timing': async (report, { visit }) => {
      if (await browser.permissions.contains(ALL_SITES)) return;
      // Whether an entry is a beacon depends on the endpoint catalogues and the CNAME-tracker list.
      await referenceTablesLoaded();
      await keep(
        report.entries
          .filter((e) => partyOf(new URL(e.url).hostname, visit.url) === 'third-party')
          .map((e) => networkObservationFromTiming(e, visit)),
      );
    },
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    // Only content scripts write from a web page; this extension's own pages (the popup opened in a tab
    // too) send requests, which another listener answers.
    if (
      sender.id !== browser.runtime.id ||
      sender.tab?.id === undefined ||
      sender.url?.startsWith(browser.runtime.getURL('/'))
    )
      return undefined;
    const frameUrl = frameUrlOf(sender);
    const report = parseContentReport(raw);
    // Said in words: an unanswered report is sent again, and this one would fail the same way every time.
    if (!report || frameUrl === undefined) return Promise.resolve(REPORT_REFUSED);
    const tabId = sender.tab.id;
    const openerTabId = sender.tab.openerTabId;
    const blank = sender.url?.startsWith('about:') === true;
    const madeAt = madeAtUrl(report, frameUrl, sender.frameId === 0);
    // Answered once what the report gave is safe: a worker stopped before that closes the channel
    // unanswered, and the content script sends the report again (its ids make that harmless).
    const handled = Promise.all([visits.ready, sites.ready]).then(async () => {
      // A site the tester added counts once the woken worker has read the list.
      if (!sites.covers(frameUrl)) return REPORT_REFUSED;
      // A `window.open('')` window never loads a page of its own: what happens in it is its opener's doing.
      const visit =
        visits.ofFrame(tabId, sender.frameId, madeAt) ??
        (blank && openerTabId !== undefined ? visits.ofFrame(openerTabId, undefined, madeAt) : undefined);
      if (!visit) return REPORT_KEPT;
      const handle = handlers[report.type] as (r: ContentReport, s: ReportSource) => void | Promise<void>;
      // Stamped once the visits are known, as the cookie collector stamps its changes.
      await handle(report, {
        visit,
        document: documentOf(visit),
        frameUrl: madeAt,
        topFrame: sender.frameId === 0,
        receivedAt: Date.now(),
      });
      return REPORT_KEPT;
    });
    // A report this worker cannot handle is not sent again: the next try would fail the same way.
    return handled.catch((error: unknown) => {
      console.error('[inspector] Could not take a content report', report.type, error);
      return REPORT_REFUSED;
    });
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

/**
 * The URL the page's own frame had when the report's facts were gathered: the
 * route the content script says, when it is of the frame's origin, else the
 * URL the browser names. It can only choose between the tab's visits of this
 * site (see VisitTracker.ofFrame), never file a report under another tab or site.
 */
function madeAtUrl(report: ContentReport, frameUrl: string, topFrame: boolean): string {
  if (!topFrame || !('route' in report) || report.route === undefined) return frameUrl;
  return sameOrigin(report.route, frameUrl) ? report.route : frameUrl;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
