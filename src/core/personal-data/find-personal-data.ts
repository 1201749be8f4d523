/**
 * Finds personal data in a cookie value, a storage value or an outgoing
 * request's URL query or body. Sites wrap values in layers, so besides the
 * text as it is, each plausible decoding is searched too:
 *
 * - percent-encoding, repeatedly (at most 3 levels);
 * - Base64 / Base64url that decodes to readable UTF-8, and JWT segments;
 * - JSON objects and arrays, walked value by value (depth ≤ 8, ≤ 2000 nodes),
 *   with the JSON path of each match (`user.mobile`, `items[0].tel`);
 * - query strings and form bodies (`a=1&b=2`), each parameter value on its own,
 *   with the parameter name as path.
 *
 * Layers nest (JSON in a URL-encoded parameter, JSON in Base64…) up to 6 deep.
 * All work is bounded: at most 16 KB of any value and 64 KB of text in all are
 * searched, at most 128 decodings are tried, and malformed input is skipped,
 * never thrown on. A cheap one-pass look at the characters decides which
 * detectors and decoders can apply, so ordinary ids and timestamps exit fast.
 *
 * Field names add what the values alone cannot show: a password-named field
 * ("pwd", "loginPassword", "密码") is a password, a latitude and a longitude
 * field side by side are a location, while card-like numbers under id-named
 * fields ("cid", "orderId") and dotted quads under version-named fields are
 * dismissed. Paths are built from field names with long digit runs and
 * addresses hidden, so a path never carries the data it locates.
 *
 * `encoding` in a match is the outermost layer on the route to it (see
 * PersonalDataEncoding). When the same data is found both as loose text and at
 * a more precise path (the raw JSON text, then the walked value), only the
 * more precise match is kept.
 */

import { BoundedPairCache } from '../util/bounded-cache';
import {
  type CanaryRef,
  findCanaries,
  hasPhoneCanaries,
  type PreparedCanaries,
  phoneCanary,
} from './canaries';
import { decodeBase64Text, formDecode, parseQuery, urlDecode } from './decode';
import {
  forEachBankCard,
  forEachCoordinatePair,
  forEachEmail,
  forEachIdNumber,
  forEachIPv4,
  forEachIPv6,
  forEachPasswordField,
  forEachPhone,
  isIdentifierKey,
  isLatitudeKey,
  isLongitudeKey,
  isPasswordKey,
  isPlausibleCoordinatePair,
  isPlausibleSecret,
  isVersionKey,
  maskCard,
  maskCoordinates,
  maskDigits,
  maskEmail,
  maskIPv4,
  maskIPv6,
  maskSecret,
  preciseDegrees,
} from './detectors';
import type { CanaryForm, PersonalDataEncoding, PersonalDataMatch, PersonalDataType } from './types';

export { type CanaryInput, type PreparedCanaries, prepareCanaries } from './canaries';
export type { CanaryForm, PersonalDataEncoding, PersonalDataMatch, PersonalDataType } from './types';

export const PERSONAL_DATA_TYPES: readonly PersonalDataType[] = [
  'phone-number',
  'id-number',
  'password',
  'email',
  'bank-card',
  'ip-address',
  'coordinates',
  'canary',
];

const SENSITIVE = new Set<PersonalDataType>([
  'phone-number',
  'id-number',
  'password',
  'bank-card',
  'coordinates',
  'canary',
]);

/**
 * Sensitive per the policy: §1/§2 name phone number, ID number, contacts,
 * password, precise location, financial data. A canary is always sensitive:
 * it is the user's own phone number or email, found where it leaked (an
 * email canary too, since it identifies the user whom the site tracks).
 * Email and IP addresses are personal but not sensitive.
 */
export function isSensitive(type: PersonalDataType): boolean {
  return SENSITIVE.has(type);
}

