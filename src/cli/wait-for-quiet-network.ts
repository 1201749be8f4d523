/** The request events Playwright's and puppeteer's pages both emit, under the same names. */
export type RequestEvent = 'request' | 'requestfinished' | 'requestfailed' | 'close';

export interface RequestEvents {
  on(event: RequestEvent, listener: (request: object) => void): unknown;
  off(event: RequestEvent, listener: (request: object) => void): unknown;
}

/** A page's requests in flight, counted from when the watch began. */
export interface NetworkWatch {
  /**
   * Resolves once the page has had no request in flight for `quietMs`, or
   * when `timeoutMs` passes (then with false). Requests that started before
   * this call, while the watch ran (a beacon sent late in the dwell), count.
   */
  untilQuiet(quietMs: number, timeoutMs: number): Promise<boolean>;
  /** Stops counting; the page keeps no listener of the watch. */
  stop(): void;
}

/**
 * Starts counting the page's requests in flight. Begun at the load event, so
 * a request started at any time of the dwell is waited for.
 * Playwright's own "networkidle" waits 500 ms; what the extension reads after
 * load (claims, hidden pixels, storage) is handed over when the page is left,
 * so the audit need not wait that long.
 */
export function watchNetwork(page: RequestEvents): NetworkWatch {
  const inFlight = new Set<object>();
  let changed: () => void = () => {};
  let closed = false;
  const started = (request: object) => {
    inFlight.add(request);
    changed();
  };
  const ended = (request: object) => {
    inFlight.delete(request);
    changed();
  };
  const onClose = () => {
    closed = true;
    changed();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  page.on('close', onClose);
  return {
    untilQuiet(quietMs, timeoutMs) {
      return new Promise((resolve) => {
        let quietTimer: ReturnType<typeof setTimeout> | undefined;
        const finish = (quiet: boolean) => {
          clearTimeout(quietTimer);
          clearTimeout(deadline);
          changed = () => {};
          resolve(quiet);
        };
        changed = () => {
          if (closed) return finish(false);
          clearTimeout(quietTimer);
          quietTimer = inFlight.size === 0 ? setTimeout(() => finish(true), quietMs) : undefined;
        };
        const deadline = setTimeout(() => finish(false), timeoutMs);
        changed();
      });
    },
    stop() {
      page.off('request', started);
      page.off('requestfinished', ended);
      page.off('requestfailed', ended);
      page.off('close', onClose);
    },
  };
}
