import { canonicalJson } from './canonical-json';
import { sha256HexOfBytes } from './digests';

/**
 * ECDSA on P-256 with SHA-256 (JOSE's "ES256"), through WebCrypto, which
 * Node 20 and every browser the extension runs in provide. Signatures are
 * WebCrypto's raw form, r‖s as two 32-byte big-endian integers (IEEE P1363,
 * as JWS uses), in base64.
 */
export const SIGNATURE_ALGORITHM = 'ES256';

const KEY_ALGORITHM: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGN_ALGORITHM: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/** The public members of a P-256 JWK (those RFC 7638 thumbprints use), nothing else. */
export type PublicKeyJwk = {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
};

// Type aliases rather than interfaces: they fit the manifest's open JSON objects.
export type ExportedPublicKey = {
  jwk: PublicKeyJwk;
  /** DER SubjectPublicKeyInfo, base64: what `openssl` and most tools read. */
  spki: string;
  /** Lowercase hex SHA-256 of the SPKI bytes: what a person compares, read aloud or printed. */
  fingerprint: string;
};

/**
 * A new key pair. With `extractable: false` the private key can sign but can
 * never be read out, not even by the code that holds it; the public key is
 * always extractable.
 */
export function generateSigningKeys(options: { extractable: boolean }): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(KEY_ALGORITHM, options.extractable, ['sign', 'verify']);
}

export async function exportPublicKey(publicKey: CryptoKey): Promise<ExportedPublicKey> {
  const [jwk, spki] = await Promise.all([
    crypto.subtle.exportKey('jwk', publicKey),
    crypto.subtle.exportKey('spki', publicKey),
  ]);
  const spkiBytes = new Uint8Array(spki);
  return {
    jwk: { kty: 'EC', crv: 'P-256', x: jwk.x ?? '', y: jwk.y ?? '' },
    spki: toBase64(spkiBytes),
    fingerprint: await sha256HexOfBytes(spkiBytes),
  };
}

const BASE64URL_COORDINATE = /^[A-Za-z0-9_-]{43}$/;

/** Imports a P-256 public key from a JWK found in hostile input; throws for anything else. */
export async function importPublicKey(jwk: unknown): Promise<CryptoKey> {
  if (typeof jwk !== 'object' || jwk === null) throw new TypeError('The public key is not a JWK object');
  const { kty, crv, x, y, d } = jwk as Record<string, unknown>;
  if (d !== undefined) throw new TypeError('The public key JWK holds a private key');
  if (kty !== 'EC' || crv !== 'P-256') throw new TypeError('The public key is not an EC P-256 key');
  for (const coordinate of [x, y]) {
    if (typeof coordinate !== 'string' || !BASE64URL_COORDINATE.test(coordinate)) {
      throw new TypeError('The public key coordinates are not 32-byte base64url values');
    }
  }
  // WebCrypto also refuses a point that is not on the curve.
  return crypto.subtle.importKey('jwk', { kty, crv, x: x as string, y: y as string }, KEY_ALGORITHM, true, [
    'verify',
  ]);
}

/** "1a2b 3c4d …": sixteen groups of four, easier to compare by eye than 64 digits. */
export function groupFingerprint(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? '';
}

export async function signBytes(privateKey: CryptoKey, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return toBase64(lowS(new Uint8Array(await crypto.subtle.sign(SIGN_ALGORITHM, privateKey, bytes))));
}

/** The order of P-256's group, and half of it: an s above half has a twin, n − s, that verifies as well. */
const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const HALF_N = P256_N >> 1n;

/**
 * ECDSA signatures are malleable: if (r, s) verifies, so does (r, n − s), and
 * anyone can make the one from the other without the key. So that a signed
 * file has exactly one valid form (no byte of a bundle changes unnoticed,
 * its seal's included), signatures are written with s ≤ n/2, as Bitcoin's
 * BIP 62 and libsecp256k1 do, and `jeejio-evidence/1` verifiers refuse the
 * other form.
 */
export function lowS(raw: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  return isLowS(raw) ? raw : ecdsaTwin(raw);
}

/** The other form (r, n − s) of a raw r‖s signature: valid as well, and made without the key. */
export function ecdsaTwin(raw: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(raw);
  out.set(fromBigInt(P256_N - toBigInt(raw.subarray(32))), 32);
  return out;
}

/** Whether a raw r‖s signature is in its low-s form. */
export function isLowS(raw: Uint8Array): boolean {
  return raw.length === 64 && toBigInt(raw.subarray(32)) <= HALF_N;
}

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function fromBigInt(value: bigint): Uint8Array {
  const bytes = new Uint8Array(32);
  for (let i = 31, v = value; i >= 0; i--, v >>= 8n) bytes[i] = Number(v & 0xffn);
  return bytes;
}

/**
 * False, never an exception, for a signature that is not even base64; with
 * `lowSOnly`, also for one in its high-s twin form (see `lowS`).
 */
export async function verifyBytes(
  publicKey: CryptoKey,
  signature: string,
  bytes: Uint8Array<ArrayBuffer>,
  options: { lowSOnly?: boolean } = {},
): Promise<boolean> {
  const raw = fromBase64(signature);
  if (raw === undefined || (options.lowSOnly && !isLowS(raw))) return false;
  return crypto.subtle.verify(SIGN_ALGORITHM, publicKey, raw, bytes);
}

const encoder = new TextEncoder();

/** Signs the JCS text of a value, so the signature survives any re-serialisation of the JSON. */
export function signCanonical(privateKey: CryptoKey, value: unknown): Promise<string> {
  return signBytes(privateKey, encoder.encode(canonicalJson(value)));
}

export function verifyCanonical(
  publicKey: CryptoKey,
  signature: string,
  value: unknown,
  options: { lowSOnly?: boolean } = {},
): Promise<boolean> {
  return verifyBytes(publicKey, signature, encoder.encode(canonicalJson(value)), options);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Strict: a text with stray padding bits decodes to the same bytes as the
 * canonical one, so only the canonical text is accepted and a signature has
 * exactly one spelling.
 */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return toBase64(bytes) === text ? bytes : undefined;
}
