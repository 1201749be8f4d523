/**
 * When the background script began to run, in milliseconds since the worker
 * started. The entrypoint imports this module first, so it is evaluated
 * before any other module's top-level work: what precedes it is the browser
 * loading and compiling the script.
 */
export const EVALUATION_STARTED_MS = performance.now();