export interface FindPersonalDataOptions {
  /** Cookie name, storage key or field name: a password-like name makes the whole value a password. */
  name?: string;
  /** The user's own details, from prepareCanaries. */
  canaries?: PreparedCanaries;
  /** Only look for these types (default: all). */
  types?: readonly PersonalDataType[];
}

/** Only this much of a value is searched. */
export const MAX_SCANNED_CHARS = 16 * 1024;
const MAX_TOTAL_CHARS = 64 * 1024;
const MAX_DECODINGS = 128;
const MAX_LAYERS = 6;
const MAX_URL_LEVELS = 3;
const MAX_JSON_DEPTH = 8;
const MAX_JSON_NODES = 2000;
const MAX_MATCHES = 64;

const BIT: Record<PersonalDataType, number> = {
  'phone-number': 1,
  'id-number': 2,
  password: 4,
  email: 8,
  'bank-card': 16,
  'ip-address': 32,
  coordinates: 64,
  canary: 128,
};
const ALL = 255;
const wantCache = new WeakMap<readonly PersonalDataType[], number>();

function wanted(types: readonly PersonalDataType[] | undefined): number {
  if (!types) return ALL;
  let bits = wantCache.get(types);
  if (bits === undefined) {
    bits = 0;
    for (const t of types) bits |= BIT[t] ?? 0;
    wantCache.set(types, bits);
  }
  return bits;
}

interface Scan {
  readonly want: number;
  readonly canaries: PreparedCanaries | undefined;
  readonly phoneCanaries: boolean;
  readonly matches: PersonalDataMatch[];
  readonly seen: Set<string>;
  /** What a field's name showed not to be personal data (a card-like id, a version), by path. */
  readonly dismissed: Array<{ type: PersonalDataType; masked: string; path: string | undefined }>;
  decodings: number;
  nodes: number;
  chars: number;
}

const NOTHING_FOUND: readonly PersonalDataMatch[] = Object.freeze([]);

/**
 * The same values recur endlessly (a cookie jar is read on every page visit,
 * an analytics cookie rides along on every request), so answers are
 * remembered, per set of canaries, within a bound on the characters of the
 * values held. Answers are frozen because they are shared.
 */
const MAX_MEMO_KEY_CHARS = 2 * MAX_SCANNED_CHARS;
const MEMO_ENTRIES = 20_000;
const MEMO_CHARS = 4_000_000;
type Memo = BoundedPairCache<readonly PersonalDataMatch[]>;
/** One memo per wanted set of types, keyed by value then name. */
type Memos = Map<number, Memo>;
const memosWithoutCanaries: Memos = new Map();
const memosByCanaries = new WeakMap<PreparedCanaries, Memos>();

function memoFor(canaries: PreparedCanaries | undefined, want: number): Memo {
  let memos = canaries ? memosByCanaries.get(canaries) : memosWithoutCanaries;
  if (!memos) {
    memos = new Map();
    if (canaries) memosByCanaries.set(canaries, memos);
  }
  let memo = memos.get(want);
  if (!memo) {
    memo = new BoundedPairCache(MEMO_ENTRIES, MEMO_CHARS);
    memos.set(want, memo);
  }
  return memo;
}

export function findPersonalData(
  text: string,
  options: FindPersonalDataOptions = {},
): readonly PersonalDataMatch[] {
  if (typeof text !== 'string' || text === '') return NOTHING_FOUND;
  const canaries = options.canaries;
  const want = wanted(options.types) & (canaries ? ALL : ALL & ~BIT.canary);
  const name = typeof options.name === 'string' ? options.name : '';
  if (text.length + name.length > MAX_MEMO_KEY_CHARS) return frozen(scan(text, name, want, canaries));
  const memo = memoFor(canaries, want);
  let found = memo.get(text, name);
  if (found === undefined) {
    found = frozen(scan(text, name, want, canaries));
    memo.set(text, name, found);
  }
  return found;
}

function frozen(matches: PersonalDataMatch[]): readonly PersonalDataMatch[] {
  for (const m of matches) Object.freeze(m);
  return Object.freeze(matches);
}

