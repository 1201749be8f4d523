/** At most one capture of a tab every two seconds: a page's first violations often follow its load. */
export const PER_TAB_INTERVAL_MS = 2000;
/** Chrome refuses more than two captureVisibleTab calls a second per extension. */
export const GLOBAL_INTERVAL_MS = 500;
/** A capture that would have to wait longer than this is skipped: the page has moved on. */
export const MAX_WAIT_MS = 10_000;

/**
 * When the next screenshot may be taken. Each call reserves a slot, so
 * requests made in a burst are spread out rather than refused by the browser.
 */
export class ScreenshotSchedule {
  private readonly lastByTab = new Map<number, number>();
  /** Reserved capture times, ascending; those long past are dropped. */
  private slots: number[] = [];

  /** Milliseconds to wait before capturing this tab, or null when the wait would exceed MAX_WAIT_MS. */
  reserve(tabId: number, now: number): number | null {
    this.slots = this.slots.filter((t) => t > now - GLOBAL_INTERVAL_MS);
    let at = Math.max(now, (this.lastByTab.get(tabId) ?? Number.NEGATIVE_INFINITY) + PER_TAB_INTERVAL_MS);
    // The earliest time at least GLOBAL_INTERVAL_MS away from every other reserved capture.
    for (const slot of this.slots)
      if (Math.abs(slot - at) < GLOBAL_INTERVAL_MS) at = slot + GLOBAL_INTERVAL_MS;
    if (at - now > MAX_WAIT_MS) return null;
    this.lastByTab.set(tabId, at);
    this.slots = [...this.slots, at].sort((a, b) => a - b);
    return at - now;
  }

  forgetTab(tabId: number): void {
    this.lastByTab.delete(tabId);
  }
}

/** The rules broken on a page that no screenshot has shown yet (captured or already asked for). */
export function rulesToCapture(broken: readonly string[], alreadyShown: Iterable<string>): string[] {
  const shown = new Set(alreadyShown);
  return [...new Set(broken)].filter((rule) => !shown.has(rule)).sort();
}
