import { createClaimReporter } from './claim-reporter';
import { hookCookieWrites, hookWebStorage } from './hook-cookie-and-storage';
import { hookFingerprinting } from './hook-fingerprinting';
import { hookIndexedDb } from './hook-indexed-db';
import { hookNetwork } from './hook-network';
import { openPageChannel } from './page-channel';

/**
 * Runs in the page's own world at document_start, before any page script:
 * opens the channel, then wraps each API. One API missing or refusing to be
 * wrapped leaves the others in place.
 */
export function installPageHooks(): void {
  const report = createClaimReporter(openPageChannel());
  for (const hook of [hookCookieWrites, hookWebStorage, hookNetwork, hookIndexedDb, hookFingerprinting]) {
    try {
      hook(report);
    } catch {
      // This API is absent or locked in this frame.
    }
  }
}
