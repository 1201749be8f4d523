import { type ClaimReporter, claimsMadeIn, createClaimReporter, type ReportClaim } from './claim-reporter';
import { hookCookieWrites, hookWebStorage } from './hook-cookie-and-storage';
import { hookFingerprinting } from './hook-fingerprinting';
import { hookIndexedDb } from './hook-indexed-db';
import { hookNetwork } from './hook-network';
import { hookNewFrames } from './hook-new-frames';
import { hookFunctionToString, isHooked, meetRealm } from './native-look';
import { openPageChannel } from './page-channel';
import type { PageRealm } from './page-realm';
import { apply } from './primordials';
import { savedGetter } from './replace-method';

const HOOKS: ReadonlyArray<(report: ReportClaim, realm: PageRealm) => void> = [
  hookCookieWrites,
  hookWebStorage,
  hookNetwork,
  hookIndexedDb,
  hookFingerprinting,
];

/**
 * Runs in the page's own world at document_start, before any page script:
 * opens the channel, then wraps each API. One API missing or refusing to be
 * wrapped leaves the others in place.
 */
export function installPageHooks(): void {
  const realm = globalThis as PageRealm;
  // Taken in any case: a channel left open would be the page's to ask for.
  const send = openPageChannel();
  // Already hooked by the frame that made this one; its claims go through that frame's channel.
  if (isHooked(realm)) return;
  // The frames around this one, whose hooks' wrappers a page here could probe.
  meetRealm(realm.parent as PageRealm);
  meetRealm(realm.opener as PageRealm);
  // A tab's page hands its claims over every 100 ms at most. Frames and windows a page opened, which it
  // can remove or close at once (their timers dying with them), hand theirs over at once.
  const batches = realm.top === realm && realm.opener === null;
  // `href` is the Location's own, unforgeable property: the page cannot redefine it.
  const location = realm.location;
  const reporter = batches
    ? createClaimReporter(send, CLAIM_BATCH_MS, () => location.href)
    : createClaimReporter(send);
  if (batches) handOverWhenLeaving(realm, reporter);
  hookRealm(realm, reporter.report);
}

/** Claims batched at most this long: one hand-over per burst of scripts rather than one per script. */
const CLAIM_BATCH_MS = 100;

/**
 * Listens first, from document start, for the page being hidden or left; a
 * page can neither remove these listeners nor stop them, having no reference
 * to them and no listener before them.
 */
function handOverWhenLeaving(realm: PageRealm, reporter: ClaimReporter): void {
  const listen = realm.EventTarget.prototype.addEventListener;
  const visibility = savedGetter(realm.Document.prototype, 'visibilityState');
  const doc = realm.document;
  const leaving = () => reporter.leaving();
  apply(listen, realm, ['pagehide', leaving, true]);
  apply(listen, doc, [
    'visibilitychange',
    () => {
      if (visibility?.(doc) === 'hidden') reporter.leaving();
    },
    true,
  ]);
}

function hookRealm(realm: PageRealm, report: ReportClaim): void {
  try {
    // First: from here on, the hooks run again in this window see it hooked, and leave it.
    hookFunctionToString(realm);
  } catch {
    // A realm without it hooks the rest all the same.
  }
  for (let i = 0; i < HOOKS.length; i++) {
    try {
      HOOKS[i]?.(report, realm);
    } catch {
      // This API is absent or locked in this frame.
    }
  }
  try {
    hookNewFrames(realm, (candidate) => reachWindow(candidate, report));
  } catch {
    // No frames to reach in this realm.
  }
}

/**
 * A window the page may be about to use: hooked now, with its claims going
 * through this frame's channel and naming their window, unless it is hooked
 * already (the extension ran the hooks in it as it was made, which Chromium
 * does for an about:blank frame) or of another origin (its own content
 * scripts cover it then).
 */
function reachWindow(candidate: unknown, report: ReportClaim): void {
  if (typeof candidate !== 'object' || candidate === null) return;
  const realm = candidate as PageRealm;
  meetRealm(realm);
  if (isHooked(realm)) return;
  try {
    // Throws for another origin's window before anything is changed in it.
    void realm.Function.prototype;
  } catch {
    return;
  }
  hookRealm(realm, claimsMadeIn(realm, report));
}
