import type { ReportClaim } from './claim-reporter';
import { absoluteWebUrl, describeBody } from './describe-values';
import { replaceMethod, replaceSetter, savedGetter } from './replace-method';

/** sendBeacon, fetch (keepalive or not), XMLHttpRequest, and images loaded from script. */
export function hookNetwork(report: ReportClaim): void {
  const baseUri = savedGetter(Node.prototype, 'baseURI');
  const base = () => String(baseUri?.(document) ?? location.href);

  replaceMethod(Navigator.prototype, 'sendBeacon', (_self, [url, data]) => {
    const href = absoluteWebUrl(url, base());
    if (href)
      report({
        type: 'network-call',
        api: 'sendBeacon',
        url: href,
        method: 'POST',
        keepalive: true,
        ...describeBody(data),
      });
  });

  hookFetch(report, base);
  hookXhr(report, base);

  const isConnected = savedGetter(Node.prototype, 'isConnected');
  replaceSetter(HTMLImageElement.prototype, 'src', (self, value) => {
    const href = absoluteWebUrl(value, base());
    if (!href) return;
    report({
      type: 'network-call',
      api: 'image',
      url: href,
      method: 'GET',
      keepalive: false,
      detached: isConnected?.(self) !== true,
    });
  });
}

function hookFetch(report: ReportClaim, base: () => string): void {
  const requestUrl = savedGetter(Request.prototype, 'url');
  const requestMethod = savedGetter(Request.prototype, 'method');
  const requestKeepalive = savedGetter(Request.prototype, 'keepalive');
  replaceMethod(window, 'fetch', (_self, [input, init]) => {
    const isRequest = input instanceof Request;
    const options = (typeof init === 'object' && init !== null ? init : {}) as RequestInit;
    const href = absoluteWebUrl(isRequest ? requestUrl?.(input) : input, base());
    if (!href) return;
    const method = String(options.method ?? (isRequest ? requestMethod?.(input) : 'GET') ?? 'GET');
    const keepalive = options.keepalive === true || (isRequest && requestKeepalive?.(input) === true);
    report({
      type: 'network-call',
      api: 'fetch',
      url: href,
      method: /^[A-Za-z]{1,16}$/.test(method) ? method : 'GET',
      keepalive,
      ...describeBody(options.body),
    });
  });
}

function hookXhr(report: ReportClaim, base: () => string): void {
  const opened = new WeakMap<object, { url: string; method: string }>();
  replaceMethod(XMLHttpRequest.prototype, 'open', (self, [method, url]) => {
    const href = absoluteWebUrl(url, base());
    if (href && typeof self === 'object' && self !== null)
      opened.set(self, { url: href, method: String(method) });
  });
  replaceMethod(XMLHttpRequest.prototype, 'send', (self, [body]) => {
    const call = typeof self === 'object' && self !== null ? opened.get(self) : undefined;
    if (!call) return;
    report({
      type: 'network-call',
      api: 'xhr',
      url: call.url,
      method: /^[A-Za-z]{1,16}$/.test(call.method) ? call.method : 'GET',
      keepalive: false,
      ...describeBody(body),
    });
  });
}