function scan(
  text: string,
  name: string,
  want: number,
  canaries: PreparedCanaries | undefined,
): PersonalDataMatch[] {
  const s: Scan = {
    want,
    canaries,
    phoneCanaries: canaries !== undefined && (want & BIT.canary) !== 0 && hasPhoneCanaries(canaries),
    matches: [],
    seen: new Set(),
    dismissed: [],
    decodings: 0,
    nodes: 0,
    chars: 0,
  };
  const value = text.length > MAX_SCANNED_CHARS ? text.slice(0, MAX_SCANNED_CHARS) : text;
  try {
    if (name && want & BIT.password && isPasswordKey(name) && isPlausibleSecret(value)) {
      emit(s, 'password', maskSecret(value), 'plain', undefined);
    }
    scanText(s, value, undefined, undefined, name || undefined, 0, 0);
  } catch {
    // Never throw on page data: keep what was found before the surprise.
  }
  return preferPreciseMatches(s.matches, s.dismissed);
}

// ---------------------------------------------------------------- the scan

interface Features {
  digits: number;
  /** Longest run of ASCII digits. */
  maxDigitRun: number;
  /** Longest run of hex digits. */
  maxHexRun: number;
  dots: number;
  colons: number;
  at: boolean;
  comma: boolean;
  percent: boolean;
  equals: boolean;
  /** A space or a dash, which may separate digit groups. */
  separator: boolean;
  /** Every character is a Base64/Base64url character (or '='), and not all are hex digits. */
  base64: boolean;
}

/** One pass over the characters, so that detectors and decoders that cannot apply are skipped. */
function features(t: string): Features {
  let digits = 0;
  let digitRun = 0;
  let maxDigitRun = 0;
  let hexRun = 0;
  let maxHexRun = 0;
  let dots = 0;
  let colons = 0;
  let at = false;
  let comma = false;
  let percent = false;
  let equals = false;
  let separator = false;
  let base64 = true;
  let allHex = true;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      digitRun++;
      hexRun++;
      continue;
    }
    if (digitRun > maxDigitRun) maxDigitRun = digitRun;
    digitRun = 0;
    if ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)) {
      hexRun++;
      continue;
    }
    if (hexRun > maxHexRun) maxHexRun = hexRun;
    hexRun = 0;
    allHex = false;
    if ((c >= 103 && c <= 122) || (c >= 71 && c <= 90) || c === 43 || c === 47 || c === 95) continue;
    if (c === 45) {
      separator = true;
      continue;
    }
    if (c === 61) {
      equals = true;
      continue;
    }
    base64 = false;
    if (c === 46) dots++;
    else if (c === 32) separator = true;
    else if (c === 58) colons++;
    else if (c === 64) at = true;
    else if (c === 44) comma = true;
    else if (c === 37) percent = true;
  }
  if (digitRun > maxDigitRun) maxDigitRun = digitRun;
  if (hexRun > maxHexRun) maxHexRun = hexRun;
  return {
    digits,
    maxDigitRun,
    maxHexRun,
    dots,
    colons,
    at,
    comma,
    percent,
    equals,
    separator,
    base64: base64 && !allHex && t.length >= 8,
  };
}

