import type { NetworkObservation, Observation, PageVisit } from '../observations/observation';

/**
 * The requests and beacons of a recorded log as an HTTP Archive (HAR 1.2),
 * so an auditor can open them in a browser's network panel or any HAR tool.
 * HAR has room for more than the extension records: timings, headers and
 * response bodies are not recorded and are left empty (-1 where the format
 * says so). What HAR has no field for travels in underscore fields, as the
 * format allows: `_observationId` ties each entry to the chain.
 */
export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages: HarPage[];
    entries: HarEntry[];
  };
}

export interface HarPage {
  startedDateTime: string;
  id: string;
  title: string;
  pageTimings: Record<string, never>;
}

interface NameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  pageref?: string;
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: NameValue[];
    headers: NameValue[];
    queryString: NameValue[];
    postData?: { mimeType: string; text: string; comment?: string };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: NameValue[];
    headers: NameValue[];
    content: { size: number; mimeType: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment: string;
  _observationId: string;
  _kind: 'request' | 'beacon';
  _provenance: string;
  _resourceType: string;
  _initiator?: string;
  _beaconSignals?: string[];
  _scriptUrl?: string;
  _frameUrl?: string;
}

export function buildHar(
  log: { pages: readonly PageVisit[]; observations: readonly Observation[] },
  creator: { name: string; version: string },
): Har {
  const pageIds = new Set(log.pages.map((p) => p.visitId));
  // A session asks the same endpoints again and again: each URL is parsed once.
  const queries = new Map<string, NameValue[]>();
  const queryOfUrl = (url: string) => {
    let query = queries.get(url);
    if (!query) {
      query = queryOf(url);
      queries.set(url, query);
    }
    return query;
  };
  const network = log.observations.filter(
    (o): o is NetworkObservation => o.kind === 'request' || o.kind === 'beacon',
  );
  return {
    log: {
      version: '1.2',
      creator,
      pages: [...log.pages]
        .sort((a, b) => a.startedAt - b.startedAt)
        .map((p) => ({
          startedDateTime: new Date(p.startedAt).toISOString(),
          id: p.visitId,
          title: p.url,
          pageTimings: {},
        })),
      // HAR readers expect the oldest first; the sort is stable, so storage order breaks ties.
      entries: network
        .sort((a, b) => a.observedAt - b.observedAt)
        .map((o) => toEntry(o, pageIds, queryOfUrl)),
    },
  };
}

// Built by assignment, not by spreading optional members: 100,000 observations make this a hot path.
function toEntry(
  o: NetworkObservation,
  pageIds: ReadonlySet<string>,
  queryOfUrl: (url: string) => NameValue[],
): HarEntry {
  const request: HarEntry['request'] = {
    method: o.method,
    url: o.url,
    httpVersion: '',
    cookies: [],
    headers: [],
    queryString: queryOfUrl(o.url),
    headersSize: -1,
    bodySize: o.requestBody === undefined ? 0 : (o.requestBodyLength ?? o.requestBody.length),
  };
  if (o.requestBody !== undefined) {
    const postData: NonNullable<HarEntry['request']['postData']> = { mimeType: '', text: o.requestBody };
    if ((o.requestBodyLength ?? 0) > o.requestBody.length)
      postData.comment = `Cut to ${o.requestBody.length} of ${o.requestBodyLength} characters.`;
    request.postData = postData;
  }
  const entry: HarEntry = {
    startedDateTime: new Date(o.observedAt).toISOString(),
    time: 0,
    request,
    response: {
      // 0 is what browsers' own HAR exports write when no response was seen.
      status: o.statusCode ?? 0,
      statusText: '',
      httpVersion: '',
      cookies: [],
      headers: o.contentType === undefined ? [] : [{ name: 'Content-Type', value: o.contentType }],
      content: { size: 0, mimeType: o.contentType ?? '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    comment: `Observed by Jeejio Privacy Inspector (${o.provenance}); timings, headers and bodies of responses were not recorded.`,
    _observationId: o.id,
    _kind: o.kind,
    _provenance: o.provenance,
    _resourceType: o.resourceType,
  };
  if (pageIds.has(o.visitId)) entry.pageref = o.visitId;
  if (o.initiator !== undefined) entry._initiator = o.initiator;
  if (o.beaconSignals?.length) entry._beaconSignals = o.beaconSignals;
  if (o.scriptUrl !== undefined) entry._scriptUrl = o.scriptUrl;
  if (o.frameUrl !== undefined) entry._frameUrl = o.frameUrl;
  return entry;
}

function queryOf(url: string): NameValue[] {
  if (!URL.canParse(url)) return [];
  return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
}
