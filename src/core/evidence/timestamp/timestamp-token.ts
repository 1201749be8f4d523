import { bytesToHex } from '@noble/hashes/utils.js';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { equalBytes } from '../../util/equal-bytes';

/** What an RFC 3161 token says, read but not yet checked. */
export interface TimestampToken {
  /** The TSA's time (TSTInfo genTime), ISO 8601 in UTC. */
  time: string;
  /** How far the true time may be from `time` either way, in milliseconds, when the TSA says. */
  accuracyMs?: number;
  /** The token's serial number, in hex: what the TSA would look the token up by. */
  serial: string;
  /** The TSA policy the token was issued under. */
  policy: string;
  /** The hash algorithm's object identifier and the stamped digest. */
  hashAlgorithm: string;
  imprint: Uint8Array;
  nonce?: Uint8Array;
  /** The TSA's name as the token gives it, when it does. */
  tsaName?: string;
}

const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';
const TIME_STAMPING_EKU = '1.3.6.1.5.5.7.3.8';
const EXTENDED_KEY_USAGE = '2.5.29.37';
/** Digests a bundle's token may use; each names the WebCrypto algorithm. */
const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

interface ParsedToken {
  token: TimestampToken;
  signedData: pkijs.SignedData;
}

/** Reads a TimeStampToken (a CMS ContentInfo holding SignedData over a TSTInfo), or says why it is none. */
export function readTimestampToken(der: Uint8Array): { token: TimestampToken } | { error: string } {
  const parsed = parseToken(der);
  return 'error' in parsed ? parsed : { token: parsed.token };
}

function parseToken(der: Uint8Array): ParsedToken | { error: string } {
  try {
    const asn1 = asn1js.fromBER(der);
    if (asn1.offset !== der.length) return { error: 'is not one DER structure' };
    const info = new pkijs.ContentInfo({ schema: asn1.result });
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) return { error: 'is not CMS SignedData' };
    const signedData = new pkijs.SignedData({ schema: info.content });
    const content = signedData.encapContentInfo;
    if (content.eContentType !== TST_INFO_OID || !content.eContent) return { error: 'holds no TSTInfo' };
    const tst = pkijs.TSTInfo.fromBER(content.eContent.getValue());
    const accuracy = tst.accuracy;
    const accuracyMs = accuracy
      ? (accuracy.seconds ?? 0) * 1000 + (accuracy.millis ?? 0) + (accuracy.micros ?? 0) / 1000
      : undefined;
    const tsaName = tst.tsa ? nameOf(tst.tsa.value) : undefined;
    return {
      signedData,
      token: {
        time: tst.genTime.toISOString(),
        ...(accuracyMs !== undefined && { accuracyMs }),
        serial: bytesToHex(tst.serialNumber.valueBlock.valueHexView),
        policy: tst.policy,
        hashAlgorithm: tst.messageImprint.hashAlgorithm.algorithmId,
        imprint: new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView),
        ...(tst.nonce && { nonce: new Uint8Array(tst.nonce.valueBlock.valueHexView) }),
        ...(tsaName && { tsaName }),
      },
    };
  } catch (error) {
    return { error: `cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * - `imprint`: the token stamps other data than the bundle's manifest;
 * - `signature`: the token's signature does not verify: it was altered;
 * - `certificate`: the TSA's certificate is not one the trust list vouches
 *   for, or is no time-stamping certificate.
 */
export type TimestampProblemKind = 'imprint' | 'signature' | 'certificate';

export interface TimestampProblem {
  kind: TimestampProblemKind;
  message: string;
}

export type TimestampCheck =
  | { status: 'unreadable'; message: string }
  | {
      status: 'checked';
      token: TimestampToken;
      /** The TSA certificate's subject, as the token's signer. */
      signer?: string;
      /** `trusted`: chained to a certificate the checker gave; `not-checked`: no trust list was given. */
      trust: 'trusted' | 'untrusted' | 'not-checked';
      problems: TimestampProblem[];
    };

/**
 * Checks a token against the data it should stamp: the message imprint is
 * that data's digest, the TSA's signature holds, and, given trust anchors
 * (DER certificates the checker trusts, from elsewhere than the bundle), the
 * signing certificate chains to one of them, was valid at the stamped time,
 * and is for time stamping (RFC 3161 §2.3). Never throws.
 */
export async function checkTimestampToken(
  der: Uint8Array,
  data: Uint8Array<ArrayBuffer>,
  trustAnchors?: readonly pkijs.Certificate[],
): Promise<TimestampCheck> {
  const parsed = parseToken(der);
  if ('error' in parsed) return { status: 'unreadable', message: `The timestamp token ${parsed.error}.` };
  const { token, signedData } = parsed;
  const problems: TimestampProblem[] = [];
  const algorithm = DIGESTS[token.hashAlgorithm];
  const trust = trustAnchors === undefined ? 'not-checked' : 'trusted';
  if (!algorithm) {
    problems.push({
      kind: 'imprint',
      message: `The token stamps a digest of an unknown algorithm (${token.hashAlgorithm}).`,
    });
    return { status: 'checked', token, trust: trustAnchors ? 'untrusted' : trust, problems };
  }
  const digest = new Uint8Array(await crypto.subtle.digest(algorithm, data));
  if (!equalBytes(digest, token.imprint)) {
    problems.push({
      kind: 'imprint',
      message: `The token stamps ${bytesToHex(token.imprint)}, not this manifest's digest ${bytesToHex(digest)}: it is a token for other data.`,
    });
    return { status: 'checked', token, trust: trustAnchors ? 'untrusted' : trust, problems };
  }
  // Trust anchors also serve as candidates for the signer, for a TSA that left its certificate out.
  if (trustAnchors?.length) signedData.certificates = [...(signedData.certificates ?? []), ...trustAnchors];
  let signer: pkijs.Certificate | undefined;
  try {
    const result = await signedData.verify({
      signer: 0,
      data: data.buffer as ArrayBuffer,
      extendedMode: true,
    });
    signer = result.signerCertificate ?? undefined;
    if (!result.signatureVerified) {
      problems.push({
        kind: 'signature',
        message: "The token's signature does not verify: the token was altered after the TSA signed it.",
      });
    }
  } catch (error) {
    const reason = error instanceof pkijs.SignedDataVerifyError ? error.message : String(error);
    problems.push({ kind: 'signature', message: `The token's signature cannot be verified: ${reason}.` });
  }
  const signerName = signer ? nameOf(signer.subject) : undefined;
  if (!trustAnchors || problems.length > 0) {
    return {
      status: 'checked',
      token,
      ...(signerName && { signer: signerName }),
      trust: trustAnchors ? 'untrusted' : trust,
      problems,
    };
  }
  const certificateProblem = await checkCertificate(
    signedData,
    data,
    signer,
    trustAnchors,
    new Date(token.time),
  );
  if (certificateProblem) problems.push({ kind: 'certificate', message: certificateProblem });
  return {
    status: 'checked',
    token,
    ...(signerName && { signer: signerName }),
    trust: certificateProblem ? 'untrusted' : 'trusted',
    problems,
  };
}