function scanText(
  s: Scan,
  text: string,
  encoding: PersonalDataEncoding | undefined,
  path: string | undefined,
  key: string | undefined,
  layer: number,
  urlLevels: number,
): void {
  if (text === '' || s.chars >= MAX_TOTAL_CHARS || s.matches.length >= MAX_MATCHES) return;
  const t = text.length > MAX_SCANNED_CHARS ? text.slice(0, MAX_SCANNED_CHARS) : text;
  s.chars += t.length;
  const f = features(t);
  detect(s, t, f, encoding ?? 'plain', path, key);
  if (layer >= MAX_LAYERS) return;
  const next = layer + 1;

  if (looksLikeJson(t) && spend(s)) {
    const parsed = parseJson(t);
    if (parsed !== undefined) {
      walk(s, parsed, encoding ?? 'json', path, key, 0, next, urlLevels);
      return;
    }
  }
  if (f.equals && spend(s)) {
    const params = parseQuery(t);
    // "MTM4MTIzNDU2Nzg=" and "IDEzMA==" end in Base64 padding, not a parameter: a query needs a value somewhere.
    if (params?.some(([, v]) => /[^=]/.test(v))) {
      scanParams(s, params, encoding ?? 'query', path, next, urlLevels);
      return;
    }
  }
  if (f.percent && urlLevels < MAX_URL_LEVELS && spend(s)) {
    const decoded = urlDecode(t);
    if (decoded !== t) scanText(s, decoded, encoding ?? 'url-encoded', path, key, next, urlLevels + 1);
  }
  if (f.base64) {
    if (spend(s)) {
      const decoded = decodeBase64Text(t);
      if (decoded !== undefined) scanText(s, decoded, encoding ?? 'base64', path, key, next, urlLevels);
    }
  } else if (f.dots > 0 && f.dots <= 2 && (t.startsWith('eyJ') || t.includes('.eyJ'))) {
    // A JWT: header.payload.signature, each Base64url.
    for (const part of t.split('.', 3)) {
      if (!part.startsWith('eyJ') || !spend(s)) continue;
      const decoded = decodeBase64Text(part);
      if (decoded !== undefined) scanText(s, decoded, encoding ?? 'base64', path, key, next, urlLevels);
    }
  }
}

function spend(s: Scan): boolean {
  return ++s.decodings <= MAX_DECODINGS;
}

function detect(
  s: Scan,
  text: string,
  f: Features,
  encoding: PersonalDataEncoding,
  path: string | undefined,
  key: string | undefined,
): void {
  const w = s.want;
  // Digit groups ("138 1234 5678") need a separator; otherwise one long enough run.
  const grouped = f.separator && f.maxDigitRun >= 4;
  if (f.digits >= 11 && (f.maxDigitRun >= 11 || grouped) && (w & BIT['phone-number'] || s.phoneCanaries)) {
    forEachPhone(text, (national) => {
      if (w & BIT['phone-number']) emit(s, 'phone-number', maskDigits(national), encoding, path);
      const ref = s.phoneCanaries && s.canaries ? phoneCanary(s.canaries, national) : undefined;
      if (ref) emitCanary(s, ref, 'plain', encoding, path);
    });
  }
  if (f.maxDigitRun >= 17 && w & BIT['id-number']) {
    forEachIdNumber(text, (id) => emit(s, 'id-number', maskDigits(id), encoding, path));
  }
  if (f.digits >= 13 && (f.maxDigitRun >= 13 || grouped) && w & BIT['bank-card']) {
    // Long numbers under an id-named field are identifiers: dismissed, also where the raw text shows them.
    const report = key !== undefined && isIdentifierKey(key) ? dismiss : emit;
    forEachBankCard(text, (digits) => report(s, 'bank-card', maskCard(digits), encoding, path));
  }
  if (f.at && w & BIT.email) {
    forEachEmail(text, (email) => emit(s, 'email', maskEmail(email), encoding, path));
  }
  if ((f.equals || f.colons > 0) && w & BIT.password && PASSWORD_HINT.test(text)) {
    forEachPasswordField(text, (secret) => emit(s, 'password', maskSecret(secret), encoding, path));
  }
  const ipv4 = f.dots >= 3 && f.digits >= 4;
  const ipv6 = f.colons >= 2;
  if ((ipv4 || ipv6) && w & BIT['ip-address']) {
    const versionField = key !== undefined && isVersionKey(key);
    const report = versionField ? dismiss : emit;
    if (ipv4) forEachIPv4(text, (ip) => report(s, 'ip-address', maskIPv4(ip), encoding, path));
    if (ipv6) forEachIPv6(text, (ip) => report(s, 'ip-address', maskIPv6(ip), encoding, path));
  }
  if (f.comma && f.dots >= 2 && f.maxDigitRun >= 4 && w & BIT.coordinates) {
    forEachCoordinatePair(text, (a, b) => emit(s, 'coordinates', maskCoordinates(a, b), encoding, path));
  }
  if (w & BIT.canary && s.canaries) {
    const canaries = s.canaries;
    const hints = { maxDigitRun: f.maxDigitRun, hasAt: f.at, maxHexRun: f.maxHexRun };
    findCanaries(canaries, text, hints, (ref, form) => emitCanary(s, ref, form, encoding, path));
  }
}

