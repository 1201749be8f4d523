import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Page, Response } from 'playwright-core';
import { type HostRule, mapHost } from '../core/config/host-rules';

/**
 * The host rules did not take the audit where they say: it stops (exit 2)
 * rather than judge a server nobody meant, production perhaps, as staging.
 */
export class HostRulesNotApplied extends Error {
  override name = 'HostRulesNotApplied';
}

/** How the first document of a navigation came, as the browser tells it. */
export interface FirstDocument {
  url: string;
  /** The remote address Chromium connected to; null when it did not say (a cache, a proxy it hides). */
  servedFrom?: { ipAddress: string; port: number } | null;
  /** Why the browser got no answer, when it got none. */
  failure?: string;
}

/** A name's addresses as this machine resolves it; Chromium resolves a mapped name the same way. */
export type ResolveHost = (host: string) => Promise<string[]>;

const resolveWithSystem: ResolveHost = async (host) =>
  (await lookup(host, { all: true })).map((entry) => entry.address);

/**
 * Checks that the document at `first.url` came from the address the host
 * rules map its host to. Returns a line saying so, or undefined when no MAP
 * rule covers the host (nothing to confirm); throws HostRulesNotApplied when
 * it came from elsewhere, or from nowhere.
 */
export async function confirmHostRules(
  rules: readonly HostRule[],
  first: FirstDocument,
  resolve: ResolveHost = resolveWithSystem,
): Promise<string | undefined> {
  const url = new URL(first.url);
  const port = Number(url.port || (url.protocol === 'http:' ? 80 : 443));
  const target = mapHost(rules, url.hostname, port);
  if (target === undefined) return undefined;
  const goal = target.kind === 'not-found' ? '~NOTFOUND' : `${target.host}:${target.port}`;
  const stop = (what: string): never => {
    throw new HostRulesNotApplied(
      `The host rules send ${url.hostname} to ${goal}, but the first page, ${first.url}, ${what}. ` +
        'The audit stops: it cannot tell which server it would be judging.',
    );
  };
  if (first.failure !== undefined) return stop(`got no answer there (${first.failure})`);
  if (target.kind === 'not-found') return stop('loaded all the same');
  if (!first.servedFrom) return stop('came without Chromium naming the address that served it');
  const served = normalizeAddress(first.servedFrom.ipAddress);
  const where = `${served}:${first.servedFrom.port}`;
  let expected: string[];
  try {
    expected = isIP(target.host) ? [target.host] : await resolve(target.host);
  } catch (error) {
    return stop(`came from ${where}, and ${target.host} does not resolve here to compare (${String(error)})`);
  }
  const addresses = expected.map(normalizeAddress);
  if (!addresses.includes(served) || first.servedFrom.port !== target.port) {
    const resolved = isIP(target.host) ? '' : ` (${target.host} is ${addresses.join(', ')} here)`;
    return stop(`came from ${where}${resolved}`);
  }
  return `${url.hostname} answered from ${where}, as the host rules map it.`;
}

/** "[::1]" and "::1", "::ffff:10.0.0.5" and "10.0.0.5" are the same address. */
function normalizeAddress(address: string): string {
  const bare = address.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare.startsWith('::ffff:') && isIP(bare.slice(7)) === 4 ? bare.slice(7) : bare;
}

/**
 * Watches a tab's next navigation for its first document: the first answer in
 * its redirect chain (that is the requested URL's), or why there was none.
 * `read` is called once the navigation is over, whether it loaded or not.
 */
export function watchFirstDocument(
  page: Page,
  url: string,
): { read(): Promise<FirstDocument>; stop(): void } {
  let response: Response | undefined;
  let failure: string | undefined;
  const isFirstDocument = (request: ReturnType<Response['request']>) =>
    request.isNavigationRequest() &&
    request.frame() === page.mainFrame() &&
    request.redirectedFrom() === null;
  const onResponse = (r: Response) => {
    if (response === undefined && isFirstDocument(r.request())) response = r;
  };
  const onFailed = (request: ReturnType<Response['request']>) => {
    if (failure === undefined && isFirstDocument(request)) failure = request.failure()?.errorText ?? 'failed';
  };
  page.on('response', onResponse);
  page.on('requestfailed', onFailed);
  const stop = () => {
    page.off('response', onResponse);
    page.off('requestfailed', onFailed);
  };
  return {
    stop,
    async read() {
      stop();
      if (response) return { url: response.url(), servedFrom: await response.serverAddr() };
      return { url, failure: failure ?? 'no answer before the page timed out' };
    },
  };
}
