import { classifyHost } from '../classify/classify-host';
import { decorationEntry } from '../classify/link-decoration-catalog';
import { registrableDomain } from '../classify/party';
import { maskForDisplay } from '../payloads/mask';
import { stableId } from '../util/stable-id';
import { boundText, MAX_HEADER_CHARS } from './bounded-text';
import type { PageContext } from './cookie-from-jar';
import type { BounceHop, DecorationParam, LinkDecorationObservation } from './observation';

/** URLs of one navigation kept; a longer redirect chain keeps its first ones and its last. */
const MAX_CHAIN = 20;
/** Parameters of one URL looked at; a query longer than this is not read further. */
const MAX_PARAMS = 100;

/**
 * The catalogued parameters on a URL (its query, and a `#a=b&c=d` fragment,
 * where single-page apps and some ad platforms put them), each value masked:
 * a click id or a person's id is handled like the personal data it may be.
 */
export function decorationParams(url: string): DecorationParam[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const found: DecorationParam[] = [];
  const fragment = parsed.hash.includes('=') ? new URLSearchParams(parsed.hash.slice(1)) : undefined;
  let read = 0;
  for (const params of [parsed.searchParams, fragment]) {
    if (!params) continue;
    for (const [name, value] of params) {
      if (++read > MAX_PARAMS) break;
      const entry = decorationEntry(name);
      if (!entry || value === '' || (entry.purpose !== 'advertising' && entry.purpose !== 'statistics'))
        continue;
      if (found.some((p) => p.name === name)) continue;
      found.push({
        name,
        vendor: entry.vendor,
        purpose: entry.purpose,
        carries: entry.carries,
        value: maskForDisplay(entry.carries === 'email-id' ? 'device-id' : 'account-id', value),
        valueLength: value.length,
        host: parsed.hostname,
      });
    }
  }
  return found;
}

/** The URL with every catalogued parameter's value masked, bounded as a header is. */
export function maskedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return boundText(url, MAX_HEADER_CHARS).text;
  }
  const mask = (params: URLSearchParams) => {
    let changed = false;
    for (const [name, value] of [...params]) {
      const entry = decorationEntry(name);
      if (!entry || value === '') continue;
      params.set(name, maskForDisplay('account-id', value));
      changed = true;
    }
    return changed;
  };
  const query = new URLSearchParams(parsed.search);
  if (mask(query)) parsed.search = query.toString();
  if (parsed.hash.includes('=')) {
    const fragment = new URLSearchParams(parsed.hash.slice(1));
    if (mask(fragment)) parsed.hash = fragment.toString();
  }
  return boundText(parsed.toString(), MAX_HEADER_CHARS).text;
}

/** Whether a URL leaves the page's site (another registrable domain). */
export function leavesSite(url: string, pageUrl: string): boolean {
  const to = registrableDomain(url);
  return to !== null && to !== registrableDomain(pageUrl);
}

/**
 * The links of a page's markup that leave the site carrying catalogued
 * parameters: one observation per link URL, read by the extension (`dom`).
 */
export function outboundLinkObservations(
  links: readonly string[],
  page: PageContext,
  observedAt: number,
  frameUrl?: string,
): LinkDecorationObservation[] {
  const observations: LinkDecorationObservation[] = [];
  for (const link of new Set(links)) {
    if (!leavesSite(link, page.url)) continue;
    const params = decorationParams(link);
    if (params.length === 0) continue;
    observations.push({
      id: stableId('ld', [page.visitId, 'link', link]),
      kind: 'link-decoration',
      provenance: 'dom',
      observedAt,
      tabId: page.tabId,
      visitId: page.visitId,
      pageUrl: page.url,
      ...(frameUrl !== undefined && frameUrl !== page.url && { frameUrl }),
      via: 'link',
      url: maskedUrl(link),
      params,
    });
  }
  return observations;
}

/**
 * A navigation away from a page, with its redirects (first URL to last): an
 * observation when a URL on the way carries catalogued parameters, or when it
 * bounced through a catalogued tracker's host that is neither the page's site
 * nor the site it ended on (A → tracker → B); none otherwise.
 */
export function navigationObservation(
  chain: readonly string[],
  page: PageContext,
  observedAt: number,
  requestId: string,
): LinkDecorationObservation | undefined {
  const last = chain[chain.length - 1];
  if (last === undefined) return undefined;
  const params: DecorationParam[] = [];
  for (const url of chain) {
    for (const param of decorationParams(url)) {
      if (!params.some((p) => p.name === param.name && p.host === param.host)) params.push(param);
    }
  }
  const ends = new Set([registrableDomain(page.url), registrableDomain(last)]);
  const bouncedThrough: BounceHop[] = [];
  for (const url of chain.slice(0, -1)) {
    const host = hostOf(url);
    if (host === '' || ends.has(registrableDomain(url)) || bouncedThrough.some((b) => b.host === host))
      continue;
    const entry = classifyHost(host);
    if (entry && (entry.purpose === 'advertising' || entry.purpose === 'statistics')) {
      bouncedThrough.push({ host, vendor: entry.vendor, purpose: entry.purpose });
    }
  }
  // A same-site navigation carries nothing to another site.
  const leaves = chain.some((url) => leavesSite(url, page.url));
  if (!leaves || (params.length === 0 && bouncedThrough.length === 0)) return undefined;
  const kept =
    chain.length <= MAX_CHAIN ? chain : [...chain.slice(0, MAX_CHAIN - 1), chain[chain.length - 1] ?? ''];
  return {
    id: stableId('ld', [page.visitId, 'navigation', requestId, chain[0]]),
    kind: 'link-decoration',
    provenance: 'webRequest',
    observedAt,
    tabId: page.tabId,
    visitId: page.visitId,
    pageUrl: page.url,
    via: 'navigation',
    url: maskedUrl(chain[0] ?? last),
    params,
    chain: kept.map(maskedUrl),
    ...(bouncedThrough.length > 0 && { bouncedThrough }),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
