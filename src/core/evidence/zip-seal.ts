import { SIGNATURE_ALGORITHM, signBytes } from './signing';

/**
 * The seal: a signature over every byte of the zip before it, kept in the
 * zip's archive comment (the one place a zip file has for data about the
 * whole file, after the end-of-central-directory record, as APK signing
 * keeps its block outside what it signs). The manifest vouches for each
 * file's content; the seal also covers the bytes no file owns (headers,
 * timestamps, CRCs, the directory), so no byte of a bundle can change
 * unnoticed.
 *
 *     comment = "jeejio-evidence-seal/1 ES256 " + base64(signature)
 *     signed  = the file's bytes up to the comment: everything but the comment
 */
const SEAL_PREFIX = `jeejio-evidence-seal/1 ${SIGNATURE_ALGORITHM} `;
const SEAL = /^jeejio-evidence-seal\/1 ES256 ([A-Za-z0-9+/]{86}==)$/;
/** A P-256 signature is 64 bytes: 88 base64 characters. */
export const SEAL_LENGTH = SEAL_PREFIX.length + 88;

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** Seals a zip that has no archive comment yet (as fflate writes it). */
export async function sealZip(zip: Uint8Array, privateKey: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  const end = zip.length - EOCD_SIZE;
  if (end < 0 || readU32(zip, end) !== EOCD_SIGNATURE || readU16(zip, end + 20) !== 0) {
    throw new Error('Only a zip without an archive comment can be sealed');
  }
  const sealed = new Uint8Array(zip.length + SEAL_LENGTH);
  sealed.set(zip);
  // The comment's length is part of what is signed, so it is written first.
  sealed[end + 20] = SEAL_LENGTH & 0xff;
  sealed[end + 21] = SEAL_LENGTH >> 8;
  const signature = await signBytes(privateKey, sealed.subarray(0, zip.length));
  sealed.set(new TextEncoder().encode(`${SEAL_PREFIX}${signature}`), zip.length);
  return sealed;
}

/**
 * Seals a zip written with room for the seal: its end record already gives
 * the comment's length, SEAL_LENGTH, and the comment's bytes are the last.
 * Signs and fills them in place, without copying the zip.
 */
export async function sealInPlace(
  zip: Uint8Array<ArrayBuffer>,
  privateKey: CryptoKey,
): Promise<Uint8Array<ArrayBuffer>> {
  const signedLength = zip.length - SEAL_LENGTH;
  const end = signedLength - EOCD_SIZE;
  if (end < 0 || readU32(zip, end) !== EOCD_SIGNATURE || readU16(zip, end + 20) !== SEAL_LENGTH) {
    throw new Error('Only a zip whose end record leaves room for the seal can be sealed in place');
  }
  const signature = await signBytes(privateKey, zip.subarray(0, signedLength));
  zip.set(new TextEncoder().encode(`${SEAL_PREFIX}${signature}`), signedLength);
  return zip;
}

/** The bytes a seal covers and its signature, or why the zip carries none. */
export function readSeal(
  zip: Uint8Array<ArrayBuffer>,
): { signed: Uint8Array<ArrayBuffer>; signature: string } | { error: string } {
  for (let end = zip.length - EOCD_SIZE; end >= 0 && end >= zip.length - EOCD_SIZE - MAX_COMMENT; end--) {
    if (readU32(zip, end) !== EOCD_SIGNATURE) continue;
    const commentStart = end + EOCD_SIZE;
    const commentLength = readU16(zip, end + 20);
    if (commentStart + commentLength !== zip.length) continue;
    const match =
      commentLength === SEAL_LENGTH ? SEAL.exec(String.fromCharCode(...zip.subarray(commentStart))) : null;
    if (!match?.[1]) return { error: 'the zip carries no seal (its archive comment is not one)' };
    return { signed: zip.subarray(0, commentStart), signature: match[1] };
  }
  return { error: 'the zip has no end record that ends the file' };
}

function readU16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function readU32(bytes: Uint8Array, at: number): number {
  return (readU16(bytes, at) | (readU16(bytes, at + 2) << 16)) >>> 0;
}
