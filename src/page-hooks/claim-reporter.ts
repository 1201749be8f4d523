import type { PageClaim } from '../core/observations/reported-facts';
import type { SendBatch } from '../protocol/page-channel';
import { MAX_CLAIMS_PER_MESSAGE } from '../protocol/page-claims';
import { createCallerLookup } from './caller-script';
import { apply, sliceArray } from './primordials';

type WithoutScript<T> = T extends unknown ? Omit<T, 'script'> : never;
export type UnattributedClaim = WithoutScript<PageClaim>;
export type ReportClaim = (claim: UnattributedClaim) => void;

/** Claims beyond this per second are not even attributed: a stack trace costs microseconds. */
const MAX_CLAIMS_PER_SECOND = 300;
const MAX_QUEUED = 500;

/**
 * Queues claims, names the calling script from a stack trace, and hands the
 * queue over once per microtask, so a burst of calls costs one event.
 */
export function createClaimReporter(send: SendBatch): ReportClaim {
  const callerScript = createCallerLookup();
  const stringify = JSON.stringify;
  const microtask = queueMicrotask;
  const now = Date.now;
  let queue: PageClaim[] = [];
  let scheduled = false;
  let windowStart = 0;
  let inWindow = 0;

  const flush = () => {
    scheduled = false;
    const all = queue;
    queue = [];
    // Batches as large as the content script takes in one event, so none is cut short there.
    for (let i = 0; i < all.length; i += MAX_CLAIMS_PER_MESSAGE) {
      try {
        send(apply(stringify, JSON, [sliceArray(all, i, i + MAX_CLAIMS_PER_MESSAGE)]) as string);
      } catch {
        // A page that broke JSON for its own objects only loses its own claims.
      }
    }
  };

  return (claim) => {
    const t = apply(now, Date, []) as number;
    if (t - windowStart >= 1000) {
      windowStart = t;
      inWindow = 0;
    }
    if (++inWindow > MAX_CLAIMS_PER_SECOND || queue.length >= MAX_QUEUED) return;
    const script = callerScript();
    queue[queue.length] = (script === undefined ? claim : { ...claim, script }) as PageClaim;
    if (!scheduled) {
      scheduled = true;
      apply(microtask, globalThis, [flush]);
    }
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
