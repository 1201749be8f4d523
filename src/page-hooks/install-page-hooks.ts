import { claimsMadeIn, createClaimReporter, type ReportClaim } from './claim-reporter';
import { hookCookieWrites, hookWebStorage } from './hook-cookie-and-storage';
import { hookFingerprinting } from './hook-fingerprinting';
import { hookIndexedDb } from './hook-indexed-db';
import { hookNetwork } from './hook-network';
import { hookNewFrames } from './hook-new-frames';
import { hookFunctionToString, isHooked, meetRealm } from './native-look';
import { openPageChannel } from './page-channel';
import type { PageRealm } from './page-realm';

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
  hookRealm(realm, createClaimReporter(send));
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
