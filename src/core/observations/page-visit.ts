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
