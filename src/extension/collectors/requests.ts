import { type Browser, browser } from 'wxt/browser';
import { networkObservationFrom, type ReportedBody } from '../../observations/network-observation';
import type { Observation } from '../../observations/observation';
import type { MonitoredSites } from '../monitored-site-registry';
import type { VisitTracker } from '../visit-tracker';
import { visitOfRequest } from './request-visit';
import { responseHeaderOptions, setCookieObservations, visitOfResponse } from './response-headers';

/** Bodies wait here between the request and its end; a page cannot make this grow without bound. */
const MAX_PENDING_BODIES = 2_000;

/**
 * Records every request a monitored page makes, third-party ones included when
 * the extension may see them, with its body (captured before sending), its
 * Set-Cookie headers (including cookies the browser then refuses) and how it
 * ended. Requests of tabs that are not monitored are dropped at once.
 *
 * A request is read twice, when its headers arrive and when it ends, and both
 * readings give the same observation ids: a worker stopped while storing one
 * reading still stores the other, and the first stored is kept.
 */
export function watchRequests(
  visits: VisitTracker,
  sites: MonitoredSites,
  record: (o: Observation[]) => void,
): void {
  const bodies = new Map<string, ReportedBody>();
  const filter = { urls: ['<all_urls>'] };
  // Only these can carry a request body; scripts, images, styles and fonts never do.
  const withBodies: typeof filter & { types: `${Browser.webRequest.ResourceType}`[] } = {
    ...filter,
    types: ['main_frame', 'sub_frame', 'xmlhttprequest', 'ping', 'csp_report', 'other'],
  };

  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      if (!details.requestBody) return undefined;
      // A form posted to a Jeejio page belongs to the visit it starts, which does not exist yet.
      const monitored =
        details.type === 'main_frame'
          ? sites.covers(details.url)
          : visitOfRequest(details, visits) !== undefined;
      if (!monitored) return undefined;
      if (bodies.size >= MAX_PENDING_BODIES) {
        const oldest = bodies.keys().next().value;
        if (oldest !== undefined) bodies.delete(oldest);
      }
      bodies.set(details.requestId, details.requestBody as ReportedBody);
      return undefined;
    },
    withBodies,
    ['requestBody'],
  );

  const headersArrived = async (details: Browser.webRequest.OnHeadersReceivedDetails) => {
    await Promise.all([visits.ready, sites.ready]);
    const visit = visitOfResponse(details, visits, sites);
    if (!visit) return;
    const body = bodies.get(details.requestId);
    record([networkObservationFrom(details, body, visit), ...setCookieObservations(details, visit)]);
  };
  browser.webRequest.onHeadersReceived.addListener(
    (details) => {
      void headersArrived(details);
      return undefined;
    },
    filter,
    responseHeaderOptions() as `${Browser.webRequest.OnHeadersReceivedOptions}`[],
  );

  const finish = async (details: {
    requestId: string;
    url: string;
    method: string;
    type: string;
    tabId: number;
    initiator?: string;
    statusCode?: number;
    responseHeaders?: { name: string; value?: string }[];
    error?: string;
    timeStamp: number;
  }) => {
    const body = bodies.get(details.requestId);
    bodies.delete(details.requestId);
    await visits.ready;
    const visit = visitOfRequest(details, visits);
    if (!visit) return;
    record([networkObservationFrom(details, body, visit), ...setCookieObservations(details, visit)]);
  };
  browser.webRequest.onCompleted.addListener(
    (details) => void finish(details),
    filter,
    responseHeaderOptions() as `${Browser.webRequest.OnCompletedOptions}`[],
  );
  browser.webRequest.onErrorOccurred.addListener((details) => void finish(details), filter);
}
