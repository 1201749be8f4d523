import { type Browser, browser } from 'wxt/browser';
import { cookiesFromSetCookie } from '../../observations/cookies-from-set-cookie';
import type { Observation } from '../../observations/observation';
import type { TrackedVisit } from '../../observations/page-visit';
import { isMonitoredUrl } from '../../sites/monitored-sites';
import type { VisitTracker } from '../visit-tracker';
import { visitOfRequest } from './request-visit';

type HeadersDetails = Browser.webRequest.OnHeadersReceivedDetails;

/**
 * Reads Set-Cookie response headers of monitored tabs, including cookies the
 * browser then refuses to store. Chrome hides Set-Cookie from extensions
 * unless asked with "extraHeaders"; Firefox has no such option and rejects it.
 */
export function watchSetCookieHeaders(visits: VisitTracker, record: (o: Observation[]) => void): void {
  // Chrome's enum object exists at run time; Firefox's webRequest has none.
  const options = (browser.webRequest as { OnHeadersReceivedOptions?: { EXTRA_HEADERS?: string } })
    .OnHeadersReceivedOptions;
  const extraInfo = options?.EXTRA_HEADERS ? ['responseHeaders', 'extraHeaders'] : ['responseHeaders'];
  const onResponse = async (details: HeadersDetails) => {
    await visits.ready;
    const visit = visitFor(details, visits);
    if (!visit) return;
    const setCookieHeaders = (details.responseHeaders ?? [])
      .filter((h) => h.name.toLowerCase() === 'set-cookie' && h.value !== undefined)
      .map((h) => h.value as string);
    if (setCookieHeaders.length === 0) return;
    record(
      cookiesFromSetCookie(
        { requestId: details.requestId, url: details.url, setCookieHeaders },
        visit,
        details.timeStamp,
      ),
    );
  };
  browser.webRequest.onHeadersReceived.addListener(
    (details) => {
      void onResponse(details);
      return undefined;
    },
    { urls: ['<all_urls>'] },
    extraInfo as `${Browser.webRequest.OnHeadersReceivedOptions}`[],
  );
}

/** The monitored visit a response belongs to; undefined means drop it at once. */
function visitFor(details: HeadersDetails, visits: VisitTracker): TrackedVisit | undefined {
  if (details.type === 'main_frame' && details.tabId >= 0) {
    if (!isMonitoredUrl(details.url)) {
      visits.end(details.tabId);
      return undefined;
    }
    return visits.mainFrameResponse(details.tabId, details.requestId, details.url, details.timeStamp);
  }
  return visitOfRequest(details, visits);
}
