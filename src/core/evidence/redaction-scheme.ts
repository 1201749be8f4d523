import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

/**
 * How the auditor's own credentials are kept out of an exported bundle. Whoever records
 * while logged in has their session cookie, login token and posted password
 * in the observations; handing the bundle over must not hand over the login.
 *
 * Each credential value is replaced, wherever it occurs, by
 *
 *     [redacted:hmac-sha256:HEX]   HEX = hex(HMAC-SHA-256(k, UTF-8(value)))
 *     k = HMAC-SHA-256(bundleKey, UTF-8(value))   (the value's proof key)
 *
 * where bundleKey is 32 bytes the exporter keeps and never puts in the
 * bundle. The same value gets the same mark throughout a bundle, so a reader
 * still sees that a session id went from one place to another. The marks are
 * in the observations the chain hashes and the manifest signs; to prove a
 * value later, its holder hands over the value and k alone, and anyone checks
 * HEX against the signed bundle (`provesRedactedValue`). k tells nothing of
 * the bundle key or of any other value, so proving one credential exposes no
 * other (a plain hash would let anyone guess short values like passwords).
 */
export const REDACTION_SCHEME = 'jeejio-redaction/1';
export const REDACTION_ALGORITHM = 'HMAC-SHA-256';

/**
 * A credential found inside a longer text (a URL, a body, a message) is
 * replaced there only from this length on: a shorter one would match by
 * chance. It is still replaced where it is a field's whole value.
 */
export const MIN_EMBEDDED_SECRET_LENGTH = 6;

const MARK = /^\[redacted:hmac-sha256:([0-9a-f]{64})\]$/;
const encoder = new TextEncoder();

export interface RedactionSummary {
  /** Distinct credential values replaced. */
  values: number;
  /** Observations that held at least one. */
  observations: number;
}

/**
 * The manifest's `secrets` member: what the exporter did with credentials.
 * `redacted`: replaced by marks, `values` of them in `observations`
 * observations; `keyId` lets the exporter find its bundle key again; when the
 * export had to chain the redacted observations anew, `recordedChain` is the
 * head of the chain as it was recorded, which the exporter's own copy still
 * reproduces. `included`: the bundle holds them in clear, as asked.
 */
export type SecretsHandling = {
  scheme: typeof REDACTION_SCHEME;
  handling: 'redacted' | 'included';
  algorithm?: typeof REDACTION_ALGORITHM;
  values?: number;
  observations?: number;
  keyId?: string;
  recordedChain?: { length: number; head: string };
};

/** The proof key of one value, as hex: what its holder hands over to prove it. */
export function proofKeyOf(bundleKey: Uint8Array, value: string): string {
  return bytesToHex(hmac(sha256, bundleKey, encoder.encode(value)));
}

/** The mark a value is replaced by. */
export function redactionMark(bundleKey: Uint8Array, value: string): string {
  const proofKey = hmac(sha256, bundleKey, encoder.encode(value));
  return `[redacted:hmac-sha256:${bytesToHex(hmac(sha256, proofKey, encoder.encode(value)))}]`;
}

/** Whether `value` and its proof key give `mark`: a redacted value proven without the bundle key. */
export function provesRedactedValue(mark: string, value: string, proofKeyHex: string): boolean {
  const digest = MARK.exec(mark)?.[1];
  if (!digest || !/^[0-9a-f]{64}$/.test(proofKeyHex)) return false;
  return bytesToHex(hmac(sha256, hexToBytes(proofKeyHex), encoder.encode(value))) === digest;
}
