import { browser } from 'wxt/browser';

/** A page still loading after this long (a stream, a hung request) no longer holds anything back. */
const LONGEST_LOAD_MS = 5_000;

/**
 * Which tabs are loading a page right now: from the main frame's navigation
 * start to its load event (or its failure, or the tab closing). While one is,
 * the worker only journals what it reads and leaves storing and judging for
 * after the load, so a loading page has the CPU to itself (#16). Knows only
 * loads that began while this worker ran: a worker woken mid-load holds nothing back.
 */
export class PageLoads {
  private readonly loading = new Map<number, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Listens to the browser's navigations; call in the worker's first turn. */
  watch(): void {
    browser.webNavigation.onBeforeNavigate.addListener(({ frameId, tabId }) => {
      if (frameId === 0) this.started(tabId);
    });
    const ended = ({ frameId, tabId }: { frameId: number; tabId: number }) => {
      if (frameId === 0) this.ended(tabId);
    };
    browser.webNavigation.onCompleted.addListener(ended);
    browser.webNavigation.onErrorOccurred.addListener(ended);
    browser.tabs.onRemoved.addListener((tabId) => this.ended(tabId));
  }

  started(tabId: number): void {
    this.loading.set(tabId, this.now());
  }

  ended(tabId: number): void {
    this.loading.delete(tabId);
  }

  /** Whether any tab is loading a page (for no longer than a page is allowed to hold things back). */
  any(): boolean {
    const now = this.now();
    for (const [tabId, since] of this.loading) {
      if (now - since <= LONGEST_LOAD_MS) return true;
      this.loading.delete(tabId);
    }
    return false;
  }
}
