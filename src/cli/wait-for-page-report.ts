import type { Worker } from 'playwright-core';
import type { Inspector, PageReported } from '../extension/start-inspector';

const POLL_MS = 20;

/**
 * Waits until the extension has the reading of storage the page's content
 * script sends once it has loaded, asking its worker every few milliseconds.
 * True when it came or the page is not watched; false after `timeoutMs`.
 */
export async function waitForPageReport(
  worker: Worker,
  pageUrl: string,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const state: PageReported = await worker.evaluate(
      (url) => (globalThis as unknown as { jeejioInspector: Inspector }).jeejioInspector.pageReported(url),
      pageUrl,
    );
    if (state !== 'waiting') return true;
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
