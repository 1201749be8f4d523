import { browser } from 'wxt/browser';
import type { Inspector } from '../protocol/inspector';
import {
  parseRequest,
  type RequestMessage,
  type RequestType,
  type ResponseOf,
} from '../protocol/worker-requests';

type Handlers = {
  [K in RequestType]: (request: Extract<RequestMessage, { type: K }>) => Promise<ResponseOf<K>>;
};

/**
 * Answers extension pages (the popup, later the report and options pages).
 * Messages from content scripts or other extensions are refused: only pages
 * served from this extension's own origin may ask.
 */
export function serveRequests(inspector: Inspector): void {
  const handlers: Handlers = {
    'get-tab-report': (request) => inspector.tabReport(request.tabId),
    'get-tab-summary': (request) => inspector.tabSummary(request.tabId),
    'get-full-report': () => inspector.exportReport(),
    'clear-data': () => inspector.clearData(),
    'get-recording': () => inspector.recorder.status(),
    'start-recording': ({ caseName, auditorName, notes }) =>
      inspector.recorder.start({ caseName, auditorName, notes }),
    'stop-recording': () => inspector.recorder.stop(),
    'settle-recording': () => inspector.recorder.settle(),
    'get-retention': async () => ({ days: (await inspector.retention.setting()).days }),
    'set-retention': ({ days }) => inspector.retention.set(days),
  };
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/')))
      return undefined;
    const request = parseRequest(raw);
    if (!request) return undefined;
    const handle = handlers[request.type] as (r: RequestMessage) => Promise<unknown>;
    return handle(request);
  });
}
