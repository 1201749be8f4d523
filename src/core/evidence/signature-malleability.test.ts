import { describe, expect, it } from 'vitest';
import { rezip, sampleBundle, unzipBundle } from '../../../tests/support/evidence-bundle';
import { MANIFEST_SIGNATURE_FILE } from './bundle-layout';
import { derToP1363, p1363ToDer } from './der-signature';
import {
  fromBase64,
  generateSigningKeys,
  isLowS,
  signBytes,
  ecdsaTwin as twin,
  verifyBytes,
} from './signing';
import { verifyBundle } from './verify-bundle';
import { verifyExitCode } from './verify-exit-code';
import { SEAL_LENGTH } from './zip-seal';

function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

describe('ECDSA malleability: a bundle has one valid spelling', () => {
  it('every signature is written in low-s form, and its twin verifies only where high s is allowed', async () => {
    const keys = await generateSigningKeys({ extractable: false });
    const data = new TextEncoder().encode('bytes');
    for (let i = 0; i < 16; i++) {
      const signature = await signBytes(keys.privateKey, data);
      const raw = fromBase64(signature) as Uint8Array<ArrayBuffer>;
      expect(isLowS(raw)).toBe(true);
      const other = base64(twin(raw));
      expect(await verifyBytes(keys.publicKey, other, data)).toBe(true);
      expect(await verifyBytes(keys.publicKey, other, data, { lowSOnly: true })).toBe(false);
    }
  });

  it('a seal rewritten into its twin form, without the key, is caught: the file is not the one exported', async () => {
    const sample = await sampleBundle();
    const zip = sample.zip.slice();
    const at = zip.length - 88;
    const raw = fromBase64(new TextDecoder().decode(zip.subarray(at))) as Uint8Array;
    zip.set(new TextEncoder().encode(base64(twin(raw))), at);
    expect(zip.length).toBe(sample.zip.length);
    expect(SEAL_LENGTH).toBe(117);
    const verdict = await verifyBundle(zip, { expectedFingerprint: sample.manifest.publicKey.fingerprint });
    expect(verdict.problems).toEqual([
      expect.objectContaining({ kind: 'seal', message: expect.stringContaining('twin form') }),
    ]);
    expect(verifyExitCode(verdict)).toBe(1);
  });

  it('so is manifest.sig rewritten into its twin', async () => {
    const sample = await sampleBundle();
    const files = unzipBundle(sample.zip);
    const raw = derToP1363(files[MANIFEST_SIGNATURE_FILE] as Uint8Array) as Uint8Array;
    files[MANIFEST_SIGNATURE_FILE] = p1363ToDer(twin(raw));
    const { sealZip } = await import('./zip-seal');
    const verdict = await verifyBundle(await sealZip(rezip(files), sample.keys.privateKey));
    expect(verdict.problems).toEqual([
      expect.objectContaining({
        kind: 'signature',
        file: MANIFEST_SIGNATURE_FILE,
        message: expect.stringContaining('twin form'),
      }),
    ]);
  });
});
