import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const encoder = new TextEncoder();

/** Lowercase hex SHA-256 of a text's UTF-8 bytes, synchronously: the chain's hash function. */
export type Sha256Hex = (text: string) => string;

/**
 * Lowercase hex SHA-256 of a text's UTF-8 bytes. Synchronous, so the chain can
 * be extended inside a storage transaction; for the chain's many small
 * entries it is also faster than a WebCrypto call each.
 */
export function sha256HexOfText(text: string): string {
  return bytesToHex(sha256(encoder.encode(text)));
}

/** Lowercase hex SHA-256 of bytes through WebCrypto: native speed for files of hundreds of megabytes. */
export async function sha256HexOfBytes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}
