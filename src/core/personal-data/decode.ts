/**
 * Decoders for the layers sites wrap values in. Each returns undefined rather
 * than throwing when its input is not of its kind.
 */

/** Percent-decodes; malformed escapes ("100%", "%E4%B8") are left as they are. */
export function urlDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9A-Fa-f]{2}){1,64}/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** Standard Base64 of some length with its padding: a '+' in it was sent unencoded, not meant as a space. */
function looksLikeBase64(value: string): boolean {
  return value.length >= 16 && value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
}

/** Form decoding of one parameter: '+' is a space, unless the value looks like Base64 or an address. */
export function formDecode(raw: string): string {
  if (!raw.includes('%') && !raw.includes('+')) return raw;
  const plusIsSpace = raw.includes('+') && !raw.includes('@') && !looksLikeBase64(raw.replace(/%3D/gi, '='));
  return urlDecode(plusIsSpace ? raw.replace(/\+/g, ' ') : raw);
}

const BASE64_VALUE = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].reduce(
  (table, c, i) => {
    table[c.charCodeAt(0)] = i;
    return table;
  },
  new Int16Array(128).fill(-1),
);
BASE64_VALUE['-'.charCodeAt(0)] = 62;
BASE64_VALUE['_'.charCodeAt(0)] = 63;

const utf8 = new TextDecoder('utf-8');

/**
 * Decodes standard or URL-safe Base64 (padding optional) when the result is
 * readable UTF-8 text. Random identifiers decode to control characters or
 * invalid UTF-8; decoding stops at the first control byte.
 */
export function decodeBase64Text(text: string): string | undefined {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end < 6 || end % 4 === 1 || text.length - end > 2) return undefined;
  const bytes = new Uint8Array(Math.floor((end * 3) / 4));
  let n = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? (BASE64_VALUE[c] ?? -1) : -1;
    if (v < 0) return undefined;
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (buffer >> bits) & 0xff;
      if (isControlByte(byte)) return undefined;
      bytes[n++] = byte;
    }
  }
  if (n === 0 || !isUtf8(bytes, n)) return undefined;
  return utf8.decode(bytes.subarray(0, n));
}

/** Well-formed UTF-8 (checked here because a throwing TextDecoder is slow on the many ids that are not text). */
function isUtf8(bytes: Uint8Array, n: number): boolean {
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b >= 0xc2 && b <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else return false;
    let cp = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || i + k >= n || (c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += extra + 1;
  }
  return true;
}

/** C0 controls other than tab, newline, vertical tab, form feed and carriage return; DEL. */
function isControlByte(b: number): boolean {
  return b <= 0x08 || (b >= 0x0e && b <= 0x1f) || b === 0x7f;
}

const QUERY_KEY = /^[\w.\-[\]$:@|]{1,128}$/;
const MAX_PARAMETERS = 256;

/**
 * Splits a query string, form body, or the query and fragment of a URL into
 * [name, raw value] pairs. Returns undefined unless it really looks like one:
 * with no '?', the text must start with "name=" so that sentences containing
 * '=' and '&' are not taken apart.
 */
export function parseQuery(text: string): Array<[string, string]> | undefined {
  const firstEq = text.indexOf('=');
  if (firstEq <= 0) return undefined;
  const q = text.indexOf('?');
  // Without '?', everything before the first '=' must be names ("flag&a=1").
  if (
    q === -1 &&
    (firstEq > 384 ||
      !text
        .slice(0, firstEq)
        .split('&')
        .every((k) => QUERY_KEY.test(urlDecode(k))))
  )
    return undefined;
  const query = q === -1 ? text : text.slice(q + 1);
  const pairs: Array<[string, string]> = [];
  let count = 0;
  for (const segment of query.split(/[&#]/, MAX_PARAMETERS)) {
    if (++count > MAX_PARAMETERS) break;
    const eq = segment.indexOf('=');
    if (eq <= 0) continue;
    const key = urlDecode(segment.slice(0, eq));
    if (!QUERY_KEY.test(key)) continue;
    pairs.push([key, segment.slice(eq + 1)]);
  }
  return pairs.length > 0 ? pairs : undefined;
}
