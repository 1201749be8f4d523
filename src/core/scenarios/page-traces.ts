import type { Report, ReportObservation } from '../report/report-types';

/** The kinds of trace a page leaves that a scenario may stop. */
export type TraceKind = 'cookie' | 'storage' | 'third-party' | 'beacon' | 'fingerprinting';

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
    const trace = traceOf(observation);
    if (!trace) continue;
    const page = pageKey(observation.pageUrl);
    const traces = byPage.get(page) ?? new Map<string, Trace>();
    if (!traces.has(`${trace.kind} ${trace.key}`)) traces.set(`${trace.kind} ${trace.key}`, trace);
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
