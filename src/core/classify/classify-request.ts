import { BoundedCache } from '../util/bounded-cache';
import type { HostCatalogEntry, RequestPathCatalogEntry } from './catalog-types';
import { type Classification, quote, unclassified } from './classification';
import { classifyHost } from './classify-host';
import { listedAlias } from './cname-trackers/cname-tracker-list';
import type { FilterListMatch, FilterListMatcher } from './filter-lists';
import { type Party, partyOf, registrableDomain } from './party';
import { REQUEST_PATH_CATALOG } from './request-path-catalog';
import { type UrlParts, urlParts } from './url-parts';

export interface RequestToClassify {
  url: string;
  /** The page that made the request, for the party and for filters' $domain / $third-party options. */
  pageUrl: string;
  /** The browser's resource type (script, image, xmlhttprequest, ping, sub_frame…), for filter lists. */
  type?: string;
  /**
   * The host's canonical name (the end of its CNAME chain), as the browser's
   * resolver gave it: a host of the page's own site that is an alias of a
   * tracker's is that tracker's collector under a first-party name.
   */
  canonicalName?: string;
  /** Who gave `canonicalName`: the browser's resolver unless an audit asked DNS itself. */
  canonicalNameBy?: 'audit-resolver';
  /** Every name from the host to `canonicalName`, when known (an audit's resolver follows the chain). */
  cnameChain?: readonly string[];
  /** What the browser's own tracker lists say of it (Firefox's urlClassification flags): told in the reason. */
  browserTrackingFlags?: readonly string[];
}

export interface RequestClassification extends Classification {
  /** Whether the request goes to the page's own site. */
  party: Party;
  /** The request's lower-case host ('' when the URL has none). */
  host: string;
  /** Set when an imported filter list has a blocking filter for the request. */
  filterList?: FilterListMatch;
}

export interface ClassifyRequestOptions {
  /** Filter lists the user imported, compiled once with compileFilterLists. */
  filterLists?: FilterListMatcher;
}

/** Path entries with a host, by that host; host-less ones apart. */
const PATHS_BY_HOST = new Map<string, RequestPathCatalogEntry[]>();
const PATHS_ON_ANY_HOST: RequestPathCatalogEntry[] = [];
for (const entry of REQUEST_PATH_CATALOG) {
  if (entry.host === undefined) {
    PATHS_ON_ANY_HOST.push(entry);
  } else {
    const list = PATHS_BY_HOST.get(entry.host) ?? [];
    list.push(entry);
    PATHS_BY_HOST.set(entry.host, list);
  }
}
const NO_ENTRIES: readonly RequestPathCatalogEntry[] = [];

/** Path entries whose host is the request host or one of its parents; remembered per host. */
const pathsForHostCache = new BoundedCache<string, readonly RequestPathCatalogEntry[]>(20_000);

function pathEntriesForHost(host: string): readonly RequestPathCatalogEntry[] {
  const cached = pathsForHostCache.get(host);
  if (cached) return cached;
  const found: RequestPathCatalogEntry[] = [];
  let start = 0;
  while (start < host.length) {
    const list = PATHS_BY_HOST.get(host.slice(start));
    if (list) found.push(...list);
    const dot = host.indexOf('.', start);
    if (dot === -1) break;
    start = dot + 1;
  }
  const result = found.length === 0 ? NO_ENTRIES : found;
  if (host.length <= 253) pathsForHostCache.set(host, result);
  return result;
}

/** Whether a lower-case path starts with a prefix on a segment boundary ('/tr' matches /tr and /tr/x, not /track). */
function pathMatches(path: string, prefix: string): boolean {
  if (!path.startsWith(prefix)) return false;
  if (path.length === prefix.length || prefix.endsWith('/')) return true;
  const next = path.charCodeAt(prefix.length);
  return next === 47 /* / */ || next === 46 /* . */;
}

function findPathEntry(
  parts: UrlParts,
  entries: readonly RequestPathCatalogEntry[],
): RequestPathCatalogEntry | undefined {
  let query: string | undefined;
  for (const entry of entries) {
    if (!pathMatches(parts.path, entry.pathPrefix)) continue;
    if (entry.queryIncludes !== undefined) {
      query ??= parts.query.toLowerCase();
      const lowerQuery = query;
      if (!entry.queryIncludes.every((text) => lowerQuery.includes(text))) continue;
    }
    return entry;
  }
  return undefined;
}

/**
 * Classifies a request URL: vendor and purpose from the path catalogue (a
 * tracking path on a general host, or a self-hosted tool's well-known path)
 * and the host catalogue (most specific host), plus the first matching
 * filter of the user's filter lists, and the party.
 *
 * Order of evidence: a host's own tracking path; the host's catalogue entry
 * when it names a purpose; a well-known tool path on any host; a filter-list
 * match; the host's entry that names only a vendor; nothing. A filter match
 * is reported in every case, so the reason shows both the catalogue and the
 * list.
 */
