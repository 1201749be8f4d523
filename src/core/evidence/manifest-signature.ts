import { derToP1363, p1363ToDer } from './der-signature';
import { fromBase64, isLowS, signBytes } from './signing';

const VERIFY_ALGORITHM: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/**
 * manifest.sig: ES256 over manifest.json's exact bytes, in DER, so that
 * `openssl dgst -sha256 -verify KEY.pem -signature manifest.sig manifest.json`
 * checks it with nothing of this project's. The manifest's own `signature`
 * member (over its JCS text) stays for readers that hold the JSON only.
 */
export async function signManifestBytes(
  privateKey: CryptoKey,
  manifestBytes: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const raw = fromBase64(await signBytes(privateKey, manifestBytes));
  if (!raw) throw new Error('WebCrypto returned a signature that is not base64');
  return p1363ToDer(raw);
}

/**
 * Whether manifest.sig holds over the bytes: `not-der` for a file that is no
 * DER signature at all, `high-s` for a valid signature in the twin form
 * anyone can make from the exporter's (see `lowS` in signing.ts).
 */
export async function verifyManifestBytes(
  publicKey: CryptoKey,
  der: Uint8Array,
  manifestBytes: Uint8Array<ArrayBuffer>,
): Promise<'holds' | 'fails' | 'not-der' | 'high-s'> {
  const raw = derToP1363(der);
  if (!raw) return 'not-der';
  if (!(await crypto.subtle.verify(VERIFY_ALGORITHM, publicKey, raw, manifestBytes))) return 'fails';
  return isLowS(raw) ? 'holds' : 'high-s';
}
