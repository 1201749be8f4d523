import { type Browser, browser } from 'wxt/browser';
import type { PageContext } from '../../core/observations/cookie-from-jar';
import { cookiesFromSetCookie } from '../../core/observations/cookies-from-set-cookie';
import type { Observation } from '../../core/observations/observation';
import type { TrackedVisit } from '../../core/observations/page-visit';
import type { MonitoredSites } from '../monitored-site-registry';
import type { VisitTracker } from '../visit-tracker';
import type { RequestSenders } from './request-senders';
import { visitOfRequest } from './request-visit';

type HeadersDetails = Browser.webRequest.OnHeadersReceivedDetails;

/**
 * The extra-info options that make response headers visible, Set-Cookie
 * included: Chrome hides Set-Cookie unless asked with "extraHeaders"; Firefox
 * has no such option (its enum object is missing) and would reject it.
 */
export function responseHeaderOptions(): string[] {
  const options = (browser.webRequest as { OnHeadersReceivedOptions?: { EXTRA_HEADERS?: string } })
    .OnHeadersReceivedOptions;
  return options?.EXTRA_HEADERS ? ['responseHeaders', 'extraHeaders'] : ['responseHeaders'];
}

/**
 * Observations of the Set-Cookie headers of one response. They are read both
 * when headers arrive and when the request completes, under the same ids: a
 * worker stopped while storing one reading still gets the other.
 */
export function setCookieObservations(
  details: {
    requestId: string;
    url: string;
    timeStamp: number;
    responseHeaders?: readonly { name: string; value?: string }[];
  },
  page: PageContext,
): Observation[] {
  const setCookieHeaders = (details.responseHeaders ?? [])
    .filter((h) => h.name.toLowerCase() === 'set-cookie' && h.value !== undefined)
    .map((h) => h.value as string);
  if (setCookieHeaders.length === 0) return [];
  return cookiesFromSetCookie(
    { requestId: details.requestId, url: details.url, setCookieHeaders },
    page,
    details.timeStamp,
  );
}

/** The monitored visit a response belongs to; a main-frame response to a monitored page starts one. */
export function visitOfResponse(
  details: HeadersDetails,
  visits: VisitTracker,
  sites: MonitoredSites,
  senders?: RequestSenders,
): TrackedVisit | undefined {
  if (details.type === 'main_frame' && details.tabId >= 0) {
    if (!sites.covers(details.url)) {
      visits.end(details.tabId);
      return undefined;
    }
    return visits.mainFrameResponse(details.tabId, details.requestId, details.url, details.timeStamp);
  }
  return visitOfRequest(details, visits, senders);
}
