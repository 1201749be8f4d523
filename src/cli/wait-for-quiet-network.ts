import type { Page, Request } from 'playwright-core';

/**
 * Resolves once the page has had no request in flight for `quietMs`, or when
 * `timeoutMs` passes (then with false). Playwright's own "networkidle" waits
 * 500 ms; what the extension reads after load (claims, hidden pixels, storage)
 * is handed over when the page is left, so the audit need not wait that long.
 */
export function waitForQuietNetwork(page: Page, quietMs: number, timeoutMs: number): Promise<boolean> {
  const inFlight = new Set<Request>();
  return new Promise((resolve) => {
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    const finish = (quiet: boolean) => {
      clearTimeout(quietTimer);
      clearTimeout(deadline);
      page.off('request', started);
      page.off('requestfinished', ended);
      page.off('requestfailed', ended);
      page.off('close', closed);
      resolve(quiet);
    };
    const waitForQuiet = () => {
      clearTimeout(quietTimer);
      quietTimer = inFlight.size === 0 ? setTimeout(() => finish(true), quietMs) : undefined;
    };
    const started = (request: Request) => {
      inFlight.add(request);
      waitForQuiet();
    };
    const ended = (request: Request) => {
      inFlight.delete(request);
      waitForQuiet();
    };
    const closed = () => finish(false);
    const deadline = setTimeout(() => finish(false), timeoutMs);
    page.on('request', started);
    page.on('requestfinished', ended);
    page.on('requestfailed', ended);
    page.on('close', closed);
    waitForQuiet();
  });
}
