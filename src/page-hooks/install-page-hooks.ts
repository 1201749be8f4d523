import { claimsMadeIn, createClaimReporter, type ReportClaim } from './claim-reporter';
import { hookCookieWrites, hookWebStorage } from './hook-cookie-and-storage';
import { hookFingerprinting } from './hook-fingerprinting';
import { hookIndexedDb } from './hook-indexed-db';
import { hookNetwork } from './hook-network';
import { hookNewFrames } from './hook-new-frames';
import { hookFunctionToString } from './native-look';
import { openPageChannel } from './page-channel';
import type { PageRealm } from './page-realm';
import { defineProperty, fixedValue, getOwnPropertyDescriptor } from './primordials';

const HOOKS: ReadonlyArray<(report: ReportClaim, realm: PageRealm) => void> = [
  hookCookieWrites,
  hookWebStorage,
  hookNetwork,
  hookIndexedDb,
  hookFingerprinting,
];

/**
 * Marks a window whose built-ins are hooked, so that no window is hooked twice
 * (each call would be claimed twice): a frame the page made is hooked by the
 * frame that made it, and the extension may later run these hooks in it too.
 * Shared by name because the two runs share nothing else. A page cannot set it
 * first: its own frame is marked before its first script, and a window it
 * makes is marked before it gets hold of it.
 */
const HOOKED = Symbol.for('jeejio-inspector.hooked');

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
  if (!markHooked(realm)) return;
  hookRealm(realm, createClaimReporter(send));
}

function hookRealm(realm: PageRealm, report: ReportClaim): void {
  try {
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
 * already or of another origin (its own content scripts cover it then).
 */
function reachWindow(candidate: unknown, report: ReportClaim): void {
  if (typeof candidate !== 'object' || candidate === null) return;
  const realm = candidate as PageRealm;
  if (!markHooked(realm)) return;
  hookRealm(realm, claimsMadeIn(realm, report));
}

/** Marks a window as hooked; false when it was already, or is not ours to touch (another origin). */
function markHooked(realm: PageRealm): boolean {
  try {
    if (getOwnPropertyDescriptor(realm, HOOKED)) return false;
    return defineProperty(realm, HOOKED, fixedValue(true));
  } catch {
    // Another origin's window throws on any property but a few.
    return false;
  }
}
