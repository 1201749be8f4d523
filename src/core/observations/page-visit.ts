import { routeUrl } from '../util/route-url';
import { stableId } from '../util/stable-id';
import type { PageVisit } from './observation';

/** A visit as the background tracks it: `pendingRequestId` until the navigation commits. */
export interface TrackedVisit extends PageVisit {
  pendingRequestId?: string;
  /**
   * For a route change: the visit whose document load began the page. The
   * document's storage and content script outlive its routes, so its readings
   * are the document's, not one route's.
   */
  documentVisitId?: string;
}

/** The visit as it is stored and reported, without what only the tracker needs. */
export function recordedVisit(visit: TrackedVisit): PageVisit {
  const { pendingRequestId: _pending, documentVisitId: _document, ...record } = visit;
  return record;
}

/** The document a visit shows: the load that began it, whichever of its routes the visit is. */
export function documentOf(visit: TrackedVisit): string {
  return visit.documentVisitId ?? visit.visitId;
}

/**
 * A single-page app changed its URL without loading a document
 * (`history.pushState`/`replaceState`, a new fragment): a new visit when it
 * moved to another route, so what it sends next is filed under that route;
 * undefined when the tab stays on the visit it has. Moving to a plain anchor
 * (`#section`), or writing the URL the visit already shows, is no new route.
 * While a navigation is pending its visit already stands for the next
 * document, which the old one's route change does not concern.
 */
export function visitOnRouteChange(
  current: TrackedVisit | undefined,
  tabId: number,
  url: string,
  at: number,
): TrackedVisit | undefined {
  if (current?.pendingRequestId !== undefined) return undefined;
  if (current && routeUrl(current.url) === routeUrl(url)) return undefined;
  return {
    visitId: stableId('visit', [tabId, url, at, 'route']),
    tabId,
    url,
    startedAt: at,
    startedBy: 'route-change',
    ...(current && { documentVisitId: documentOf(current) }),
  };
}

/**
 * A main-frame response arrives before its navigation commits, and may carry
 * cookies; the visit starts there so those cookies belong to the new page.
 * Redirect hops share the request id and so stay in one visit.
 *
 * Firefox may deliver the response's event after the commit's (webRequest and
 * webNavigation are two streams with no order between them), though its own
 * clock puts the response first: a response to the committed document's URL
 * from before the commit is that visit's own, not a new page.
 */
export function visitFromMainFrameResponse(
  current: TrackedVisit | undefined,
  tabId: number,
  requestId: string,
  url: string,
  at: number,
): TrackedVisit {
  if (current?.pendingRequestId === requestId) return { ...current, url };
  if (
    current &&
    current.pendingRequestId === undefined &&
    current.startedBy === undefined &&
    sameDocument(current.url, url) &&
    at <= current.startedAt
  ) {
    // It started when its response came, as a visit whose response is heard first does.
    return { ...current, startedAt: at };
  }
  return {
    visitId: stableId('visit', [tabId, requestId, at]),
    tabId,
    url,
    startedAt: at,
    pendingRequestId: requestId,
  };
}

/**
 * On commit, a visit begun by its main-frame response is confirmed; a
 * navigation with no response seen (back/forward cache, a worker that was
 * asleep) starts a visit of its own.
 */
export function visitOnCommit(
  current: TrackedVisit | undefined,
  tabId: number,
  url: string,
  at: number,
): TrackedVisit {
  if (current?.pendingRequestId !== undefined && sameDocument(current.url, url)) {
    const { pendingRequestId: _committed, ...visit } = current;
    return { ...visit, url };
  }
  return { visitId: stableId('visit', [tabId, url, at]), tabId, url, startedAt: at };
}

function sameDocument(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

/**
 * The visit a request belongs to: the one that sent it. A request that a
 * single-page app's route sent and that is answered after the app moved to its
 * next route is the earlier route's (`previous`, of the same document); any
 * other is the tab's `current` visit's. `sent` is when the browser saw the
 * request begin, and the visit the tab showed then as far as the worker knew.
 *
 * Within one document the browser's clock decides: the worker learns of a
 * route change (webNavigation) and of the requests around it (webRequest) by
 * two streams of events with no order between them, so a pixel the new route
 * sends in the same instant may reach it before the route does, and a request
 * the old route sent may reach it after. The route's start and the request's
 * start are both the browser's own timestamps.
 */
export function visitOfSentRequest(
  sent: { visitId: string; at: number } | undefined,
  current: TrackedVisit | undefined,
  previous: TrackedVisit | undefined,
): TrackedVisit | undefined {
  if (sent === undefined || !current || !previous || documentOf(previous) !== documentOf(current))
    return current;
  // The browser times the route when the route's commit reaches it, over another channel than the
  // request: under load a router's hit sent right after pushState is timed before the route, and the
  // worker may hear of it first as well (measured in CI: a route timed 353 ms into its page, its pixel
  // answered 22 ms later). A request begun within a moment of the route is the route's.
  if (sent.at >= current.startedAt - SAME_INSTANT_MS) return current;
  // The same holds for the route before (measured in CI: a hash route's data request, timed before its
  // route and noted under the route before it, answered after the next move, was filed under that next).
  if (sent.at >= previous.startedAt - SAME_INSTANT_MS) return previous;
  // Older than both routes the tracker keeps: filed as before, under the route the worker saw it sent on.
  return sent.visitId === previous.visitId ? previous : current;
}

/**
 * How far before a route's start (by the browser's clock) a request still
 * counts as sent with it. Routers send a route's hits right after pushState;
 * the browser's two channels disagree by a few to tens of milliseconds under
 * load. The cost: a request a route sent in its last 100 ms (a beacon on
 * leaving) is filed under the route after it, whether that is the current
 * route or the one before; no person clicks that fast after a page's own
 * request, so an ordinary request of the old route is not.
 */
const SAME_INSTANT_MS = 100;

/** How long after a main-frame response its navigation may commit and still be taken for its visit. */
const COMMIT_AFTER_RESPONSE_MS = 30_000;

/**
 * The visit a request reading belongs to when it is replayed from the journal
 * of a worker that was stopped before it knew the tab's visit. `current` is the
 * tab's visit now. A reading from before that visit began belongs to a visit
 * that is over, and is not filed under this one.
 */
export function visitOfEarlierReading(
  reading: { tabId: number; requestId: string; url: string; type: string; timeStamp: number },
  current: TrackedVisit | undefined,
): TrackedVisit | undefined {
  if (!current) return undefined;
  if (reading.type !== 'main_frame') return current.startedAt <= reading.timeStamp ? current : undefined;
  if (current.pendingRequestId === reading.requestId) return current;
  if (current.visitId === stableId('visit', [reading.tabId, reading.requestId, reading.timeStamp]))
    return current;
  // The response was never seen, so the visit began when its navigation committed, a moment later.
  const lag = current.startedAt - reading.timeStamp;
  return sameDocument(current.url, reading.url) && lag >= 0 && lag <= COMMIT_AFTER_RESPONSE_MS
    ? current
    : undefined;
}
