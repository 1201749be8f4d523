import { type InspectorHost, inInspector } from '../harness/in-inspector';
import type { PageReadingState } from '../protocol/inspector';

const POLL_MS = 20;

/**
 * Waits until the extension has the reading of storage the page's content
 * script sends once it has loaded, asking its worker every few milliseconds.
 * True when it came or the page is not watched; false after `timeoutMs`.
 */
export async function waitForPageReadings(
  worker: InspectorHost,
  pageUrl: string,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    // A worker the browser stopped never answers: the wait ends at the deadline all the same.
    const asked = inInspector(worker, (inspector, url) => inspector.pageReadingState(url), pageUrl).catch(
      (): PageReadingState => 'not-watched',
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), Math.max(0, deadline - performance.now()));
    });
    const state = await Promise.race([asked, late]);
    clearTimeout(timer);
    if (state === 'late') return false;
    if (state !== 'waiting') return true;
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
