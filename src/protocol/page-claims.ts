import * as v from 'valibot';

/**
 * What the page hooks (in the page's own world) report through the content
 * script to the background. Every field is the page's word: each claim is
 * checked for shape and size at both hops, and what it says becomes a
 * `page-hook` observation, verified only where the browser confirms it.
 */
export const MAX_CLAIM_URL_CHARS = 8_192;
export const MAX_CLAIM_VALUE_CHARS = 4_096;
export const MAX_CLAIM_KEY_CHARS = 1_024;
export const MAX_CLAIMS_PER_MESSAGE = 200;
/** A whole batch as the page hands it over, before parsing: 200 claims at their largest. */
export const MAX_BATCH_CHARS = 4 * 1024 * 1024;

const bounded = (max: number) => v.pipe(v.string(), v.maxLength(max));
const script = v.optional(bounded(2_048));
const length = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

const CookieWriteClaim = v.strictObject({
  type: v.literal('cookie-write'),
  script,
  /** The string assigned to document.cookie. */
  cookie: bounded(MAX_CLAIM_URL_CHARS),
});

const StorageWriteClaim = v.strictObject({
  type: v.literal('storage-write'),
  script,
  area: v.picklist(['localStorage', 'sessionStorage']),
  op: v.picklist(['set', 'remove', 'clear']),
  key: bounded(MAX_CLAIM_KEY_CHARS),
  value: bounded(MAX_CLAIM_VALUE_CHARS),
  valueLength: length,
});

const NetworkCallClaim = v.strictObject({
  type: v.literal('network-call'),
  script,
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
  technique: v.picklist(['canvas', 'audio', 'webgl', 'fonts']),
  detail: bounded(300),
});

const PageClaimSchema = v.variant('type', [
  CookieWriteClaim,
  StorageWriteClaim,
  NetworkCallClaim,
  IndexedDbWriteClaim,
  FingerprintClaim,
]);

export type PageClaim = v.InferOutput<typeof PageClaimSchema>;
export type ClaimOf<T extends PageClaim['type']> = Extract<PageClaim, { type: T }>;

/** One claim, or null when it is not one. */
export function parsePageClaim(raw: unknown): PageClaim | null {
  const result = v.safeParse(PageClaimSchema, raw);
  return result.success ? result.output : null;
}

/** A numbered claim, as the content script forwards it: the number makes a resent claim count once. */
export interface NumberedClaim {
  seq: number;
  claim: PageClaim;
}

/** What the content script sends the background for one frame. */
export interface PageClaimsMessage {
  type: 'page-claims';
  /** Random per frame load, so claims of two frames never share an id. */
  frame: string;
  claims: NumberedClaim[];
  /** Claims refused as malformed, or dropped over the rate limit, since the last message. */
  refused: number;
  dropped: number;
}

const PageClaimsMessageSchema = v.strictObject({
  type: v.literal('page-claims'),
  frame: v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/)),
  claims: v.pipe(
    v.array(v.strictObject({ seq: length, claim: PageClaimSchema })),
    v.maxLength(MAX_CLAIMS_PER_MESSAGE),
  ),
  refused: length,
  dropped: length,
});

export function parsePageClaimsMessage(raw: unknown): PageClaimsMessage | null {
  const result = v.safeParse(PageClaimsMessageSchema, raw);
  return result.success ? result.output : null;
}

/**
 * The batch the page world hands over, as JSON text. Claims that do not parse
 * are counted, not kept; the rest of the batch survives them.
 */
export function parseClaimBatch(text: unknown): { claims: PageClaim[]; refused: number } {
  if (typeof text !== 'string' || text.length > MAX_BATCH_CHARS) return { claims: [], refused: 1 };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { claims: [], refused: 1 };
  }
  if (!Array.isArray(raw)) return { claims: [], refused: 1 };
  const claims: PageClaim[] = [];
  let refused = 0;
  for (const item of raw.slice(0, MAX_CLAIMS_PER_MESSAGE)) {
    const claim = parsePageClaim(item);
    if (claim) claims.push(claim);
    else refused++;
  }
  refused += Math.max(0, raw.length - MAX_CLAIMS_PER_MESSAGE);
  return { claims, refused };
}
