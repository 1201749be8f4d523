/** A reading waits at most this long for the browser to be idle once the page has loaded. */
const IDLE_WAIT_MS = 500;

/**
 * Runs `work` once the page has loaded and the browser is idle: a full reading
 * of the page's storage then leaves the load to the page (#16). A page left
 * before that is read at its pagehide instead.
 */
export function whenPageLoaded(work: () => void): void {
  const idle = () => requestIdleCallback(() => work(), { timeout: IDLE_WAIT_MS });
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
