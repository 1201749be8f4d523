/**
 * The individual detectors: each finds one kind of personal data in a piece of
 * already-decoded text and validates it (checksums, ranges, context) before it
 * is reported. They favour missing an odd format over flagging random ids,
 * timestamps and version strings, which fill cookies and beacons.
 *
 * Every quantifier is bounded so that no input makes a regex backtrack for long.
 * Global regexes are shared: each loop resets lastIndex and calls no other
 * detector while it runs.
 */

// ---------------------------------------------------------------- phone numbers

// Mainland China mobile numbers: 11 digits starting 13-19, optionally +86/86/0086.
// Digit look-arounds keep timestamps and long ids from matching.
const PHONE = /(?<!\d)(?:\+?86[- ]?|0086[- ]?)?(1[3-9]\d[- ]?\d{4}[- ]?\d{4})(?!\d)/g;

/** Calls back with the 11 national digits of each mobile number in the text. */
export function forEachPhone(text: string, found: (national: string) => void): void {
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m !== null; m = PHONE.exec(text)) {
    if (inMixedToken(text, m.index, m.index + m[0].length)) continue;
    found((m[1] ?? '').replace(/[- ]/g, ''));
  }
}

/**
 * Whether the match sits inside a letters-and-digits token that has other
 * digits too (a hex hash or random id: "4f9c13812345678e2b"), rather than after
 * a plain word ("tel13812345678").
 */
function inMixedToken(text: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 64; i--) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) return true;
    if (!isLetter(c)) break;
  }
  for (let i = end; i < text.length && i < end + 64; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) return true;
    if (!isLetter(c)) break;
  }
  return false;
}

// ---------------------------------------------------------------- ID numbers

// Resident identity card number: 6-digit area, birth date (1900-2099), 3 digits, check digit.
const ID_NUMBER =
  /(?<![\dA-Za-z])([1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx])(?![\dA-Za-z])/g;

/** GB/T 2260 province-level codes (83: Taiwan residents' residence permits). */
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(
    ' ',
  ),
);

export function forEachIdNumber(text: string, found: (id: string) => void): void {
  ID_NUMBER.lastIndex = 0;
  for (let m = ID_NUMBER.exec(text); m !== null; m = ID_NUMBER.exec(text)) {
    const id = m[1] ?? '';
    if (isValidIdNumber(id)) found(id.toUpperCase());
  }
}

/** Province code, a real birth date and the GB 11643 check digit. */
export function isValidIdNumber(id: string): boolean {
  if (!PROVINCES.has(id.slice(0, 2)) || !hasValidIdChecksum(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** GB 11643 check digit: weighted sum of the first 17 digits mod 11. */
export function hasValidIdChecksum(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const checks = '10X98765432';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (weights[i] ?? 0);
  return checks[sum % 11] === id[17]?.toUpperCase();
}

// ---------------------------------------------------------------- email addresses

// The local part must start a token: not right after another local-part
// character, nor right after a %XX escape ("%22alice@…" is found once decoded).
const EMAIL =
  /(?<![A-Za-z0-9._%+-])(?<!%[0-9A-Fa-f])[A-Za-z0-9][A-Za-z0-9._+-]{0,63}@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}([A-Za-z]{2,24}))(?![A-Za-z0-9-])/g;

/** "icon@2x.png" is a retina image name, not an address. */
const FILE_EXTENSIONS = new Set(
  'png jpg jpeg gif webp avif svg ico bmp js mjs css map json html htm xml txt woff woff2 ttf eot otf mp3 mp4 webm m3u8 php aspx jsp'.split(
    ' ',
  ),
);

export function forEachEmail(text: string, found: (email: string) => void): void {
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(text); m !== null; m = EMAIL.exec(text)) {
    if (FILE_EXTENSIONS.has((m[2] ?? '').toLowerCase())) continue;
    found(m[0]);
  }
}

// ---------------------------------------------------------------- passwords

