import { timestampRequest } from './timestamp-request';
import { tokenOfResponse } from './timestamp-response';

/** A TSA that has not answered in this long is not going to (RFC 3161 over HTTP answers at once). */
const TSA_TIMEOUT_MS = 30_000;
/** A token with its certificates is a few kilobytes; more is not a TSA's answer. */
const MAX_RESPONSE_BYTES = 1024 * 1024;
/** Node's codes for a server certificate it does not trust. */
const TLS_TRUST_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** RFC 3161 §3.4 names the first; some TSAs still send the draft's. */
const RESPONSE_TYPES = ['application/timestamp-reply', 'application/timestamp-response'];

/**
 * Stamps bytes at a time-stamping authority over HTTP (RFC 3161 §3.4): POSTs
 * the request, checks the answer is a token for exactly this request, and
 * returns the token. Throws with the TSA's URL and the reason otherwise.
 * One stamper for the CLI (`audit --tsa`) and the extension's export: `fetch`
 * is the same global in Node and in an extension page.
 */
export function tsaStamper(url: URL): (bytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array<ArrayBuffer>> {
  return async (bytes) => {
    const request = await timestampRequest(bytes);
    const fail = (reason: string) => new Error(`the TSA at ${url.href} ${reason}`);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query', accept: RESPONSE_TYPES[0] as string },
        body: request.der,
        signal: AbortSignal.timeout(TSA_TIMEOUT_MS),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const code = cause?.code ?? '';
      if (TLS_TRUST_ERRORS.has(code)) {
        throw fail(
          `could not be reached: its TLS certificate is not trusted (${code}); if it is a CA of your own, add it with NODE_EXTRA_CA_CERTS=ca.pem`,
        );
      }
      // A browser's fetch says only "Failed to fetch": no server answered at that address.
      const reason = code || cause?.message || (error as Error).message;
      throw fail(
        reason === 'Failed to fetch' || reason === 'NetworkError when attempting to fetch resource.'
          ? 'did not answer: no server could be reached at that address (check it, and that it is up)'
          : `could not be reached (${reason})`,
      );
    }
    if (!response.ok) throw fail(`answered HTTP ${response.status} ${response.statusText}`.trimEnd());
    const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!RESPONSE_TYPES.includes(type))
      throw fail(`answered with ${type || 'no content type'}, not a timestamp reply`);
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_RESPONSE_BYTES) throw fail(`sent ${length} bytes, too many for a timestamp reply`);
    const body = new Uint8Array(await response.arrayBuffer());
    if (body.length > MAX_RESPONSE_BYTES)
      throw fail(`sent ${body.length} bytes, too many for a timestamp reply`);
    const answer = tokenOfResponse(body, request);
    if ('error' in answer) throw fail(`sent no usable token: ${answer.error}`);
    return answer.token;
  };
}
