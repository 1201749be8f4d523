/**
 * The script that made a call, from a stack trace taken inside a page hook.
 *
 * The first frames are the hook itself, which lives in the extension
 * (chrome-extension://, moz-extension://); the first web URL after them is the
 * caller. An inline script shows as the document's own URL. V8 writes frames
 * as "at fn (URL:line:col)" or "at URL:line:col", Gecko as "fn@URL:line:col";
 * both end in URL:line:col, which is all this reads.
 */
const FRAME_URL = /((?:https?|chrome-extension|moz-extension|safari-web-extension):\/\/[^\s()@]+?):\d+:\d+/g;
const EXTENSION_SCHEME = /^(?:chrome|moz|safari-web)-extension:/;
const MAX_SCRIPT_URL_CHARS = 2_048;

export function callerScriptUrl(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  for (const match of stack.slice(0, 16_384).matchAll(FRAME_URL)) {
    const url = match[1] as string;
    if (EXTENSION_SCHEME.test(url)) continue;
    return url.length > MAX_SCRIPT_URL_CHARS ? url.slice(0, MAX_SCRIPT_URL_CHARS) : url;
  }
  return undefined;
}
