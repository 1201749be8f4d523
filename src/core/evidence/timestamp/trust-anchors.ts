import * as pkijs from 'pkijs';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;
/** More would be no trust list a person keeps by hand; it bounds what a hostile file can cost. */
const MAX_CERTIFICATES = 100;

/**
 * The certificates of a trust list file: PEM (one or more CERTIFICATE
 * blocks, as `openssl ts -verify -CAfile` reads) or one DER certificate.
 * Throws with the reason for anything else.
 */
export function readTrustAnchors(bytes: Uint8Array): pkijs.Certificate[] {
  if (bytes.length === 0) throw new Error('the file is empty');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const blocks = [...text.matchAll(PEM_CERTIFICATE)].map((m) => m[1] ?? '');
  if (blocks.length > MAX_CERTIFICATES)
    throw new Error(`it holds ${blocks.length} certificates; at most ${MAX_CERTIFICATES} are read`);
  const ders: (() => Uint8Array<ArrayBuffer>)[] =
    blocks.length > 0
      ? blocks.map((b) => () => fromBase64(b))
      : text.includes('-----BEGIN')
        ? []
        : [() => new Uint8Array(bytes)];
  if (ders.length === 0) throw new Error('it holds no PEM certificate (-----BEGIN CERTIFICATE-----)');
  return ders.map((der, i) => {
    try {
      return pkijs.Certificate.fromBER(der());
    } catch (error) {
      throw new Error(
        `certificate ${i + 1} is not an X.509 certificate (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  });
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/\s/g, ''));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
