import * as v from 'valibot';
import type { PageClaim } from '../core/observations/reported-facts';
import type { SameType } from './same-type';

/**
 * The channel from the page hooks (in the page's own world) to the content
 * script: batches of claims as JSON text, sent as DOM events under a random
 * event name (page-channel.ts). Every field is the page's word: each claim is checked for
 * shape and size here and again in the worker (content-reports.ts), and what it
 * says becomes a `page-hook` observation, verified only where the browser
 * confirms it.
 */
export const MAX_CLAIM_URL_CHARS = 8_192;
export const MAX_CLAIM_VALUE_CHARS = 4_096;
export const MAX_CLAIM_KEY_CHARS = 1_024;
export const MAX_CLAIMS_PER_MESSAGE = 200;
/** A whole batch as the page hands it over, before parsing: 200 claims at their largest. */
export const MAX_BATCH_CHARS = 4 * 1024 * 1024;

/** A string of at most `max` characters: every text field a page can fill is bounded. */
export const bounded = (max: number) => v.pipe(v.string(), v.maxLength(max));
const script = v.optional(bounded(2_048));
/** A window the page made, where the hooks reached before the page (reported-facts.ts). */
const frame = v.optional(
  v.pipe(bounded(MAX_CLAIM_URL_CHARS), v.regex(/^(?:about:(?:blank|srcdoc)$|https?:\/\/)/i)),
);
export const length = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

const CookieWriteClaim = v.strictObject({
  type: v.literal('cookie-write'),
  script,
  frame,
  /** The string assigned to document.cookie. */
  cookie: bounded(MAX_CLAIM_URL_CHARS),
});

const StorageWriteClaim = v.strictObject({
  type: v.literal('storage-write'),
  script,
  frame,
  area: v.picklist(['localStorage', 'sessionStorage']),
  op: v.picklist(['set', 'remove', 'clear']),
  key: bounded(MAX_CLAIM_KEY_CHARS),
  value: bounded(MAX_CLAIM_VALUE_CHARS),
  valueLength: length,
});

const NetworkCallClaim = v.strictObject({
  type: v.literal('network-call'),
  script,
  frame,
  api: v.picklist(['sendBeacon', 'fetch', 'xhr', 'image']),
  url: v.pipe(bounded(MAX_CLAIM_URL_CHARS), v.regex(/^https?:\/\//i)),
  method: v.pipe(v.string(), v.regex(/^[A-Za-z]{1,16}$/)),
  keepalive: v.boolean(),
  /** Set for an image the script made but never put in the page (`new Image()`). */
  detached: v.optional(v.boolean()),
  body: v.optional(bounded(MAX_CLAIM_VALUE_CHARS)),
  bodyLength: v.optional(length),
});

const IndexedDbWriteClaim = v.strictObject({
  type: v.literal('indexeddb-write'),
  script,
  frame,
  op: v.picklist(['open', 'put', 'add']),
  database: bounded(MAX_CLAIM_KEY_CHARS),
  store: bounded(MAX_CLAIM_KEY_CHARS),
  key: bounded(MAX_CLAIM_KEY_CHARS),
  value: bounded(MAX_CLAIM_VALUE_CHARS),
  valueLength: length,
});

const FingerprintClaim = v.strictObject({
  type: v.literal('fingerprint'),
  script,
  frame,
  technique: v.picklist(['canvas', 'audio', 'webgl', 'fonts']),
  detail: bounded(300),
});

export const PageClaimSchema = v.variant('type', [
  CookieWriteClaim,
  StorageWriteClaim,
  NetworkCallClaim,
  IndexedDbWriteClaim,
  FingerprintClaim,
]);

/** The schema yields the core's claim type, no more and no less. */
const sameClaim: SameType<v.InferOutput<typeof PageClaimSchema>, PageClaim> = true;
void sameClaim;

/** One claim, or null when it is not one. */
export function parsePageClaim(raw: unknown): PageClaim | null {
  const result = v.safeParse(PageClaimSchema, raw);
  return result.success ? result.output : null;
}

/** Claims the page hooks left out over their own rate limit, as they say: a page can only make this larger. */
const MAX_DROPPED_SAID = 1_000_000_000;

/**
 * The batch the page world hands over, as JSON text: an array of claims, or
 * `{ claims, dropped }` when the hooks left some out over their rate limit.
 * Claims that do not parse are counted, not kept; the rest of the batch
 * survives them.
 */
export function parseClaimBatch(text: unknown): {
  claims: PageClaim[];
  refused: number;
  dropped: number;
  /** Where the page says its claims were made (its URL then); the relay accepts only its own origin's. */
  route?: string;
} {
  const none = { claims: [], refused: 1, dropped: 0 };
  if (typeof text !== 'string' || text.length > MAX_BATCH_CHARS) return none;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return none;
  }
  let raw: unknown = parsed;
  let dropped = 0;
  let route: string | undefined;
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const {
      claims,
      dropped: said,
      route: saidRoute,
    } = parsed as {
      claims?: unknown;
      dropped?: unknown;
      route?: unknown;
    };
    raw = claims;
    if (typeof said === 'number' && Number.isSafeInteger(said) && said > 0)
      dropped = Math.min(said, MAX_DROPPED_SAID);
    if (typeof saidRoute === 'string' && saidRoute.length <= MAX_CLAIM_URL_CHARS) route = saidRoute;
  }
  if (!Array.isArray(raw)) return none;
  const claims: PageClaim[] = [];
  let refused = 0;
  for (const item of raw.slice(0, MAX_CLAIMS_PER_MESSAGE)) {
    const claim = parsePageClaim(item);
    if (claim) claims.push(claim);
    else refused++;
  }
  refused += Math.max(0, raw.length - MAX_CLAIMS_PER_MESSAGE);
  return route === undefined ? { claims, refused, dropped } : { claims, refused, dropped, route };
}
