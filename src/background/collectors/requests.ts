import { type Browser, browser } from 'wxt/browser';
import { referenceTablesProvided } from '../../core/classify/reference-tables';
import type { PageContext } from '../../core/observations/cookie-from-jar';
import { journaledBody, reportedBody } from '../../core/observations/journaled-body';
import { networkObservationFrom, type ReportedBody } from '../../core/observations/network-observation';
import type { Observation } from '../../core/observations/observation';
import { visitOfEarlierReading } from '../../core/observations/page-visit';
import { referenceTablesLoaded } from '../../stores/packaged-reference-tables';
import type { MonitoredSites } from '../monitored-site-registry';
import type { VisitTracker } from '../visit-tracker';
import { CanonicalNames } from './canonical-names';
import { type JournalEntry, RequestJournal, type RequestReading } from './request-journal';
import { RequestSenders } from './request-senders';
import { visitOfRequest } from './request-visit';
import { responseHeaderOptions, setCookieObservations, visitOfResponse } from './response-headers';

/** Bodies wait here between the request and its end; a page cannot make this grow without bound. */
const MAX_PENDING_BODIES = 2_000;
/** Requests whose headers were read, remembered until they end; a page cannot make this grow without bound. */
const MAX_READ_HEADERS = 5_000;
/** The response headers an observation is made of; the journal keeps only these. */
const HEADERS_READ = new Set(['set-cookie', 'content-type', 'content-length']);

/** Takes observations into safe keeping at once (the writer journals them), to be stored soon. */
type RecordObservations = (observations: Observation[]) => void;

/**
 * Records every request a monitored page makes, third-party ones included when
 * the extension may see them, with its body (captured before sending), its
 * Set-Cookie headers (including cookies the browser then refuses) and how it
 * ended. Requests of tabs that are not monitored are dropped at once.
 *
 * A request is read twice, when its headers arrive and when it ends, and both
 * readings give the same observation ids; the first stored is kept. A body
 * waiting for its request, and a reading that arrives before a just-woken
 * worker knows the tabs' pages, are journaled: a worker stopped meanwhile
 * loses nothing, the next one replays them.
 */
export function watchRequests(
  visits: VisitTracker,
  sites: MonitoredSites,
  record: RecordObservations,
  journal = new RequestJournal(),
): void {
  const bodies = new Map<string, { body: ReportedBody; key: string }>();
  const senders = new RequestSenders();
  const canonicalNames = new CanonicalNames();
  let ready = false;
  const whenReady = Promise.all([visits.ready, sites.ready]).then(() => {
    ready = true;
  });
  const filter = { urls: ['<all_urls>'] };
  // Only these can carry a request body; scripts, images, styles and fonts never do.
  const withBodies: typeof filter & { types: `${Browser.webRequest.ResourceType}`[] } = {
    ...filter,
    types: ['main_frame', 'sub_frame', 'xmlhttprequest', 'ping', 'csp_report', 'other', ...beaconType()],
  };

  const keepBody = (requestId: string, body: ReportedBody, key: string) => {
    if (bodies.size >= MAX_PENDING_BODIES) {
      const oldest = bodies.keys().next().value;
      if (oldest !== undefined) bodies.delete(oldest);
    }
    bodies.set(requestId, { body, key });
  };
  const dropBody = (requestId: string) => {
    const kept = bodies.get(requestId);
    if (!kept) return;
    bodies.delete(requestId);
    journal.forget(kept.key);
  };
  /**
   * The hops (request id and URL) whose headers reading this worker journaled.
   * The end reading of such a hop gives the same facts under the same ids, and
   * the first stored is kept, so it is neither journaled nor stored again.
   */
  const readHeaders = new Set<string>();
  const hop = (reading: RequestReading) => `${reading.requestId} ${reading.url}`;

  // The visit each request is sent under: a single-page app may change route before it is answered.
  browser.webRequest.onBeforeRequest.addListener((details) => {
    if (!ready || details.tabId < 0 || details.type === 'main_frame') return undefined;
    const visit = visits.current(details.tabId);
    if (visit) {
      senders.note(details.requestId, visit.visitId, details.timeStamp);
      canonicalNames.note(details.url, visit.url);
    }
    return undefined;
  }, filter);

  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      if (!details.requestBody) return undefined;
      // A form posted to a Jeejio page belongs to the visit it starts, which does not exist yet.
      const monitored =
        details.type === 'main_frame'
          ? sites.covers(details.url)
          : !ready || visitOfRequest(details, visits) !== undefined;
      if (!monitored) return undefined;
      const body = details.requestBody as ReportedBody;
      const key = journal.note({
        event: 'body',
        requestId: details.requestId,
        timeStamp: details.timeStamp,
        body: journaledBody(body),
      });
      keepBody(details.requestId, body, key);
      return undefined;
    },
    withBodies,
    ['requestBody'],
  );

  /**
   * Hands what a reading gives to the writer, which journals it at once; the
   * reading and its body may then leave this journal.
   */
  const store = (reading: RequestReading, page: PageContext, end: boolean, key?: string) => {
    const kept = bodies.get(reading.requestId);
    if (end) bodies.delete(reading.requestId);
    const hand = (journaled = key) => {
      record([
        networkObservationFrom(reading, kept?.body, page, canonicalNames.of(reading.url)),
        ...setCookieObservations(reading, page),
      ]);
      if (journaled !== undefined) journal.forget(journaled);
      if (kept) journal.forget(kept.key);
    };
    // Whether it is a beacon depends on the CNAME-tracker list, read from the package on the worker's
    // first request rather than compiled into its script, and on its host's canonical name when still asked.
    const pending = [
      canonicalNames.settled(reading.url),
      referenceTablesProvided() ? undefined : referenceTablesLoaded(),
    ];
    if (pending.every((p) => p === undefined)) return hand();
    // Meanwhile the reading waits in the journal.
    const waiting = key ?? journal.note({ event: end ? 'end' : 'headers', details: readingOf(reading) });
    void Promise.all(pending).then(() => hand(waiting));
  };

  const read = (event: 'headers' | 'end', details: RequestReading) => {
    const place = () =>
      event === 'headers'
        ? visitOfResponse(details as Browser.webRequest.OnHeadersReceivedDetails, visits, sites, senders)
        : visitOfRequest(details, visits, senders);
    if (ready) {
      // The body went into the headers reading's observation.
      if (event === 'end' && readHeaders.delete(hop(details))) {
        senders.forget(details.requestId);
        return void bodies.delete(details.requestId);
      }
      const visit = place();
      // Placed, an ended request's sender is needed no more.
      if (event === 'end') senders.forget(details.requestId);
      if (!visit) {
        if (event === 'end') dropBody(details.requestId);
        return;
      }
      if (event === 'headers') {
        if (readHeaders.size >= MAX_READ_HEADERS) readHeaders.clear();
        readHeaders.add(hop(details));
      }
      return store(details, pageOf(visit), event === 'end');
    }
    // A worker just woken does not know the tabs' pages yet: the reading is journaled before waiting for them.
    const key = journal.note({ event, details: readingOf(details) });
    void whenReady.then(() => {
      const visit = place();
      if (visit) return store(details, pageOf(visit), event === 'end', key);
      journal.forget(key);
      if (event === 'end') dropBody(details.requestId);
    });
  };

  browser.webRequest.onHeadersReceived.addListener(
    (details) => {
      read('headers', details);
      return undefined;
    },
    filter,
    responseHeaderOptions() as `${Browser.webRequest.OnHeadersReceivedOptions}`[],
  );
  browser.webRequest.onCompleted.addListener(
    (details) => read('end', details),
    filter,
    responseHeaderOptions() as `${Browser.webRequest.OnCompletedOptions}`[],
  );
  browser.webRequest.onErrorOccurred.addListener((details) => read('end', details), filter);

  void whenReady
    .then(() => journal.leftOver(Date.now()))
    .then((left) => replay(left, { visits, bodies, keepBody, store, dropBody, journal }))
    .catch((error: unknown) =>
      console.error('[inspector] Could not replay journaled request readings', error),
    );
}