async function checkCertificate(
  signedData: pkijs.SignedData,
  data: Uint8Array<ArrayBuffer>,
  signer: pkijs.Certificate | undefined,
  trustAnchors: readonly pkijs.Certificate[],
  /** The token's genTime: a pinned certificate must have been valid then. */
  genTime: Date,
): Promise<string | undefined> {
  if (!signer) return "The TSA's certificate is neither in the token nor in the trust list.";
  const usage = signer.extensions?.find((e) => e.extnID === EXTENDED_KEY_USAGE);
  const purposes = (usage?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
  if (!usage?.critical || purposes.length !== 1 || purposes[0] !== TIME_STAMPING_EKU) {
    return `The certificate that signed the token (${nameOf(signer.subject)}) is not a time-stamping certificate (RFC 3161 requires a critical extended key usage of timeStamping only).`;
  }
  // The TSA's own certificate, pinned by the checker (as `openssl ts -verify -partial_chain` allows): trusted
  // as it is, if it was valid when it stamped; no CA above it need be given.
  const signerDer = new Uint8Array(signer.toSchema().toBER());
  if (trustAnchors.some((anchor) => equalBytes(new Uint8Array(anchor.toSchema().toBER()), signerDer))) {
    const { notBefore, notAfter } = signer;
    return genTime >= notBefore.value && genTime <= notAfter.value
      ? undefined
      : `The TSA's certificate (${nameOf(signer.subject)}) was not valid when it stamped (${genTime.toISOString()}).`;
  }
  try {
    const result = await signedData.verify({
      signer: 0,
      data: data.buffer as ArrayBuffer,
      checkChain: true,
      trustedCerts: [...trustAnchors],
      extendedMode: true,
    });
    return result.signatureVerified ? undefined : "The token's signature does not verify.";
  } catch (error) {
    const reason = error instanceof pkijs.SignedDataVerifyError ? error.message : String(error);
    // The imprint was checked above; only the chain can fail here.
    return `The TSA's certificate (${nameOf(signer.subject)}) is not vouched for by the certificates given: ${reason}.`;
  }
}

/** "CN=Test TSA, O=Example": a distinguished name for people, short type names where known. */
function nameOf(name: pkijs.RelativeDistinguishedNames | unknown): string | undefined {
  if (!(name instanceof pkijs.RelativeDistinguishedNames)) return undefined;
  return name.typesAndValues
    .map((tv) => `${SHORT_NAMES[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`)
    .join(', ');
}

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
};
