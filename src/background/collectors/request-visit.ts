import { type TrackedVisit, visitOfSentRequest } from '../../core/observations/page-visit';
import type { VisitTracker } from '../visit-tracker';
import type { RequestSenders } from './request-senders';

/**
 * The monitored visit a request belongs to, without starting one; undefined
 * means the request is dropped at once. Chromium files some beacons and
 * pings under no tab (-1): their initiator tells the page. With `senders`, a
 * request a single-page app's route sent stays that route's when answered on
 * the next one.
 */
export function visitOfRequest(
  details: { tabId: number; initiator?: string; requestId?: string },
  visits: VisitTracker,
  senders?: RequestSenders,
): TrackedVisit | undefined {
  if (details.tabId < 0) return details.initiator ? visits.byOrigin(details.initiator) : undefined;
  const current = visits.current(details.tabId);
  if (!senders || details.requestId === undefined) return current;
  return visitOfSentRequest(senders.sent(details.requestId), current, visits.previous(details.tabId));
}
