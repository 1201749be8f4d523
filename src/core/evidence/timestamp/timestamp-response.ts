import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { equalBytes } from '../../util/equal-bytes';
import type { TimestampRequest } from './timestamp-request';
import { readTimestampToken } from './timestamp-token';

/** PKIFailureInfo's bits (RFC 3161 §2.4.2), by bit number: what a refusal says went wrong. */
const FAILURES: Record<number, string> = {
  0: 'unrecognized or unsupported algorithm',
  2: 'transaction not permitted or supported',
  5: 'the data submitted has the wrong format',
  14: "the TSA's time source is not available",
  15: 'the requested TSA policy is not supported',
  16: 'the requested extension is not supported',
  17: 'the additional information requested is not available',
  25: 'the request cannot be handled due to system failure',
};

const STATUSES: Record<number, string> = {
  2: 'rejection',
  3: 'waiting',
  4: 'revocation warning',
  5: 'revocation notification',
};

/**
 * The token in a TSA's TimeStampResp (RFC 3161 §2.4.2), as the exact bytes
 * the TSA sent (re-encoding could change what its signature covers), or why
 * there is none: a refusal with the TSA's own reasons, or a token that does
 * not answer this request (another digest, another nonce).
 */
export function tokenOfResponse(
  response: Uint8Array,
  request: TimestampRequest,
): { token: Uint8Array<ArrayBuffer> } | { error: string } {
  const parsed = asn1js.fromBER(response);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) {
    return { error: 'the answer is not a DER TimeStampResp' };
  }
  let resp: pkijs.TimeStampResp;
  try {
    resp = new pkijs.TimeStampResp({ schema: parsed.result });
  } catch {
    return { error: 'the answer is not a TimeStampResp' };
  }
  const { status, statusStrings, failInfo } = resp.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
    const said = (statusStrings ?? []).map((s) => s.valueBlock.value).join('; ');
    const failures = failInfo ? failureNames(failInfo) : [];
    return {
      error: `the TSA refused (${STATUSES[status] ?? `status ${status}`})${failures.length ? `: ${failures.join(', ')}` : ''}${said ? ` — "${said.slice(0, 200)}"` : ''}`,
    };
  }
  const tokenBlock = parsed.result.valueBlock.value[1];
  if (!tokenBlock) return { error: 'the TSA granted the request but sent no token' };
  const token = new Uint8Array(tokenBlock.valueBeforeDecodeView);
  const read = readTimestampToken(token);
  if ('error' in read) return { error: `the TSA's token ${read.error}` };
  if (!equalBytes(read.token.imprint, request.digest)) {
    return { error: "the TSA's token stamps another digest than the one sent" };
  }
  if (!read.token.nonce || !equalBytes(stripSign(read.token.nonce), stripSign(request.nonce))) {
    return { error: "the TSA's token does not carry this request's nonce: it answers another request" };
  }
  return { token };
}

function failureNames(bits: asn1js.BitString): string[] {
  const bytes = bits.valueBlock.valueHexView;
  const names: string[] = [];
  for (let bit = 0; bit < bytes.length * 8; bit++) {
    if (((bytes[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1) names.push(FAILURES[bit] ?? `failure bit ${bit}`);
  }
  return names;
}

function stripSign(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return bytes.subarray(start);
}