// "password=…", "pwd: …", "\"passwd\":\"…\"" written in free text.
const PASSWORD_FIELD =
  /(?:^|[^A-Za-z])(?:pass(?:word)?|passwd|pwd)\s{0,8}["']?\s{0,8}[:=]\s{0,8}["']?([^"'&;,\s}]{1,200})/gi;

export function forEachPasswordField(text: string, found: (secret: string) => void): void {
  PASSWORD_FIELD.lastIndex = 0;
  for (let m = PASSWORD_FIELD.exec(text); m !== null; m = PASSWORD_FIELD.exec(text)) {
    const secret = m[1] ?? '';
    if (isPlausibleSecret(secret)) found(secret);
  }
}

const PASSWORD_TOKENS = new Set(['pass', 'password', 'passwd', 'pwd', 'pswd', 'passcode', 'mima']);
/** Tokens that make a password-named field a setting about passwords, not one. */
const PASSWORD_META_TOKENS = new Set(
  'strength policy len length expire expires expired expiry rule rules hint reset set has need required change changed forget forgot show visible type level min max mode status flag enabled tip tips error err msg label placeholder url time date count retry attempts remember'.split(
    ' ',
  ),
);

const PASSWORD_KEY_HINT = /pass|pwd|pswd|mima|密码/i;

/** A cookie, storage, JSON or parameter name that names a password ("user_pwd", "loginPassword", "密码"). */
export function isPasswordKey(key: string): boolean {
  if (key.length > 128 || !PASSWORD_KEY_HINT.test(key)) return false;
  if (key.includes('密码')) return true;
  const tokens = keyTokens(key);
  return tokens.some((t) => PASSWORD_TOKENS.has(t)) && !tokens.some((t) => PASSWORD_META_TOKENS.has(t));
}

/** Flags, placeholders and masks are not passwords. */
export function isPlausibleSecret(value: string): boolean {
  const v = value.trim();
  return v !== '' && !/^(?:true|false|null|undefined|none|yes|no|on|off|0|1|\*+|•+|x+)$/i.test(v);
}

