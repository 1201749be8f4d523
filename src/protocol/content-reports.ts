import * as v from 'valibot';
import { MAX_OUTBOUND_LINKS } from '../core/observations/outbound-link-limit';
import type { DomPixel, NumberedClaim, ResourceTimingEntry } from '../core/observations/reported-facts';
import type { StorageEntry } from '../core/observations/storage-observation';
import { bounded, length, MAX_CLAIMS_PER_MESSAGE, PageClaimSchema } from './page-claims';
import type { SameType } from './same-type';

/**
 * The channel from the content scripts to the worker. Content scripts read
 * values the page controls, and a page can send messages that look like
 * theirs, so every report is checked for shape and size here, once, before the
 * worker uses it. The worker takes the sender's tab and frame from the browser,
 * never from the message.
 */

export const MAX_SNAPSHOT_ENTRIES = 500;
/** Hidden pixels the markup watcher reports per frame; the rest it counts. */
export const MAX_PIXELS_PER_FRAME = 500;
const MAX_KEY_CHARS = 1_024;
const MAX_VALUE_CHARS = 4_096;
const MAX_URL_CHARS = 8_192;

/** A web URL, bounded like every URL a page can fill. */
const RouteSchema = v.pipe(bounded(MAX_URL_CHARS), v.regex(/^https?:\/\//i));

/** Whether a report may carry `url` where it takes a route or a writer's address. */
export const isReportableRoute = (url: string): boolean => v.is(RouteSchema, url);

const entriesOf = <T extends v.GenericSchema>(item: T) =>
  v.pipe(v.array(item), v.maxLength(MAX_SNAPSHOT_ENTRIES));

const StorageAreaSchema = v.picklist(['localStorage', 'sessionStorage', 'indexedDB', 'cacheStorage']);

const StorageEntrySchema = v.pipe(
  v.object({
    area: StorageAreaSchema,
    key: bounded(MAX_KEY_CHARS),
    value: bounded(MAX_VALUE_CHARS),
    valueLength: v.pipe(v.number(), v.safeInteger()),
    notThisPage: v.optional(v.picklist(['stored-earlier', 'another-tab'])),
    writtenOn: v.optional(RouteSchema),
  }),
  v.check((entry) => entry.valueLength >= entry.value.length, 'the length is shorter than the value'),
);

/** What a frame keeps in its storage, as the content script read it. */
const StorageSnapshotSchema = v.object({
  type: v.literal('storage-snapshot'),
  entries: entriesOf(StorageEntrySchema),
  /** The reading a `storage-read-due` report announced. */
  answersDue: v.optional(v.literal(true)),
  /** Keys (databases, caches) beyond what one reading takes: counted, so padding cannot hide the rest unseen. */
  notRead: v.optional(length),
  /** The areas those keys were in. */
  notReadIn: v.optional(v.pipe(v.array(StorageAreaSchema), v.maxLength(4))),
});

/**
 * A content script will read storage again shortly (a script just wrote to
 * it): until that reading arrives, the page's storage is not fully known.
 */
const StorageReadDueSchema = v.object({ type: v.literal('storage-read-due') });

const ResourceTimingSchema = v.object({
  type: v.literal('resource-timing'),
  entries: entriesOf(
    v.object({
      url: v.pipe(bounded(MAX_URL_CHARS), v.regex(/^https?:\/\//)),
      initiatorType: bounded(40),
      startTime: v.pipe(v.number(), v.finite(), v.minValue(0)),
    }),
  ),
});

const DomPixelsSchema = v.object({
  type: v.literal('dom-pixels'),
  /** The frame's URL when the pixels appeared, as with page claims. */
  route: v.optional(RouteSchema),
  pixels: entriesOf(
    v.object({
      element: v.picklist(['img', 'iframe', 'noscript-img']),
      url: v.pipe(bounded(MAX_URL_CHARS), v.regex(/^https?:\/\//i)),
      reason: bounded(100),
    }),
  ),
  /** Elements the watcher did not inspect, having found its fill of pixels in this frame. */
  notInspected: v.optional(length),
});

/**
 * Links of a frame's markup that point off its host with a query or fragment:
 * the worker keeps those that leave the site carrying catalogued ids. Each
 * link is sent once per frame; past MAX_OUTBOUND_LINKS they are counted.
 */
const OutboundLinksSchema = v.object({
  type: v.literal('outbound-links'),
  route: v.optional(RouteSchema),
  links: v.pipe(v.array(RouteSchema), v.maxLength(MAX_OUTBOUND_LINKS)),
  /** Links beyond what a frame sends, counted since the last report. */
  notRead: v.optional(length),
});

/** The page hooks' claims of one frame, checked again here: the content script's checks are not trusted either. */
const PageClaimsSchema = v.strictObject({
  type: v.literal('page-claims'),
  /** Random per frame load, so claims of two frames never share an id. */
  frame: v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/)),
  /**
   * The frame's URL when these claims were made. A single-page app may move to
   * another route before the batch is sent, and the browser names the frame's
   * URL at sending; the worker files them under the route they were made on.
   */
  route: v.optional(RouteSchema),
  claims: v.pipe(
    v.array(v.strictObject({ seq: length, claim: PageClaimSchema })),
    v.maxLength(MAX_CLAIMS_PER_MESSAGE),
  ),
  /** Claims refused as malformed, or dropped over the rate limit, since the last report. */
  refused: length,
  dropped: length,
  /** This report's number in its frame: a report sent again is known, and its counts are not taken twice. */
  report: v.optional(length),
});

const ContentReportSchema = v.variant('type', [
  StorageSnapshotSchema,
  StorageReadDueSchema,
  ResourceTimingSchema,
  DomPixelsSchema,
  OutboundLinksSchema,
  PageClaimsSchema,
]);

/** Everything a content script may report to the worker, one kind per `type`. */
export type ContentReport = v.InferOutput<typeof ContentReportSchema>;
export type ContentReportOf<T extends ContentReport['type']> = Extract<ContentReport, { type: T }>;

// The schemas yield the core's types, so the two cannot drift apart.
const sameTypes: [
  SameType<ContentReportOf<'storage-snapshot'>['entries'][number], StorageEntry>,
  SameType<ContentReportOf<'resource-timing'>['entries'][number], ResourceTimingEntry>,
  SameType<ContentReportOf<'dom-pixels'>['pixels'][number], DomPixel>,
  SameType<ContentReportOf<'page-claims'>['claims'][number], NumberedClaim>,
] = [true, true, true, true];
void sameTypes;

/**
 * The worker's answer once what a report gave is safe from a worker stop. A
 * report left unanswered (the worker stopped meanwhile) is sent again.
 */
export const REPORT_KEPT = 'kept';
/** The worker's answer to a report it will never take (not a watched site, not a report, a failure): not sent again. */
export const REPORT_REFUSED = 'refused';

/**
 * Whether the worker answered a report for good. Anything else is no answer:
 * webextension-polyfill turns Chrome's "message port closed before a response
 * was received" (a worker stopped as the report reached it) into `undefined`,
 * not an error, so only these two words end the sending.
 */
export function isFinalReportAnswer(answer: unknown): boolean {
  return answer === REPORT_KEPT || answer === REPORT_REFUSED;
}

/** A content script's report, or null for anything that is not one (unknown fields are dropped). */
export function parseContentReport(raw: unknown): ContentReport | null {
  const result = v.safeParse(ContentReportSchema, raw);
  return result.success ? result.output : null;
}
