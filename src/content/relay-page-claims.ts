import type { NumberedClaim } from '../core/observations/reported-facts';
import type { ContentReportOf } from '../protocol/content-reports';
import { ACK, ANNOUNCE_EVENT, HELLO_EVENT } from '../protocol/page-channel';
import { MAX_CLAIMS_PER_MESSAGE, parseClaimBatch } from '../protocol/page-claims';
import { TokenBucket } from './token-bucket';

/** Sustained claims per second, frame and kind of claim, and the burst allowed above it. */
const CLAIMS_PER_SECOND = 200;
const CLAIM_BURST = 600;
const MAX_PENDING = 2_000;
const SEND_EVERY_MS = 250;

export interface ClaimRelay {
  /**
   * The page is going away: send what is pending now, and from then on send
   * each batch as it comes (the page's own pagehide handlers run after this
   * one, and their beacons are the ones worth catching).
   */
  leaving(): void;
}

/**
 * The content script's half of the bridge (see src/protocol/page-channel.ts):
 * announces a fresh random channel, takes claim batches only from it, checks
 * each claim, rate-limits, numbers them, and forwards them in bounded messages.
 * Malformed and dropped claims are counted and reported, never silently lost.
 */
export function relayPageClaims(
  send: (report: ContentReportOf<'page-claims'>) => void,
  /** A claimed write to storage; `indexedDb` when IndexedDB was written too. */
  onStorageClaim: (indexedDb: boolean) => void,
): ClaimRelay {
  const channel = `jeejio-${crypto.randomUUID()}`;
  const frame = crypto.randomUUID();
  // One bucket per kind of claim: a page flooding storage writes cannot use up what a canvas read-back needs.
  const buckets = new Map<NumberedClaim['claim']['type'], TokenBucket>();
  const bucketOf = (type: NumberedClaim['claim']['type']) => {
    let bucket = buckets.get(type);
    if (!bucket) {
      bucket = new TokenBucket(CLAIMS_PER_SECOND, CLAIM_BURST, () => performance.now());
      buckets.set(type, bucket);
    }
    return bucket;
  };
  let pending: NumberedClaim[] = [];
  /** Where the page was when the pending claims began: a batch never spans two routes of an app. */
  let pendingRoute = location.href;
  let seq = 0;
  let reports = 0;
  let refused = 0;
  let dropped = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let leaving = false;

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    while (pending.length > 0 || refused > 0 || dropped > 0) {
      const claims = pending.slice(0, MAX_CLAIMS_PER_MESSAGE);
      pending = pending.slice(MAX_CLAIMS_PER_MESSAGE);
      // An about:blank or srcdoc frame has no route of its own: the worker files it under the origin it inherits.
      const route = /^https?:\/\//i.test(pendingRoute) ? { route: pendingRoute } : {};
      send({ type: 'page-claims', frame, ...route, claims, refused, dropped, report: ++reports });
      refused = 0;
      dropped = 0;
    }
  };
  const schedule = () => {
    timer ??= setTimeout(flush, SEND_EVERY_MS);
  };

  const announce = () => document.dispatchEvent(new CustomEvent(ANNOUNCE_EVENT, { detail: channel }));
  const onHello = () => announce();
  const onBatch = (event: Event) => {
    const detail = (event as CustomEvent).detail;
    if (detail === ACK) {
      // The page world has the channel; nobody else may ask for it again.
      document.removeEventListener(HELLO_EVENT, onHello);
      return;
    }
    // The app moved to another route since the pending claims were made: they go out as the old route's.
    const batch = parseClaimBatch(detail);
    // A page batching its claims says where it made them; only a route of this frame's own origin is taken.
    const madeAt = routeOfThisOrigin(batch.route) ?? location.href;
    if (madeAt !== pendingRoute) {
      if (pending.length > 0) flush();
      pendingRoute = madeAt;
    }
    refused += batch.refused;
    dropped += batch.dropped;
    let storage = false;
    let indexedDb = false;
    for (const claim of batch.claims) {
      if (pending.length >= MAX_PENDING || !bucketOf(claim.type).take()) {
        dropped++;
        continue;
      }
      pending.push({ seq: seq++, claim });
      storage ||= claim.type === 'storage-write' || claim.type === 'indexeddb-write';
      indexedDb ||= claim.type === 'indexeddb-write';
    }
    if (storage) onStorageClaim(indexedDb);
    // An about:blank window may be gone before a timer fires, and without a pagehide
    // (`window.open('')`, written to and closed in one go): its batches go out as they come.
    if (leaving || !/^https?:\/\//i.test(pendingRoute)) flush();
    else schedule();
  };

  document.addEventListener(channel, onBatch);
  // `document.open()` erases every listener on the document, ours too, while the page world keeps
  // sending on the channel: it empties the document as it does, so listen again when that happens.
  // The observer's microtask runs before the page world's first batch after it.
  new MutationObserver(() => document.addEventListener(channel, onBatch)).observe(document, {
    childList: true,
  });
  // Answered once: the page hooks ask before any page script runs; a later asker is the page.
  document.addEventListener(HELLO_EVENT, onHello, { once: true });
  announce();
  return {
    leaving() {
      leaving = true;
      flush();
    },
  };
}

function routeOfThisOrigin(route: string | undefined): string | undefined {
  if (route === undefined) return undefined;
  try {
    const url = new URL(route);
    return /^https?:$/.test(url.protocol) && url.origin === location.origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}
