import { stableId } from '../util/stable-id';
import type { PageVisit } from './observation';

/** A visit as the background tracks it: `pendingRequestId` until the navigation commits. */
export interface TrackedVisit extends PageVisit {
  pendingRequestId?: string;
}

/**
 * A main-frame response arrives before its navigation commits, and may carry
 * cookies; the visit starts there so those cookies belong to the new page.
 * Redirect hops share the request id and so stay in one visit.
 */
export function visitFromMainFrameResponse(
  current: TrackedVisit | undefined,
  tabId: number,
  requestId: string,
  url: string,
  at: number,
): TrackedVisit {
  if (current?.pendingRequestId === requestId) return { ...current, url };
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
