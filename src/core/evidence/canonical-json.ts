import canonicalize from 'canonicalize';

/**
 * The RFC 8785 (JCS) text of a JSON value: members sorted by their UTF-16
 * code units, numbers in ECMAScript's shortest form, no whitespace. Hashes and
 * signatures are computed over this text so that anyone holding the parsed
 * JSON, in any language with a JCS implementation, gets the same bytes.
 * Throws for what JSON cannot carry exactly: NaN, Infinity, lone surrogates,
 * cycles, and values that are not JSON at all.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('Not a JSON value');
  return text;
}

/**
 * The value as a JSON file carries it (NaN and Infinity become null, undefined
 * members disappear), with lone surrogates replaced by U+FFFD. Recorded text
 * is cut at a fixed length, which can split a surrogate pair, and a page can
 * write any UTF-16 it likes; JCS refuses both.
 */
export function toJsonValue<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.toWellFormed() : v)),
  );
}
