import { classifyRequest } from '../classify/classify-request';
import { stableId } from '../util/stable-id';
import { boundText, MAX_HEADER_CHARS } from './bounded-text';
import type { PageContext } from './cookie-from-jar';
import type { BeaconSignal, NetworkObservation } from './observation';

/** Request bodies are kept as evidence up to this many characters. */
export const MAX_BODY_CHARS = 16_384;
/** Images at most this large are pixels, not pictures (a 1×1 GIF is 43 bytes). */
const TINY_IMAGE_BYTES = 1_000;

/** A request as the browser reports it when it ends (webRequest's onCompleted or onErrorOccurred). */
export interface FinishedRequest {
  requestId: string;
  url: string;
  method: string;
  /** webRequest resource type: main_frame, image, ping, xmlhttprequest, ... */
  type: string;
  initiator?: string;
  statusCode?: number;
  responseHeaders?: readonly { name: string; value?: string }[];
  error?: string;
  timeStamp: number;
  /** Firefox's own classification of the request by its tracker lists (absent elsewhere). */
  urlClassification?: { firstParty?: readonly string[]; thirdParty?: readonly string[] };
}

/** The body the browser reported before sending (webRequest's requestBody). */
export interface ReportedBody {
  formData?: Record<string, readonly string[]>;
  raw?: readonly { bytes?: ArrayBuffer }[];
  /** The raw body's full length, when only its start was kept (a body replayed from the journal). */
  rawLength?: number;
  error?: string;
}

/** A request body as text: form fields as a query string, raw bytes decoded as UTF-8. */
export function requestBodyText(
  body: ReportedBody | undefined,
): { text: string; length: number } | undefined {
  if (!body) return undefined;
  if (body.formData) {
    const text = Object.entries(body.formData)
      .flatMap(([name, values]) => values.map((v) => `${encodeURIComponent(name)}=${encodeURIComponent(v)}`))
      .join('&');
    return { text, length: text.length };
  }
  if (body.raw) {
    const chunks = body.raw.flatMap((part) => (part.bytes ? [new Uint8Array(part.bytes)] : []));
    const length = chunks.reduce((n, c) => n + c.length, 0);
    if (length === 0) return undefined;
    const joined = new Uint8Array(Math.min(length, MAX_BODY_CHARS * 4));
    let offset = 0;
    for (const chunk of chunks) {
      if (offset >= joined.length) break;
      const part = chunk.subarray(0, joined.length - offset);
      joined.set(part, offset);
      offset += part.length;
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(joined.subarray(0, offset));
    return { text, length: Math.max(length, body.rawLength ?? 0) };
  }
  return undefined;
}

/**
 * How a request gives itself away as a web beacon: sent as a ping
 * (navigator.sendBeacon, hyperlink auditing), a tiny image, or a request to a
 * known analytics or advertising endpoint.
 */
export function beaconSignals(
  request: FinishedRequest,
  pageUrl: string,
  canonicalName?: string,
): BeaconSignal[] {
  const signals: BeaconSignal[] = [];
  if (request.type === 'ping' || request.type === 'beacon') signals.push('ping');
  if (request.type === 'image' || request.type === 'imageset') {
    const length = Number(header(request, 'content-length'));
    if (Number.isFinite(length) && length > 0 && length <= TINY_IMAGE_BYTES) signals.push('tiny-image');
  }
  if (request.type !== 'main_frame' && request.type !== 'sub_frame' && request.type !== 'script') {
    const { purpose, matchedBy } = classifyRequest({
      url: request.url,
      pageUrl,
      type: request.type,
      ...(canonicalName !== undefined && { canonicalName }),
    });
    if ((purpose === 'statistics' || purpose === 'advertising') && matchedBy !== 'none') {
      signals.push('analytics-endpoint');
    }
  }
  return signals;
}

/** One observation per request; redirect hops share the id's request but not its URL. */
export function networkObservationFrom(
  request: FinishedRequest,
  body: ReportedBody | undefined,
  page: PageContext,
  /** The host's canonical name, when the browser's resolver said it is an alias. */
  canonicalName?: string,
): NetworkObservation {
  const signals = beaconSignals(request, page.url, canonicalName);
  const url = boundText(request.url, MAX_HEADER_CHARS);
  const observation: NetworkObservation = {
    id: stableId('r', [request.requestId, request.url]),
    kind: signals.length > 0 ? 'beacon' : 'request',
    provenance: 'webRequest',
    observedAt: request.timeStamp,
    tabId: page.tabId,
    visitId: page.visitId,
    pageUrl: page.url,
    url: url.text,
    method: request.method,
    resourceType: request.type,
  };
  const warnings: string[] = [];
  if (url.truncated) warnings.push(`URL of ${url.length} characters truncated to ${MAX_HEADER_CHARS}.`);
  if (request.initiator) observation.initiator = request.initiator;
  if (canonicalName !== undefined) observation.canonicalName = canonicalName.slice(0, 253);
  const flags = browserTrackingFlags(request);
  if (flags.length > 0) observation.browserTrackingFlags = flags;
  if (request.statusCode !== undefined) observation.statusCode = request.statusCode;
  const contentType = header(request, 'content-type');
  if (contentType) observation.contentType = contentType.slice(0, 200);
  const text = requestBodyText(body);
  if (text) {
    const bounded = boundText(text.text, MAX_BODY_CHARS);
    observation.requestBody = bounded.text;
    observation.requestBodyLength = text.length;
    if (bounded.truncated || text.length > bounded.length) {
      warnings.push(`Request body of ${text.length} characters truncated to ${MAX_BODY_CHARS}.`);
    }
  }
  if (body?.error) warnings.push(`The browser could not report the request body: ${body.error}`);
  if (request.error) warnings.push(`The request failed: ${request.error}`);
  if (signals.length > 0) observation.beaconSignals = signals;
  if (warnings.length > 0) observation.warnings = warnings;
  return observation;
}

function header(request: FinishedRequest, name: string): string | undefined {
  return request.responseHeaders?.find((h) => h.name.toLowerCase() === name)?.value;
}

/** Flags a browser may name a request with; more, or longer ones, are not Firefox's and are left out. */
const MAX_TRACKING_FLAGS = 16;
const TRACKING_FLAG = /^[a-z_]{1,40}$/;

/**
 * What Firefox's own tracker lists say of a request (`urlClassification`:
 * tracking, tracking_ad, fingerprinting…), first- and third-party alike, each
 * once: the browser's word beside the extension's own classification.
 */
export function browserTrackingFlags(request: Pick<FinishedRequest, 'urlClassification'>): string[] {
  const { firstParty = [], thirdParty = [] } = request.urlClassification ?? {};
  return [...new Set([...firstParty, ...thirdParty])]
    .filter((flag) => TRACKING_FLAG.test(flag))
    .slice(0, MAX_TRACKING_FLAGS);
}
