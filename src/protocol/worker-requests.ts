import type { RetentionResult } from '../background/recording/retention-keeper';
import type { RecordingStatus, StartResult } from '../core/recording/session';
import type { Report } from '../core/report/report-types';
import type { VisitSummary } from '../core/report/visit-summary';

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
    request: Record<string, never>;
    response: Report;
  };
  /** Deletes every recorded observation and visit (the options page asks the user first). */
  'clear-data': {
    request: Record<string, never>;
    response: { cleared: number };
  };
  // Recording sessions for evidence (the popup's recording controls).
  'get-recording': { request: Record<string, never>; response: RecordingStatus };
  /** The auditor's fields are checked again in the background; problems come back in words. */
  'start-recording': {
    request: { caseName: string; auditorName: string; notes: string };
    response: StartResult;
  };
  'stop-recording': { request: Record<string, never>; response: RecordingStatus };
  /** Stores and chains everything observed so far, before a page reads the session to export it. */
  'settle-recording': { request: Record<string, never>; response: RecordingStatus };
  /** Days to keep data outside recorded sessions (the options page). */
  'get-retention': { request: Record<string, never>; response: { days: number } };
  /** Saves the setting and applies it at once: how many observations went. */
  'set-retention': { request: { days: number }; response: RetentionResult };
}

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

const validators: { [K in RequestType]: (raw: Record<string, unknown>) => boolean } = {
  'get-tab-report': (raw) => Number.isSafeInteger(raw.tabId) && (raw.tabId as number) >= 0,
  'get-tab-summary': (raw) => Number.isSafeInteger(raw.tabId) && (raw.tabId as number) >= 0,
  'get-full-report': (raw) => Object.keys(raw).length === 1,
  'clear-data': (raw) => Object.keys(raw).length === 1,
  'get-recording': (raw) => Object.keys(raw).length === 1,
  'start-recording': (raw) =>
    Object.keys(raw).length === 4 &&
    [raw.caseName, raw.auditorName, raw.notes].every((f) => typeof f === 'string' && f.length <= 10_000),
  'stop-recording': (raw) => Object.keys(raw).length === 1,
  'settle-recording': (raw) => Object.keys(raw).length === 1,
  'get-retention': (raw) => Object.keys(raw).length === 1,
  'set-retention': (raw) => Object.keys(raw).length === 2 && typeof raw.days === 'number',
};

/** Checks a message's shape before any handler sees it; anything else is refused. */
export function parseRequest(raw: unknown): RequestMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string' || !Object.hasOwn(validators, type)) return null;
  return validators[type as RequestType](record) ? (record as unknown as RequestMessage) : null;
}
