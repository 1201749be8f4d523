import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** SHA-256's object identifier: the hash a bundle's manifest is stamped with. */
export const SHA256_OID = '2.16.840.1.101.3.4.2.1';

/** An RFC 3161 TimeStampReq, and what its answer must echo. */
export interface TimestampRequest {
  /** The DER bytes to send, as `application/timestamp-query`. */
  der: Uint8Array<ArrayBuffer>;
  /** SHA-256 of the data stamped: the token's message imprint must be exactly this. */
  digest: Uint8Array;
  /** A fresh random nonce: a token answering another request does not carry it. */
  nonce: Uint8Array;
}

/**
 * A request to stamp `data`'s SHA-256 (RFC 3161 §2.4.1), asking for the TSA's
 * certificate in the token (`certReq`), so the token can be checked against a
 * trust list without fetching anything.
 */
export async function timestampRequest(data: Uint8Array<ArrayBuffer>): Promise<TimestampRequest> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  const nonce = crypto.getRandomValues(new Uint8Array(8));
  // DER's INTEGER is minimal two's complement: a first byte of 0x80 or more would read as negative, and
  // one of 0x00 is not minimal (OpenSSL's TSA refuses such a request as badly formed): 1..127 is neither.
  nonce[0] = ((nonce[0] ?? 0) % 127) + 1;
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: digest.slice().buffer }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce.slice().buffer }),
    certReq: true,
  });
  return { der: new Uint8Array(request.toSchema().toBER()), digest, nonce };
}