const PASSWORD_HINT = /pass|pwd/i;

function looksLikeJson(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c !== 123 && c !== 91 && c > 32) return false;
  const first = t.search(/\S/);
  if (first === -1) return false;
  const open = t.charCodeAt(first);
  if (open !== 123 && open !== 91) return false;
  let last = t.length - 1;
  while (last > first && /\s/.test(t[last] ?? '')) last--;
  const close = t.charCodeAt(last);
  return (open === 123 && close === 125) || (open === 91 && close === 93);
}

function parseJson(t: string): unknown {
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === 'object' && v !== null ? v : undefined;
  } catch {
    return undefined;
  }
}

function walk(
  s: Scan,
  value: unknown,
  encoding: PersonalDataEncoding,
  path: string | undefined,
  key: string | undefined,
  depth: number,
  layer: number,
  urlLevels: number,
): void {
  if (++s.nodes > MAX_JSON_NODES || s.matches.length >= MAX_MATCHES) return;
  if (typeof value === 'string') {
    scanText(s, value, encoding, path, key, layer, urlLevels);
  } else if (typeof value === 'number') {
    // Phone numbers are sometimes sent as JSON numbers; smaller numbers cannot be personal data alone.
    if (Number.isSafeInteger(value) && value >= 1e10)
      scanText(s, String(value), encoding, path, key, layer, urlLevels);
  } else if (depth < MAX_JSON_DEPTH && Array.isArray(value)) {
    for (let i = 0; i < value.length && s.nodes <= MAX_JSON_NODES; i++) {
      walk(s, value[i], encoding, `${path ?? ''}[${i}]`, key, depth + 1, layer, urlLevels);
    }
  } else if (depth < MAX_JSON_DEPTH && typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    checkNamedFields(s, entries, encoding, path);
    for (const [k, v] of entries) {
      if (s.nodes > MAX_JSON_NODES) break;
      walk(s, v, encoding, joinPath(path, k), k, depth + 1, layer, urlLevels);
    }
  }
}

function scanParams(
  s: Scan,
  params: ReadonlyArray<[string, string]>,
  encoding: PersonalDataEncoding,
  path: string | undefined,
  layer: number,
  urlLevels: number,
): void {
  const decoded = params.map(([k, raw]): [string, string, boolean] => {
    const value = raw.length > MAX_SCANNED_CHARS ? raw.slice(0, MAX_SCANNED_CHARS) : raw;
    const plain = formDecode(value);
    return [k, plain, plain !== value];
  });
  checkNamedFields(s, decoded, encoding, path);
  for (const [k, value, wasEncoded] of decoded) {
    scanText(s, value, encoding, joinPath(path, k), k, layer, urlLevels + (wasEncoded ? 1 : 0));
  }
}

