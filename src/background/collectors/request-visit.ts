import type { TrackedVisit } from '../../core/observations/page-visit';
import type { VisitTracker } from '../visit-tracker';

/**
 * The monitored visit a request belongs to, without starting one; undefined
 * means the request is dropped at once. Chromium files some beacons and
 * pings under no tab (-1): their initiator tells the page.
 */
export function visitOfRequest(
  details: { tabId: number; initiator?: string },
  visits: VisitTracker,
): TrackedVisit | undefined {
  if (details.tabId < 0) return details.initiator ? visits.byOrigin(details.initiator) : undefined;
  return visits.current(details.tabId);
}
