import { readFile } from 'node:fs/promises';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalTsa, startLocalTsa } from '../../../../tests/support/local-tsa';
import { timestampRequest } from './timestamp-request';
import { tokenOfResponse } from './timestamp-response';
import { checkTimestampToken } from './timestamp-token';
import { readTrustAnchors } from './trust-anchors';

const manifest = new TextEncoder().encode('{"format":"jeejio-evidence/1"}\n');

describe('RFC 3161 timestamps from a TSA made with openssl ts', () => {
  let tsa: LocalTsa;
  let other: LocalTsa;
  let anchors: pkijs.Certificate[];
  let token: Uint8Array<ArrayBuffer>;
  const before = Date.now();

  beforeAll(async () => {
    [tsa, other] = await Promise.all([startLocalTsa(), startLocalTsa('Another TSA')]);
    anchors = readTrustAnchors(await readFile(tsa.caPath));
    const request = await timestampRequest(manifest);
    const answer = tokenOfResponse(await tsa.reply(request.der), request);
    if ('error' in answer) throw new Error(answer.error);
    token = answer.token;
  }, 30_000);
  afterAll(async () => {
    await Promise.all([tsa.close(), other.close()]);
  });

  it('a token for the manifest, checked against the TSA root, gives the trusted time', async () => {
    const check = await checkTimestampToken(token, manifest, anchors);
    expect(check.status).toBe('checked');
    if (check.status !== 'checked') return;
    expect(check.problems).toEqual([]);
    expect(check.trust).toBe('trusted');
    expect(check.signer).toBe('CN=Local Test TSA');
    expect(check.token.tsaName).toBe('CN=Local Test TSA');
    expect(check.token.accuracyMs).toBe(1000);
    // openssl stamps whole seconds.
    expect(Date.parse(check.token.time)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(Date.parse(check.token.time)).toBeLessThanOrEqual(Date.now());
  });

  it("the TSA's own certificate, pinned, is trusted as it is, as openssl ts -verify -partial_chain does", async () => {
    const leaf = readTrustAnchors(await readFile(`${tsa.dir}/tsa.crt`));
    const check = await checkTimestampToken(token, manifest, leaf);
    expect(check).toMatchObject({ status: 'checked', trust: 'trusted', problems: [] });
  });

  it('without a trust list the signature is checked and the TSA is said to be unchecked', async () => {
    const check = await checkTimestampToken(token, manifest);
    expect(check).toMatchObject({ status: 'checked', trust: 'not-checked', problems: [] });
  });

  it('a token for other data is refused for its imprint', async () => {
    const check = await checkTimestampToken(token, new TextEncoder().encode('another manifest'), anchors);
    expect(check).toMatchObject({ status: 'checked', trust: 'untrusted', problems: [{ kind: 'imprint' }] });
  });

  it('a TSA the trust list does not vouch for is refused', async () => {
    const check = await checkTimestampToken(token, manifest, readTrustAnchors(await readFile(other.caPath)));
    expect(check).toMatchObject({
      status: 'checked',
      trust: 'untrusted',
      problems: [{ kind: 'certificate' }],
    });
  });

  it('an altered token never passes: every byte of its signed content and signature is checked', async () => {
    const info = readTstInfoRange(token);
    // A byte of the genTime in the TSTInfo, and the last byte of the signature.
    for (const at of [info.genTimeAt, token.length - 1]) {
      const altered = token.slice();
      altered[at] = (altered[at] ?? 0) ^ 0x01;
      const check = await checkTimestampToken(altered, manifest, anchors);
      const failed = check.status === 'unreadable' || check.problems.length > 0;
      expect(failed, `byte ${at} changed`).toBe(true);
    }
  });

  it('an answer to another request is refused (its nonce), and a refusal gives the TSA its reasons', async () => {
    const first = await timestampRequest(manifest);
    const second = await timestampRequest(manifest);
    expect(tokenOfResponse(await tsa.reply(first.der), second)).toEqual({
      error: expect.stringContaining('nonce'),
    });
    const sha1 = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '1.3.14.3.2.26' }),
        hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(20).buffer }),
      }),
    });
    const refused = tokenOfResponse(await tsa.reply(new Uint8Array(sha1.toSchema().toBER())), first);
    expect(refused).toEqual({
      error: expect.stringMatching(/the TSA refused \(rejection\): unrecognized or unsupported algorithm/),
    });
    expect(tokenOfResponse(new Uint8Array([1, 2, 3]), first)).toEqual({
      error: expect.stringContaining('not a DER'),
    });
  });

  it('reads PEM trust lists, and says why a file is none', () => {
    expect(() => readTrustAnchors(new TextEncoder().encode('hello'))).toThrow(/not an X.509|no PEM/);
    expect(() => readTrustAnchors(new Uint8Array(0))).toThrow('the file is empty');
    expect(() =>
      readTrustAnchors(
        new TextEncoder().encode('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----'),
      ),
    ).toThrow(/no PEM certificate/);
  });
});

/** Where the genTime's digits sit in a token, found by its GeneralizedTime tag inside the TSTInfo. */
function readTstInfoRange(token: Uint8Array): { genTimeAt: number } {
  const text = Array.from(token, (b) => String.fromCharCode(b)).join('');
  const year = String(new Date().getUTCFullYear());
  const at = text.indexOf(`\x18\x0f${year}`);
  if (at < 0) throw new Error('no GeneralizedTime in the token');
  return { genTimeAt: at + 2 + 10 };
}

describe('timestampRequest', () => {
  it('always encodes its nonce as a minimal positive DER INTEGER (a TSA refuses any other)', async () => {
    for (let i = 0; i < 300; i++) {
      const { der, nonce } = await timestampRequest(manifest);
      expect(nonce[0]).toBeGreaterThanOrEqual(1);
      expect(nonce[0]).toBeLessThanOrEqual(0x7f);
      const parsed = pkijs.TimeStampReq.fromBER(der);
      expect(new Uint8Array(parsed.nonce?.valueBlock.valueHexView ?? [])).toEqual(nonce);
    }
  });
});