/** What field names reveal: a password field, and a latitude/longitude pair. */
function checkNamedFields(
  s: Scan,
  entries: Iterable<readonly [string, unknown, ...unknown[]]>,
  encoding: PersonalDataEncoding,
  path: string | undefined,
): void {
  const wantPassword = (s.want & BIT.password) !== 0;
  const wantCoordinates = (s.want & BIT.coordinates) !== 0;
  if (!wantPassword && !wantCoordinates) return;
  let lat: string | undefined;
  let lng: string | undefined;
  let latKey = '';
  for (const [k, v] of entries) {
    if (wantPassword && isPasswordKey(k)) {
      const secret = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '';
      if (isPlausibleSecret(secret)) emit(s, 'password', maskSecret(secret), encoding, joinPath(path, k));
    }
    if (wantCoordinates && LAT_OR_LNG_HINT.test(k)) {
      if (lat === undefined && isLatitudeKey(k)) {
        lat = preciseDegrees(v);
        latKey = k;
      } else if (lng === undefined && isLongitudeKey(k)) {
        lng = preciseDegrees(v);
      }
    }
  }
  if (lat !== undefined && lng !== undefined && Math.abs(Number(lat)) <= 90) {
    if (isPlausibleCoordinatePair(lat, lng)) {
      emit(s, 'coordinates', maskCoordinates(lat, lng), encoding, joinPath(path, latKey));
    }
  }
}

const LAT_OR_LNG_HINT = /l[aon]/i;

/**
 * Path segments come from page data, so they are shown only in part: long
 * keys are cut, digit runs hidden, and keys holding an '@' replaced, so that
 * a path never carries the personal data it locates.
 */
function joinPath(parent: string | undefined, key: string): string {
  let k = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  if (k.includes('@')) k = '*';
  else k = k.replace(/\d{5,}/g, '#');
  const joined = parent === undefined ? k : `${parent}.${k}`;
  return joined.length > 200 ? `…${joined.slice(-200)}` : joined;
}

// ---------------------------------------------------------------- results

function emit(
  s: Scan,
  type: PersonalDataType,
  masked: string,
  encoding: PersonalDataEncoding,
  path: string | undefined,
  canary?: PersonalDataMatch['canary'],
): void {
  if (s.matches.length >= MAX_MATCHES) return;
  const id = `${type}\u0000${masked}\u0000${path ?? ''}`;
  if (s.seen.has(id)) return;
  s.seen.add(id);
  const match: PersonalDataMatch = { type, masked, encoding };
  if (path !== undefined) match.path = path;
  if (canary) match.canary = canary;
  s.matches.push(match);
}

function dismiss(
  s: Scan,
  type: PersonalDataType,
  masked: string,
  _encoding: PersonalDataEncoding,
  path: string | undefined,
): void {
  if (s.dismissed.length < MAX_MATCHES) s.dismissed.push({ type, masked, path });
}

/** Hashed forms are named in `masked` too ("sha256(a****@example.com)"), so they dedupe apart. */
function emitCanary(
  s: Scan,
  ref: CanaryRef,
  form: CanaryForm,
  encoding: PersonalDataEncoding,
  path: string | undefined,
): void {
  const masked = form === 'plain' ? ref.masked : `${form}(${ref.masked})`;
  emit(s, 'canary', masked, encoding, path, { id: ref.id, label: ref.label, form });
}

/**
 * Drops a match when the same data was also found at a more precise path
 * below its own, or was dismissed there (so the raw text of a query or JSON
 * document does not bring back what a field name ruled out).
 */
function preferPreciseMatches(
  matches: PersonalDataMatch[],
  dismissed: Scan['dismissed'],
): PersonalDataMatch[] {
  if (matches.length < 2 && dismissed.length === 0) return matches;
  return matches.filter(
    (a) =>
      !matches.some(
        (b) => b !== a && b.type === a.type && b.masked === a.masked && isBelow(b.path, a.path),
      ) &&
      !dismissed.some(
        (d) => d.type === a.type && d.masked === a.masked && (d.path === a.path || isBelow(d.path, a.path)),
      ),
  );
}

function isBelow(path: string | undefined, ancestor: string | undefined): boolean {
  if (path === undefined) return false;
  if (ancestor === undefined) return true;
  const next = path[ancestor.length];
  return path.length > ancestor.length && path.startsWith(ancestor) && (next === '.' || next === '[');
}
