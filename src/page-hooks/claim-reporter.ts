import type { PageClaim } from '../core/observations/reported-facts';
import type { SendBatch } from '../protocol/page-channel';
import { MAX_CLAIMS_PER_MESSAGE } from '../protocol/page-claims';
import { createCallerLookup } from './caller-script';
import { apply, sliceArray } from './primordials';

type WithoutScript<T> = T extends unknown ? Omit<T, 'script'> : never;
export type UnattributedClaim = WithoutScript<PageClaim>;
export type ReportClaim = (claim: UnattributedClaim) => void;

/**
 * Claims of one kind beyond this per second are not even attributed (a stack
 * trace costs microseconds), only counted: the count goes with the next batch.
 * Per kind, so a flood of storage writes cannot hide a canvas read-back.
 */
const MAX_CLAIMS_PER_SECOND = 300;
const MAX_QUEUED = 1_500;

export interface ClaimReporter {
  report: ReportClaim;
  /**
   * The page is being left or hidden: what is queued goes now, and from then
   * on each claim goes at the end of its microtask, so the beacons the page's
   * own pagehide handlers send are handed over before the page is gone.
   */
  leaving(): void;
}

/**
 * Queues claims, names the calling script from a stack trace, and hands the
 * queue over once per microtask, so a burst of calls costs one event; with
 * `batchEveryMs`, at most that often instead (each hand-over is an event the
 * content script parses on the page's main thread), until the page is left.
 * Only a top-level page may batch: a frame's timers die with the frame, and
 * with them what it had queued.
 */
export function createClaimReporter(
  send: SendBatch,
  batchEveryMs = 0,
  /**
   * Where the page is (its `location.href`): a batch says where its claims
   * were made, and a route change sends what was queued first, so a
   * single-page app's claims are filed under the route that made them.
   */
  currentUrl?: () => string,
): ClaimReporter {
  const callerScript = createCallerLookup();
  const stringify = JSON.stringify;
  const microtask = queueMicrotask;
  const timeout = setTimeout;
  const now = Date.now;
  let batching = batchEveryMs > 0;
  const create = Object.create;
  let queue: PageClaim[] = [];
  let scheduled = false;
  let windowStart = 0;
  // Without a prototype: the page cannot reach it through Object.prototype.
  let inWindow: Record<string, number> = create(null);
  let dropped = 0;
  /** Where the page was when the queued claims began. */
  let queuedAt: string | undefined;

  const flush = () => {
    scheduled = false;
    const all = queue;
    queue = [];
    // Batches as large as the content script takes in one event, so none is cut short there.
    for (let i = 0; i < all.length || dropped > 0; i += MAX_CLAIMS_PER_MESSAGE) {
      const claims = sliceArray(all, i, i + MAX_CLAIMS_PER_MESSAGE);
      const batch =
        queuedAt !== undefined
          ? { claims, dropped, route: queuedAt }
          : dropped > 0
            ? { claims, dropped }
            : claims;
      dropped = 0;
      try {
        send(apply(stringify, JSON, [batch]) as string);
      } catch {
        // A page that broke JSON for its own objects only loses its own claims.
      }
    }
  };
  const scheduleFlush = () => {
    if (!scheduled) {
      scheduled = true;
      if (batching) apply(timeout, globalThis, [flush, batchEveryMs]);
      else apply(microtask, globalThis, [flush]);
    }
  };

  const report: ReportClaim = (claim) => {
    const t = apply(now, Date, []) as number;
    if (t - windowStart >= 1000) {
      windowStart = t;
      inWindow = create(null);
    }
    const seen = (inWindow[claim.type] ?? 0) + 1;
    inWindow[claim.type] = seen;
    if (seen > MAX_CLAIMS_PER_SECOND || queue.length >= MAX_QUEUED) {
      dropped++;
      scheduleFlush();
      return;
    }
    const script = callerScript();
    if (currentUrl) {
      const url = currentUrl();
      if (queue.length > 0 && url !== queuedAt) flush();
      queuedAt = url;
    }
    queue[queue.length] = (script === undefined ? claim : { ...claim, script }) as PageClaim;
    scheduleFlush();
  };
  return {
    report,
    leaving() {
      batching = false;
      // A flush already timed is left to run; it finds the queue empty.
      if (queue.length > 0 || dropped > 0) flush();
    },
  };
}

/**
 * The claims of a window the page made, as the hooked frame's reporter takes
 * them: each says which window it was made in (its URL at the call), so it is
 * filed under that frame, not the one whose hooks reached it.
 */
export function claimsMadeIn(realm: { location: Location }, report: ReportClaim): ReportClaim {
  const location = realm.location;
  return (claim) => {
    // `href` is the Location's own, unforgeable property: the page cannot redefine it.
    report({ ...claim, frame: location.href });
  };
}