/**
 * Readings a stopped worker noted but may not have stored. Storing them again
 * is harmless: ids already stored are skipped.
 */
function replay(
  left: { key: string; entry: JournalEntry }[],
  live: {
    visits: VisitTracker;
    bodies: Map<string, unknown>;
    keepBody: (requestId: string, body: ReportedBody, key: string) => void;
    store: (reading: RequestReading, page: PageContext, end: boolean, key?: string) => void;
    dropBody: (requestId: string) => void;
    journal: RequestJournal;
  },
): void {
  for (const { key, entry } of left) {
    if (entry.event === 'body') {
      // The request may still be running: its end, in this worker, takes the body from here.
      if (!live.bodies.has(entry.requestId)) live.keepBody(entry.requestId, reportedBody(entry.body), key);
      continue;
    }
    const { details } = entry;
    // A reading of a page no longer shown has nothing to be filed under.
    const page = visitOfEarlierReading(details, visitOfRequest(details, live.visits));
    if (page) {
      live.store(details, pageOf(page), entry.event === 'end', key);
      continue;
    }
    live.journal.forget(key);
    if (entry.event === 'end') live.dropBody(details.requestId);
  }
}

/**
 * Firefox files a sendBeacon request as "beacon" where Chrome says "ping":
 * its body is asked for under that type too. Chrome refuses a filter naming a
 * type it does not know, so it is named only where the browser lists it.
 */
function beaconType(): `${Browser.webRequest.ResourceType}`[] {
  const types = (browser.webRequest as { ResourceType?: Record<string, string> }).ResourceType;
  return types?.BEACON ? [types.BEACON as `${Browser.webRequest.ResourceType}`] : [];
}

function pageOf(visit: PageContext): PageContext {
  return { tabId: visit.tabId, visitId: visit.visitId, url: visit.url };
}

/** The parts of a webRequest event an observation is made of, small enough to journal. */
function readingOf(details: RequestReading): RequestReading {
  const reading: RequestReading = {
    requestId: details.requestId,
    url: details.url,
    method: details.method,
    type: details.type,
    tabId: details.tabId,
    timeStamp: details.timeStamp,
  };
  if (details.initiator !== undefined) reading.initiator = details.initiator;
  if (details.statusCode !== undefined) reading.statusCode = details.statusCode;
  if (details.error !== undefined) reading.error = details.error;
  if (details.urlClassification) reading.urlClassification = details.urlClassification;
  if (details.responseHeaders) {
    reading.responseHeaders = details.responseHeaders.filter((h) => HEADERS_READ.has(h.name.toLowerCase()));
  }
  return reading;
}
