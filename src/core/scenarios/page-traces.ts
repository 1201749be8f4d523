import { decodePayload } from '../payloads/decode-payload';
import { tellsVisitorsApart } from '../payloads/meaning';
import type { Report, ReportObservation } from '../report/report-types';

/** The kinds of trace a page leaves that a scenario may stop. */
export type TraceKind = 'cookie' | 'storage' | 'third-party' | 'beacon' | 'fingerprinting' | 'identifier';

/** One trace, named alike in every run: a cookie by name and domain, a third party by host. */
export interface Trace {
  kind: TraceKind;
  /** Stable across runs: `_gcl_au@.jeejio.com`, `hm.baidu.com`, `canvas`. */
  key: string;
  purpose: string;
  vendor: string | null;
  /** The observation that shows it, in the run it comes from. */
  observationId: string;
}

/**
 * What the browser saw a page leave behind, keyed so that two runs in
 * different profiles can be compared: cookies the browser stored, storage
 * written, third parties contacted, beacons sent, fingerprinting calls.
 * Only browser-side facts count (a refused Set-Cookie header, or a claim
 * the browser never confirmed, stopped nothing and started nothing).
 */
export function tracesByPage(report: Report): Map<string, Trace[]> {
  const byPage = new Map<string, Map<string, Trace>>();
  for (const observation of report.observations) {
    const found = identifiersSent(observation);
    const trace = traceOf(observation);
    if (trace) found.unshift(trace);
    if (found.length === 0) continue;
    const page = pageKey(observation.pageUrl);
    const traces = byPage.get(page) ?? new Map<string, Trace>();
    for (const t of found) if (!traces.has(`${t.kind} ${t.key}`)) traces.set(`${t.kind} ${t.key}`, t);
    byPage.set(page, traces);
  }
  return new Map([...byPage].map(([page, traces]) => [page, [...traces.values()]]));
}

/** A page's address without its fragment: a route's hash may differ between runs, its page not. */
export function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

function traceOf(o: ReportObservation): Trace | undefined {
  const base = { purpose: o.purpose, vendor: o.vendor, observationId: o.id };
  switch (o.kind) {
    case 'cookie':
      // Stored by the browser: heard from its jar, a header whose cookie the jar kept, or a script's write
      // the browser confirmed (a page rewriting a cookie an earlier page set may be heard only so).
      // Keyed without the domain's leading dot, which the same cookie has or lacks by who reported it.
      if (
        (o.action === 'set' && o.verified) ||
        (o.action === 'script-write' && o.verified) ||
        (o.action === 'set-attempt' && (o.cookieJar === 'stored' || o.cookieJar === 'partitioned'))
      )
        return { kind: 'cookie', key: `${o.name}@${o.domain.replace(/^\./, '')}`, ...base };
      return undefined;
    case 'storage':
      return o.action === 'set' && o.verified
        ? { kind: 'storage', key: `${o.area ?? 'storage'}:${o.name}@${o.origin ?? o.domain}`, ...base }
        : undefined;
    case 'beacon':
      return o.verified ? { kind: 'beacon', key: endpointOf(o), ...base } : undefined;
    case 'request':
      return o.verified && o.party === 'third-party'
        ? { kind: 'third-party', key: o.domain, ...base }
        : undefined;
    case 'fingerprint':
      return { kind: 'fingerprinting', key: o.technique ?? o.name, ...base };
    default:
      return undefined;
  }
}

/** A beacon's host and path: its query (ids, timestamps) differs on every hit. */
function endpointOf(o: ReportObservation): string {
  try {
    const url = new URL(o.url ?? o.name);
    return `${url.host}${url.pathname}`;
  } catch {
    return o.name;
  }
}

/** Identifier traces taken from one request: a batch of events repeats the same ids in each. */
const MAX_IDENTIFIERS_PER_REQUEST = 8;

/**
 * The identifiers a request or beacon the browser saw carried in its URL or
 * body, as a vendor's documented payload format names them (a GA4 hit's
 * `cid`, a Segment call's `anonymousId`): each a trace keyed by endpoint and
 * field, so a visit that refused cookies yet still sent a visitor id shows it.
 * A record's place in a batch is left out of the key (`events[].device_id`):
 * how many events a batch holds changes from run to run, the field does not.
 */
function identifiersSent(o: ReportObservation): Trace[] {
  if ((o.kind !== 'beacon' && o.kind !== 'request') || !o.verified || !o.url) return [];
  const payload = decodePayload(o.url, o.requestBody);
  if (!payload) return [];
  const endpoint = endpointOf(o);
  const traces = new Map<string, Trace>();
  for (const field of payload.fields) {
    if (!tellsVisitorsApart(field.meaning)) continue;
    const key = `${field.path.replace(/\[\d+\]/g, '[]')} (${field.meaning}) to ${endpoint}`;
    if (traces.has(key)) continue;
    if (traces.size >= MAX_IDENTIFIERS_PER_REQUEST) break;
    traces.set(key, {
      kind: 'identifier',
      key,
      purpose: payload.purpose,
      vendor: payload.vendor,
      observationId: o.id,
    });
  }
  return [...traces.values()];
}
