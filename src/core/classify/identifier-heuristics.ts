import { BoundedCache } from '../util/bounded-cache';
/*
 * Heuristics for values no table knows, in the spirit of Privacy Badger: a
 * long, random-looking value that lives long or travels to third parties is
 * probably an identifier, whoever set it. Pure and fast: one pass over the
 * value, no regular expression built per call.
 */

/** Values shorter than this carry too little to single out a browser. */
export const MIN_IDENTIFIER_LENGTH = 8;

/** Total Shannon entropy (bits per character × length) from which a value counts as random. */
const MIN_TOTAL_BITS = 28;
/** Bits per character below which a value is too repetitive to be random ("aaaabbbb"). */
const MIN_BITS_PER_CHAR = 2.5;
/** Only the head of a huge value is looked at: enough to judge, bounded in cost. */
const MAX_INSPECTED_LENGTH = 1024;

const BOOLEAN_WORDS = new Set([
  'true',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'null',
  'undefined',
  'none',
  'nan',
]);

const INTEGER = /^[+-]?\d+$/;
const DECIMAL_VERSION = /^v?\d{1,4}(?:\.\d{1,4}){1,3}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
/** A BCP 47 tag of language, optional script and optional region: zh-Hans-CN, en_US. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][a-z]{4})?(?:[-_](?:[a-z]{2}|\d{3}))?$/i;
const LETTERS_AND_SEPARATORS = /^[A-Za-z_.,'’-]+$/;
const WORD_SEPARATORS = /[_.,'’-]+/;
/** One word in lower case, Capitalised or UPPER case: not a random mix of cases. */
const WORD = /^(?:[a-z]+|[A-Z][a-z]*|[A-Z]+)$/;