export function classifyRequest(
  request: RequestToClassify,
  options: ClassifyRequestOptions = {},
): RequestClassification {
  const classified = classifyByCatalogues(request, options);
  const flags = request.browserTrackingFlags ?? [];
  if (flags.length === 0) return classified;
  // The browser's word, told beside the catalogues' and never in their place: both browsers judge alike.
  return {
    ...classified,
    reason: `${classified.reason} Firefox's own tracker lists flag the request too (${flags.join(', ')}).`,
  };
}

function classifyByCatalogues(
  request: RequestToClassify,
  options: ClassifyRequestOptions,
): RequestClassification {
  const parts = urlParts(request.url);
  const host = parts?.host ?? '';
  const cloaked = uncloak(host, request) ?? fromCnameTrackerList(host, request);
  if (cloaked) return cloaked;
  const party = partyOf(host, request.pageUrl);
  const hostEntry = host === '' ? undefined : classifyHost(host);
  const hostPath = parts && host !== '' ? findPathEntry(parts, pathEntriesForHost(host)) : undefined;
  const anyHostPath = parts && !hostPath ? findPathEntry(parts, PATHS_ON_ANY_HOST) : undefined;
  const filter = options.filterLists?.match(request) ?? undefined;
  const extra = { party, host, ...(filter && { filterList: filter }) };
  const also = filter ? ` ${describeFilter(filter, 'It also matches')}` : '';

  let classified: Classification;
  if (hostPath) {
    classified = fromPath(request.url, hostPath, also);
  } else if (anyHostPath && party === 'first-party') {
    // A vendor's collector the site hosts itself: its own host may be in no catalogue, or only as a CDN.
    classified = fromSelfHostedCollector(request.url, host, request.pageUrl, anyHostPath, also);
  } else if (hostEntry && hostEntry.purpose !== 'unknown') {
    classified = fromHost(host, hostEntry, also);
  } else if (anyHostPath) {
    classified = fromPath(request.url, anyHostPath, also);
  } else if (filter) {
    classified = fromFilter(request.url, host, filter, hostEntry);
  } else if (hostEntry) {
    classified = fromHost(host, hostEntry, '');
  } else {
    classified = unclassified(
      host === ''
        ? `Request ${quote(request.url)} has no host, so its vendor and purpose are unknown.`
        : `Host ${quote(host)} is not in the host catalogue and no filter list matches the request, ` +
            'so its vendor and purpose are unknown.',
    );
  }
  const recipient = hostEntry?.recipient;
  return { ...classified, ...(recipient && { recipient }), ...extra };
}

/**
 * A first-party-looking host whose canonical name the host catalogue gives to
 * a tracker: classified by that tracker, as a third party, since the data goes
 * to the tracker's servers whatever name the page uses (CNAME cloaking).
 */
function uncloak(host: string, request: RequestToClassify): RequestClassification | undefined {
  const canonical = request.canonicalName?.toLowerCase().replace(/\.$/, '');
  if (!canonical || canonical === host || partyOf(host, request.pageUrl) !== 'first-party') return undefined;
  if (partyOf(canonical, request.pageUrl) !== 'third-party') return undefined;
  const entry = classifyHost(canonical);
  if (!entry || entry.purpose === 'unknown') return undefined;
  const what = entry.note ? ` (${entry.note})` : '';
  const chain = aliasChain(host, canonical, request.cnameChain);
  const resolver =
    request.canonicalNameBy === 'audit-resolver' ? "the audit's DNS resolver" : "the browser's DNS resolver";
  return {
    // The canonical name's classification, told as the alias it came through.
    ...fromHost(canonical, entry, ''),
    reason:
      `Host ${quote(host)} looks like the page's own site, but it is an alias: ${chain.join(' → ')} ` +
      `(its canonical name, as ${resolver} gave it). ${canonical} belongs to ${entry.vendor}${what}: ` +
      `the host catalogue lists ${entry.domain} as ${entry.purpose}. Request ${quote(request.url)} goes to that ` +
      'third party under a first-party name (CNAME cloaking).',
    ...(entry.recipient && { recipient: entry.recipient }),
    party: 'third-party',
    host,
  };
}

/**
 * A host AdGuard's CNAME-tracker list names as a tracker's alias: Chrome has
 * no DNS API, so a maintained list of known disguises stands in for the
 * resolver. The tracker, a third party, whatever name the page uses; its
 * purpose is the host catalogue's for the canonical name when it has one,
 * else unknown (the list says "tracker", not what for).
 */
