import type { ReportClaim } from './claim-reporter';
import { absoluteWebUrl, describeBody } from './describe-values';
import type { PageRealm } from './page-realm';
import { matches, safeWeakMap, toText } from './primordials';
import { replaceMethod, replaceSetter, savedGetter } from './replace-method';

const METHOD = /^[A-Za-z]{1,16}$/;

/** sendBeacon, fetch (keepalive or not), XMLHttpRequest, and images loaded from script. */
export function hookNetwork(report: ReportClaim, realm: PageRealm): void {
  const baseUri = savedGetter(realm.Node.prototype, 'baseURI');
  const doc = realm.document;
  const base = () => toText(baseUri?.(doc) ?? realm.location.href);

  replaceMethod(realm.Navigator.prototype, 'sendBeacon', (_self, args) => {
    const data = args[1];
    const href = absoluteWebUrl(args[0], base());
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

  hookFetch(report, realm, base);
  hookXhr(report, realm, base);

  const isConnected = savedGetter(realm.Node.prototype, 'isConnected');
  replaceSetter(realm.HTMLImageElement.prototype, 'src', (self, value) => {
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

function hookFetch(report: ReportClaim, realm: PageRealm, base: () => string): void {
  const requestUrl = savedGetter(realm.Request.prototype, 'url');
  const requestMethod = savedGetter(realm.Request.prototype, 'method');
  const requestKeepalive = savedGetter(realm.Request.prototype, 'keepalive');
  replaceMethod(realm, 'fetch', (_self, args) => {
    const input = args[0];
    const init = args[1];
    // Read through the saved getter: a string or URL throws there, a Request of any frame answers.
    let requestHref: unknown;
    try {
      requestHref = requestUrl?.(input);
    } catch {
      requestHref = undefined;
    }
    const isRequest = requestHref !== undefined;
    const options = (typeof init === 'object' && init !== null ? init : {}) as RequestInit;
    const href = absoluteWebUrl(isRequest ? requestHref : input, base());
    if (!href) return;
    const method = toText(options.method ?? (isRequest ? requestMethod?.(input) : 'GET') ?? 'GET');
    const keepalive = options.keepalive === true || (isRequest && requestKeepalive?.(input) === true);
    report({
      type: 'network-call',
      api: 'fetch',
      url: href,
      method: matches(METHOD, method) ? method : 'GET',
      keepalive,
      ...describeBody(options.body),
    });
  });
}

function hookXhr(report: ReportClaim, realm: PageRealm, base: () => string): void {
  const opened = safeWeakMap<object, { url: string; method: string }>();
  replaceMethod(realm.XMLHttpRequest.prototype, 'open', (self, args) => {
    const href = absoluteWebUrl(args[1], base());
    if (href && typeof self === 'object' && self !== null)
      opened.set(self, { url: href, method: toText(args[0]) });
  });
  replaceMethod(realm.XMLHttpRequest.prototype, 'send', (self, args) => {
    const body = args[0];
    const call = typeof self === 'object' && self !== null ? opened.get(self) : undefined;
    if (!call) return;
    report({
      type: 'network-call',
      api: 'xhr',
      url: call.url,
      method: matches(METHOD, call.method) ? call.method : 'GET',
      keepalive: false,
      ...describeBody(body),
    });
  });
}
