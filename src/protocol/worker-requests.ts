import * as v from 'valibot';
import type { RetentionResult } from '../core/recording/retention';
import type { RecordingStatus, StartResult } from '../core/recording/session';
import type { Report } from '../core/report/report-types';
import type { VisitSummary } from '../core/report/visit-summary';
import type { SameType } from './same-type';

/**
 * Requests extension pages send to the background, with their answers. One
 * entry per request type; the background implements a handler for each, so a
 * missing handler is a type error rather than a silent drop.
 */
export interface Requests {
  'get-tab-report': {
    request: { tabId: number };
    response: TabReport;
  };
  /** The verdict and first screen of violations, kept up to date as data arrives: what the popup shows first. */
  'get-tab-summary': {
    request: { tabId: number };
    response: TabSummary;
  };
  /** Everything recorded, every visit: the report page. */
  'get-full-report': {
    request: NoFields;
    response: Report;
  };
  /** Deletes every recorded observation and visit (the options page asks the user first). */
  'clear-data': {
    request: NoFields;
    response: { cleared: number };
  };
  // Recording sessions for evidence (the popup's recording controls).
  'get-recording': { request: NoFields; response: RecordingStatus };
  /** The auditor's fields are checked again in the background; problems come back in words. */
  'start-recording': {
    request: { caseName: string; auditorName: string; notes: string };
    response: StartResult;
  };
  'stop-recording': { request: NoFields; response: RecordingStatus };
  /** Stores and chains everything observed so far, before a page reads the session to export it. */
  'settle-recording': { request: NoFields; response: RecordingStatus };
  /** Days to keep data outside recorded sessions (the options page). */
  'get-retention': { request: NoFields; response: { days: number } };
  /** Saves the setting and applies it at once: how many observations went. */
  'set-retention': { request: { days: number }; response: RetentionResult };
}

/** A request that carries nothing but its type. */
type NoFields = Record<never, never>;

export type RequestType = keyof Requests;
export type RequestMessage = { [K in RequestType]: { type: K } & Requests[K]['request'] }[RequestType];
export type ResponseOf<K extends RequestType> = Requests[K]['response'];

export interface TabReport {
  /** False when the tab is not on a monitored site: nothing is recorded there. */
  monitored: boolean;
  pageUrl: string | null;
  /** Cut down to the popup's share for a very large visit: see `observationsOmitted`. */
  report: (Report & { observationsOmitted: number }) | null;
  /** A storage problem the user must know about, e.g. observations that could not be saved. */
  storageProblem: string | null;
}

export interface TabSummary {
  monitored: boolean;
  pageUrl: string | null;
  summary: VisitSummary | null;
  storageProblem: string | null;
}

const tabId = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const field = v.pipe(v.string(), v.maxLength(10_000));
/** A request with nothing but its type. */
const bare = <K extends RequestType>(type: K) => v.strictObject({ type: v.literal(type) });

/** Every request's exact shape; a field too many, missing or of another type refuses it. */
const RequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('get-tab-report'), tabId }),
  v.strictObject({ type: v.literal('get-tab-summary'), tabId }),
  bare('get-full-report'),
  bare('clear-data'),
  bare('get-recording'),
  v.strictObject({
    type: v.literal('start-recording'),
    caseName: field,
    auditorName: field,
    notes: field,
  }),
  bare('stop-recording'),
  bare('settle-recording'),
  bare('get-retention'),
  // Days are checked by the retention setting itself, which words its own refusal.
  v.strictObject({ type: v.literal('set-retention'), days: v.number() }),
]);

// One schema per request of the map: a request added to `Requests` without its schema fails to compile.
const sameRequests: SameType<v.InferOutput<typeof RequestSchema>, RequestMessage> = true;
void sameRequests;

/** Checks a message's shape before any handler sees it; anything else is refused. */
export function parseRequest(raw: unknown): RequestMessage | null {
  const result = v.safeParse(RequestSchema, raw);
  return result.success ? result.output : null;
}