/** Whether a value is words joined by separators (dark_theme, SIDEBAR-OPEN). Linear: no nested repetition. */
function readsAsWords(value: string): boolean {
  if (!LETTERS_AND_SEPARATORS.test(value)) return false;
  for (const part of value.split(WORD_SEPARATORS)) {
    if (!WORD.test(part)) return false;
  }
  return true;
}
const PLUS = /\+/g;
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:)?\/\/|^(?:https?|ftp)%3a%2f%2f/i;
const JSON_LIKE = /^(?:\{|\[|%7b|%5b)/i;

/** Seconds (10 digits) or milliseconds (13 digits) between 2000 and 2100. */
function isTimestamp(value: string): boolean {
  if (value.length !== 10 && value.length !== 13) return false;
  const seconds = Number(value) / (value.length === 13 ? 1000 : 1);
  return seconds >= 946_684_800 && seconds < 4_102_444_800;
}

/** YYYYMMDD with a plausible month and day. */
function isCompactDate(value: string): boolean {
  if (value.length !== 8 || (!value.startsWith('19') && !value.startsWith('20'))) return false;
  const month = Number(value.slice(4, 6));
  const day = Number(value.slice(6, 8));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Shannon entropy of the characters of a string, in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export interface IdentifierLikelihood {
  likely: boolean;
  /** Plain words, shown to users: what the value looks like and why. */
  reason: string;
}

function not(reason: string): IdentifierLikelihood {
  return { likely: false, reason };
}

/**
 * Whether a cookie or storage value looks like an identifier: at least 8
 * characters of random-looking text. Timestamps, booleans, small integers,
 * dates, version numbers, language codes, words, URLs and JSON blobs are
 * not identifiers by this measure, however long.
 */
export function identifierLikelihood(value: string): IdentifierLikelihood {
  if (value.length > MAX_REMEMBERED_LENGTH) return judgeIdentifierLikelihood(value);
  let judged = likelihoodCache.get(value);
  if (judged === undefined) {
    judged = Object.freeze(judgeIdentifierLikelihood(value));
    likelihoodCache.set(value, judged);
  }
  return judged;
}

/** Identifiers are short; remembering only short values keeps the cache's memory small. */
const MAX_REMEMBERED_LENGTH = 256;

/** The same cookie values are judged on every page visit; frozen as they are shared. */
const likelihoodCache = new BoundedCache<string, IdentifierLikelihood>(20_000);

function judgeIdentifierLikelihood(value: string): IdentifierLikelihood {
  const trimmed = value.length > MAX_INSPECTED_LENGTH ? value.slice(0, MAX_INSPECTED_LENGTH) : value.trim();
  if (trimmed.length < MIN_IDENTIFIER_LENGTH) {
    return not(`the value has ${trimmed.length} characters, fewer than ${MIN_IDENTIFIER_LENGTH}`);
  }
  const lower = trimmed.toLowerCase();
  if (BOOLEAN_WORDS.has(lower)) return not('the value is a boolean word');
  if (INTEGER.test(trimmed)) {
    if (isTimestamp(trimmed)) return not('the value is a timestamp');
    if (isCompactDate(trimmed)) return not('the value is a date');
    if (trimmed.length < 9) return not('the value is a small number');
  }
  if (ISO_DATE.test(trimmed)) return not('the value is a date');
  if (DECIMAL_VERSION.test(trimmed)) return not('the value is a version number');
  if (URL_LIKE.test(trimmed)) return not('the value is a URL');
  if (JSON_LIKE.test(trimmed)) return not('the value is a JSON document');
  if (LANGUAGE_TAG.test(trimmed)) return not('the value is a language code');
  if (/\s/.test(trimmed)) return not('the value contains spaces, so it reads as text');
  if (readsAsWords(trimmed)) return not('the value reads as words');
  const perChar = shannonEntropy(trimmed);
  const total = perChar * trimmed.length;
  const figures = `${trimmed.length} characters, ${perChar.toFixed(1)} bits of entropy per character`;
  if (perChar < MIN_BITS_PER_CHAR || total < MIN_TOTAL_BITS) {
    return not(`the value is too repetitive to be random (${figures})`);
  }
  return { likely: true, reason: `the value looks random (${figures})` };
}

/** More than a year, as Privacy Badger and browsers' cookie caps count long-lived. */
export const LONG_LIVED_DAYS = 365;
const DAY_MS = 86_400_000;

/**
 * Whether a cookie lives more than a year from when it was seen. A session
 * cookie (no expiry) or an unusable time is not long-lived.
 */
export function isLongLived(expiresEpochSeconds: number | undefined, observedAtMs: number): boolean {
  if (
    expiresEpochSeconds === undefined ||
    !Number.isFinite(expiresEpochSeconds) ||
    !Number.isFinite(observedAtMs)
  ) {
    return false;
  }
  return expiresEpochSeconds * 1000 - observedAtMs > LONG_LIVED_DAYS * DAY_MS;
}

/** Whole days a cookie lives from when it was seen, or undefined for a session cookie. */
export function lifetimeDays(
  expiresEpochSeconds: number | undefined,
  observedAtMs: number,
): number | undefined {
  if (
    expiresEpochSeconds === undefined ||
    !Number.isFinite(expiresEpochSeconds) ||
    !Number.isFinite(observedAtMs)
  ) {
    return undefined;
  }
  return Math.floor((expiresEpochSeconds * 1000 - observedAtMs) / DAY_MS);
}

/** Separators after which the rest of a value may travel on its own (GA1.2.<client id>). */
const TAIL_SEPARATORS = /[.:|]/g;
/** Values longer than this are not searched for: no identifier is that long. */
const MAX_SEARCHED_VALUE_LENGTH = 512;

/**
 * What to look for in third-party requests for one cookie value: the value,
 * its URL-encoded and URL-decoded forms, and its identifier-like tails after
 * a '.', ':' or '|' (a GA _ga value "GA1.1.123456789.1700000000" travels as
 * "123456789.1700000000"). Only identifier-like strings of 8 characters or
 * more are kept, so a timestamp or a language code never matches.
 */
function searchTermsFor(value: string): readonly string[] {
  if (value.length > MAX_SEARCHED_VALUE_LENGTH) return [];
  // One cookie value is seen on every page view of a session; its terms are worked out once.
  const cached = termsCache.get(value);
  if (cached) return cached;
  const terms = computeSearchTerms(value);
  termsCache.set(value, terms);
  return terms;
}

const termsCache = new BoundedCache<string, readonly string[]>(10_000);

function computeSearchTerms(value: string): string[] {
  const terms = new Set<string>();
  const add = (candidate: string) => {
    if (candidate.length >= MIN_IDENTIFIER_LENGTH && identifierLikelihood(candidate).likely)
      terms.add(candidate);
  };
  add(value);
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // Not URL-encoded; the value stands as it is.
  }
  if (decoded !== value) add(decoded);
  for (const match of value.matchAll(TAIL_SEPARATORS)) add(value.slice((match.index ?? 0) + 1));
  for (const term of [...terms]) {
    const encoded = encodeURIComponent(term);
    if (encoded !== term) terms.add(encoded);
  }
  return [...terms];
}

/**
 * Which cookie values reappear in third-party requests: for each cookie id,
 * the ids of the third-party requests whose URL or body carries its value
 * (plain, URL-encoded or as an identifier-like tail). Only identifier-like
 * values of 8 characters or more count. Requests are searched as sent and
 * URL-decoded; a cookie absent from the map was seen in none.
 */
export function identifiersSharedWithThirdParties(
  cookieValues: readonly { id: string; value: string }[],
  thirdPartyRequests: readonly { id: string; url: string; body?: string }[],
): Map<string, string[]> {
  const shared = new Map<string, string[]>();
  for (const [requestId, cookieIds] of cookiesCarriedByRequests(cookieValues, thirdPartyRequests)) {
    for (const cookieId of cookieIds) {
      const requests = shared.get(cookieId);
      if (requests) requests.push(requestId);
      else shared.set(cookieId, [requestId]);
    }
  }
  return shared;
}

/**
 * The same search from the requests' side: for each request that carries an
 * identifier-like cookie value, the ids of (at most `maxCookiesPerRequest`)
 * cookies holding it. One identifier is often seen on hundreds of page views
 * and sent in hundreds of hits; bounding the list keeps the result linear.
 */
/** Below this many search terms, searching for each is faster than indexing them. */
const FEW_TERMS = 32;

export function cookiesCarriedByRequests(
  cookieValues: readonly { id: string; value: string }[],
  thirdPartyRequests: readonly { id: string; url: string; body?: string }[],
  maxCookiesPerRequest = Number.POSITIVE_INFINITY,
): Map<string, string[]> {
  // Many observations share one value; each distinct value is prepared once.
  const idsByValue = new Map<string, string[]>();
  for (const { id, value } of cookieValues) {
    const ids = idsByValue.get(value);
    if (ids) ids.push(id);
    else idsByValue.set(value, [id]);
  }
  const valuesByTerm = new Map<string, string[]>();
  for (const value of idsByValue.keys()) {
    for (const term of searchTermsFor(value)) {
      const values = valuesByTerm.get(term);
      if (values) values.push(value);
      else valuesByTerm.set(term, [value]);
    }
  }
  const carried = new Map<string, string[]>();
  if (valuesByTerm.size === 0) return carried;
  // Terms indexed by their first MIN_IDENTIFIER_LENGTH characters: a request is then read once,
  // position by position, instead of once per cookie value.
  const termsByHead = new Map<string, string[]>();
  for (const term of valuesByTerm.keys()) {
    const head = term.slice(0, MIN_IDENTIFIER_LENGTH);
    const list = termsByHead.get(head);
    if (list) list.push(term);
    else termsByHead.set(head, [term]);
  }
  const terms = [...valuesByTerm.keys()];
  const findValues = (text: string, matched: Set<string>) => {
    // Few terms (one page's cookies): a direct search per term is cheapest.
    if (terms.length <= FEW_TERMS) {
      for (const term of terms) {
        if (text.includes(term)) for (const value of valuesByTerm.get(term) ?? []) matched.add(value);
      }
      return;
    }
    for (let i = 0; i + MIN_IDENTIFIER_LENGTH <= text.length; i++) {
      const candidates = termsByHead.get(text.slice(i, i + MIN_IDENTIFIER_LENGTH));
      if (!candidates) continue;
      for (const term of candidates) {
        if (text.startsWith(term, i)) for (const value of valuesByTerm.get(term) ?? []) matched.add(value);
      }
    }
  };
  for (const request of thirdPartyRequests) {
    const raw = request.body === undefined ? request.url : `${request.url}\n${request.body}`;
    let decoded = raw;
    try {
      decoded = decodeURIComponent(raw.replace(PLUS, ' '));
    } catch {
      // A malformed escape: search the raw text only.
    }
    const matched = new Set<string>();
    findValues(raw, matched);
    if (decoded !== raw) findValues(decoded, matched);
    if (matched.size === 0) continue;
    const ids: string[] = [];
    for (const value of matched) {
      for (const id of idsByValue.get(value) ?? []) {
        if (ids.length >= maxCookiesPerRequest) break;
        ids.push(id);
      }
    }
    carried.set(request.id, ids);
  }
  return carried;
}