function fromCnameTrackerList(host: string, request: RequestToClassify): RequestClassification | undefined {
  const listed = host === '' ? undefined : listedAlias(host);
  if (!listed) return undefined;
  const entry = classifyHost(listed.canonical);
  const known = entry && entry.purpose !== 'unknown' ? entry : undefined;
  const matched = listed.listed === host ? '' : ` (its entry ${quote(listed.listed)})`;
  const purpose = known
    ? `the host catalogue lists ${known.domain} as ${known.purpose}`
    : 'the host catalogue does not know that name, so the purpose is unknown';
  return {
    vendor: known?.vendor ?? listed.tracker,
    purpose: known?.purpose ?? 'unknown',
    crossSite: false,
    matchedBy: 'host',
    reason:
      `Host ${quote(host)} is listed by AdGuard's CNAME-tracker list${matched} as an alias of ` +
      `${listed.canonical}, a collector of ${listed.tracker}: ${purpose}. Request ${quote(request.url)} ` +
      'goes to that third party under the name of the site that set it up (CNAME cloaking).',
    source: listed.source,
    ...(known?.recipient && { recipient: known.recipient }),
    party: 'third-party',
    host,
  };
}

/** The names from host to canonical name: the chain given when it runs from one to the other, else the two ends. */
function aliasChain(host: string, canonical: string, given: readonly string[] | undefined): string[] {
  const names = (given ?? []).map((name) => name.toLowerCase().replace(/\.$/, ''));
  const whole = names.length >= 2 && names[0] === host && names[names.length - 1] === canonical;
  return whole ? names : [host, canonical];
}

function describeFilter(filter: FilterListMatch, lead: string): string {
  return `${lead} filter ${quote(filter.filter, 120)} of the list ${quote(filter.list)}.`;
}

/** How a path entry's query condition reads in a reason: ` with "a=" and "b=" in the query`. */
function queryCondition(entry: RequestPathCatalogEntry): string {
  if (!entry.queryIncludes) return '';
  return ` with ${entry.queryIncludes.map((text) => `"${text}"`).join(' and ')} in the query`;
}

function fromPath(url: string, entry: RequestPathCatalogEntry, also: string): Classification {
  const where = entry.host ? `on ${entry.host}` : 'on any host';
  const query = queryCondition(entry);
  return {
    vendor: entry.vendor,
    purpose: entry.purpose,
    crossSite: false,
    matchedBy: 'url',
    reason:
      `Request ${quote(url)} goes to ${entry.note}: its path starts with "${entry.pathPrefix}"${query} ` +
      `(${where}), which the request catalogue lists as ${entry.vendor}, ${entry.purpose}.${also}`,
    source: entry.source,
  };
}

/**
 * A request to the page's own site that a vendor SDK's well-known path gives
 * away (Sensors Data's /sa?project= on sa.<site>). It stays first-party, as
 * the data goes to the site's own server, but its purpose is the SDK's; the
 * reason says both, so a reader does not take it for the site's own API.
 */
function fromSelfHostedCollector(
  url: string,
  host: string,
  pageUrl: string,
  entry: RequestPathCatalogEntry,
  also: string,
): Classification {
  const site = registrableDomain(pageUrl) ?? host;
  return {
    vendor: entry.vendor,
    purpose: entry.purpose,
    crossSite: false,
    matchedBy: 'url',
    reason:
      `${entry.vendor} collector on ${quote(host)}, a host of the page's own site ${site} ` +
      `(its SDK's path "${entry.pathPrefix}"${queryCondition(entry)}: ${entry.note}). ` +
      `Request ${quote(url)} sends its data to the site's own server, for the SDK's purpose, ` +
      `${entry.purpose}.${also}`,
    source: entry.source,
  };
}

function fromHost(host: string, entry: HostCatalogEntry, also: string): Classification {
  const what = entry.note ? ` (${entry.note})` : '';
  return {
    vendor: entry.vendor,
    purpose: entry.purpose,
    crossSite: false,
    matchedBy: 'host',
    reason:
      `Host ${quote(host)} belongs to ${entry.vendor}${what}: the host catalogue lists ${entry.domain} ` +
      `as ${entry.purpose}.${also}`,
    source: entry.source,
  };
}

function fromFilter(
  url: string,
  host: string,
  filter: FilterListMatch,
  hostEntry: HostCatalogEntry | undefined,
): Classification {
  const owner = hostEntry
    ? ` The host catalogue attributes ${quote(host)} to ${hostEntry.vendor} without a purpose.`
    : ` Host ${quote(host)} is not in the host catalogue.`;
  return {
    vendor: hostEntry?.vendor ?? null,
    purpose: filter.purpose,
    crossSite: false,
    matchedBy: 'filter-list',
    reason:
      `${describeFilter(filter, `Request ${quote(url)} matches`)} The list is imported as ${filter.purpose}.` +
      owner,
    ...(hostEntry && { source: hostEntry.source }),
  };
}
