import * as asn1js from 'asn1js';
import { equalBytes } from '../util/equal-bytes';

/**
 * ECDSA signatures in the two forms tools use: WebCrypto's raw r‖s (IEEE
 * P1363, two 32-byte big-endian integers for P-256) and DER's
 * `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 3279), which
 * `openssl dgst -verify` and X.509/CMS read. The bundle writes DER where a
 * standard tool must check the signature (manifest.sig).
 */
const P256_SCALAR_BYTES = 32;

export function p1363ToDer(raw: Uint8Array): Uint8Array<ArrayBuffer> {
  if (raw.length !== 2 * P256_SCALAR_BYTES) throw new TypeError('A P-256 signature is 64 bytes');
  const integer = (bytes: Uint8Array) => new asn1js.Integer({ valueHex: unsigned(bytes) });
  const sequence = new asn1js.Sequence({
    value: [integer(raw.subarray(0, P256_SCALAR_BYTES)), integer(raw.subarray(P256_SCALAR_BYTES))],
  });
  return new Uint8Array(sequence.toBER());
}

/** The raw form of a DER signature, or undefined for bytes that are not exactly one. */
export function derToP1363(der: Uint8Array): Uint8Array<ArrayBuffer> | undefined {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset !== der.length || !(parsed.result instanceof asn1js.Sequence)) return undefined;
  const members = parsed.result.valueBlock.value;
  if (members.length !== 2) return undefined;
  const raw = new Uint8Array(2 * P256_SCALAR_BYTES);
  for (const [i, member] of members.entries()) {
    if (!(member instanceof asn1js.Integer)) return undefined;
    const bytes = stripSign(member.valueBlock.valueHexView);
    if (bytes.length > P256_SCALAR_BYTES) return undefined;
    raw.set(bytes, (i + 1) * P256_SCALAR_BYTES - bytes.length);
  }
  // Only the one DER spelling of these integers is accepted, so a signature has one form.
  return equalBytes(p1363ToDer(raw), der) ? raw : undefined;
}

/** Minimal two's-complement bytes of a non-negative integer: no leading zeros but a sign byte where needed. */
function unsigned(bytes: Uint8Array): ArrayBuffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  const out = new Uint8Array(((trimmed[0] ?? 0) & 0x80 ? 1 : 0) + trimmed.length);
  out.set(trimmed, out.length - trimmed.length);
  return out.buffer;
}

function stripSign(bytes: Uint8Array): Uint8Array {
  return bytes.length > 1 && bytes[0] === 0 ? bytes.subarray(1) : bytes;
}