/** "userPwd_2" → ["user", "pwd", "2"]. */
function keyTokens(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

// ---------------------------------------------------------------- bank cards

// 13-19 digits, either contiguous or in groups of four (4-4-4-4, 4-4-4-4-3…)
// or the 4-6-5 / 4-6-4 layout, with one separator kind. Not inside a longer
// number, a decimal, or a letters-and-digits token.
const BANK_CARD =
  /(?<![A-Za-z0-9.]|\d[ -])(\d{13,19}|\d{4}([ -])\d{4}\2\d{4}\2\d{1,4}(?:\2\d{1,3})?|\d{4}([ -])\d{6}\3\d{4,5})(?![A-Za-z0-9]|[ -]\d|\.\d)/g;

export function forEachBankCard(text: string, found: (digits: string) => void): void {
  BANK_CARD.lastIndex = 0;
  for (let m = BANK_CARD.exec(text); m !== null; m = BANK_CARD.exec(text)) {
    const digits = (m[1] ?? '').replace(/[- ]/g, '');
    if (isPlausibleBankCard(digits)) found(digits);
  }
}

const IDENTIFIER_TOKENS = new Set(
  'id ids uid cid sid pid tid uuid guid token nonce hash sign sig signature ts timestamp time seq trace span'.split(
    ' ',
  ),
);

/** A field named as an identifier ("cid", "orderId", "trace_id"): its long numbers are ids, not card numbers. */
export function isIdentifierKey(key: string): boolean {
  const tokens = keyTokens(key);
  const last = tokens[tokens.length - 1];
  return last !== undefined && IDENTIFIER_TOKENS.has(last);
}

/** An issuer prefix with a length it issues, a Luhn check digit, and not an ID number. */
export function isPlausibleBankCard(digits: string): boolean {
  return hasIssuerPrefix(digits) && luhnValid(digits) && !(digits.length === 18 && isValidIdNumber(digits));
}

function hasIssuerPrefix(d: string): boolean {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p4 = Number(d.slice(0, 4));
  if (d[0] === '4') return n === 13 || n === 16 || n === 19; // Visa
  if (p2 === 62) return n >= 16 && n <= 19; // UnionPay
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  return false;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

// ---------------------------------------------------------------- IP addresses

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// Not part of a longer dotted run (OIDs, "1.2.3.4.5"), nor glued to a word ("v1.2.3.4").
const IPV4 = new RegExp(`(?<![\\w.-])${OCTET}(?:\\.${OCTET}){3}(?![\\w-]|\\.\\d)`, 'g');
/** "version=", "v:", "build " just before a dotted quad make it a version. */
const VERSION_BEFORE = /(?:^|[^A-Za-z])(?:v|ver|version|build|rev|release|sdk|lib|os)[\s"'=:]{0,4}$/i;
const CAMEL_VERSION_BEFORE = /[a-z](?:Ver|Version|Build|Rev|Release)[\s"'=:]{0,4}$/;
/** "Chrome/120.0.0.0": a product token's version, which reduced user agents fill with zeros. */
const PRODUCT_SLASH_BEFORE = /[A-Za-z0-9_]\/$/;

export function forEachIPv4(text: string, found: (ip: string) => void): void {
  IPV4.lastIndex = 0;
  for (let m = IPV4.exec(text); m !== null; m = IPV4.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    if (VERSION_BEFORE.test(before) || CAMEL_VERSION_BEFORE.test(before) || PRODUCT_SLASH_BEFORE.test(before))
      continue;
    if (isPlausibleHostIPv4(m[0])) found(m[0]);
  }
}

/**
 * A unicast host address: not 0/8, loopback, multicast or reserved, not a
 * network address (last octet 0), and not four single digits ("1.2.3.4" is
 * far more often a version than a host).
 */
export function isPlausibleHostIPv4(ip: string): boolean {
  const octets = ip.split('.').map(Number);
  const [a = 0, , , d = 0] = octets;
  if (a === 0 || a === 127 || a >= 224 || d === 0) return false;
  return octets.some((o) => o > 9);
}

// Full (8 groups) or compressed ("2001:db8::1") forms; "::1"-style forms that
// start with "::" are not personal and are skipped.
const IPV6 = /(?<![\w:.])(?:[0-9A-Fa-f]{1,4}::?){1,7}[0-9A-Fa-f]{0,4}(?![\w:.])/g;

export function forEachIPv6(text: string, found: (ip: string) => void): void {
  IPV6.lastIndex = 0;
  for (let m = IPV6.exec(text); m !== null; m = IPV6.exec(text)) {
    if (isPlausibleHostIPv6(m[0])) found(m[0]);
  }
}

/**
 * Conservative: a well-formed global unicast address (2000::/3) with a
 * four-digit first group and at least three groups written out, so MAC
 * addresses, times ("12:30:45") and "a::b" in code do not match.
 */
export function isPlausibleHostIPv6(ip: string): boolean {
  const halves = ip.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (groups.some((g) => g.length < 1 || g.length > 4)) return false;
  if (halves.length === 1 ? groups.length !== 8 : groups.length > 7 || groups.length < 3) return false;
  const first = groups[0] ?? '';
  return first.length === 4 && (first[0] === '2' || first[0] === '3');
}

// ---------------------------------------------------------------- coordinates

// "31.230416,121.473701": two decimals with at least 4 places, alone (not part
// of a longer list of numbers such as a vector or a bezier curve).
const COORDINATE_PAIR =
  /(?<![\d.-]|[\d.]\s?,\s?)(-?\d{1,3}\.\d{4,15})\s?,\s?(-?\d{1,3}\.\d{4,15})(?![\d.]|\s?,\s?-?\d)/g;

export function forEachCoordinatePair(text: string, found: (a: string, b: string) => void): void {
  COORDINATE_PAIR.lastIndex = 0;
  for (let m = COORDINATE_PAIR.exec(text); m !== null; m = COORDINATE_PAIR.exec(text)) {
    const a = m[1] ?? '';
    const b = m[2] ?? '';
    if (isPlausibleCoordinatePair(a, b)) found(a, b);
  }
}

const PRECISE_DECIMAL = /^-?\d{1,3}\.\d{4,15}$/;

/** lat,lng or lng,lat (Amap and Baidu write longitude first), in range, not both below 1. */
export function isPlausibleCoordinatePair(a: string, b: string): boolean {
  if (!PRECISE_DECIMAL.test(a) || !PRECISE_DECIMAL.test(b)) return false;
  if (/\.0+$/.test(a) || /\.0+$/.test(b)) return false;
  const x = Math.abs(Number(a));
  const y = Math.abs(Number(b));
  if (x < 1 && y < 1) return false;
  return (x <= 90 && y <= 180) || (x <= 180 && y <= 90);
}

/** A latitude or longitude value under a lat/lng key: a number or numeric string with ≥ 4 decimals. */
export function preciseDegrees(value: unknown): string | undefined {
  const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return PRECISE_DECIMAL.test(s) ? s : undefined;
}

export function isLatitudeKey(key: string): boolean {
  return /^(?:lat|latitude)$/i.test(key) || /(?:[_\-.](?:lat|latitude)|[a-z](?:Lat|Latitude))$/.test(key);
}

export function isLongitudeKey(key: string): boolean {
  return (
    /^(?:lng|lon|long|longitude)$/i.test(key) ||
    /(?:[_\-.](?:lng|lon|long|longitude)|[a-z](?:Lng|Lon|Long|Longitude))$/.test(key)
  );
}

/** Keys under which a dotted quad is a version, not an address. */
export function isVersionKey(key: string): boolean {
  return /(?:^|[^a-z])(?:v|ver|version|build|rev|release)$/i.test(key) || /[a-z]Version$/.test(key);
}

// ---------------------------------------------------------------- masking

/** "13812345678" → "13*******78": keeps at most 3 characters at each end. */
export function maskDigits(text: string): string {
  const compact = text.replace(/[- ]/g, '');
  if (compact.length <= 4) return '*'.repeat(compact.length);
  const keep = Math.min(3, Math.floor(compact.length / 4));
  return `${compact.slice(0, keep)}${'*'.repeat(Math.min(16, compact.length - keep * 2))}${compact.slice(-keep)}`;
}

/** "Alice@Example.com" → "a****@example.com". */
export function maskEmail(email: string): string {
  const lower = email.toLowerCase();
  const at = lower.lastIndexOf('@');
  const local = lower.slice(0, at);
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(1, Math.min(16, local.length - 1)))}@${lower.slice(at + 1)}`;
}

/** "6222020200000000000" → "6222***********0000". */
export function maskCard(digits: string): string {
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
}

/** Shows the /16 network, hides the host: "203.0.*.*". */
export function maskIPv4(ip: string): string {
  const [a, b] = ip.split('.');
  return `${a}.${b}.*.*`;
}

/** Shows the first two groups: "2408:8207:****". */
export function maskIPv6(ip: string): string {
  const [a, b = ''] = ip.toLowerCase().split(':');
  return `${a}:${b}:****`;
}

/** City-level only: "31.2***,121.4***". */
export function maskCoordinates(a: string, b: string): string {
  const cut = (s: string) => `${s.slice(0, s.indexOf('.') + 2)}***`;
  return `${cut(a)},${cut(b)}`;
}

/** Nothing of a secret is shown, only a bounded run of stars. */
export function maskSecret(secret: string): string {
  return '*'.repeat(Math.max(1, Math.min(12, secret.length)));
}

// ---------------------------------------------------------------- characters

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
