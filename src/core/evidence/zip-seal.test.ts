import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateSigningKeys, verifyBytes } from './signing';
import { storedZip } from './stored-zip';
import { readSeal, SEAL_LENGTH, sealInPlace, sealZip } from './zip-seal';

const plainZip = () => zipSync({ 'a.txt': new TextEncoder().encode('hello') }, { level: 0 });

describe('sealZip / readSeal', () => {
  it('signs every byte before the archive comment, and the zip still reads as a zip', async () => {
    const keys = await generateSigningKeys({ extractable: false });
    const sealed = await sealZip(plainZip(), keys.privateKey);
    expect(new TextDecoder().decode(unzipSync(sealed)['a.txt'])).toBe('hello');
    const seal = readSeal(sealed);
    if ('error' in seal) throw new Error(seal.error);
    // The comment's own length field is inside what is signed.
    expect(seal.signed).toHaveLength(sealed.length - 117);
    expect(await verifyBytes(keys.publicKey, seal.signature, seal.signed)).toBe(true);
  });

  it('seals in place a zip written with room for the seal, to the same bytes as sealing a copy', async () => {
    const keys = await generateSigningKeys({ extractable: false });
    const entries = [['a.txt', new TextEncoder().encode('hello')] as const];
    const mtime = new Date(2025, 0, 1);
    const roomy = storedZip(entries, { mtime, commentLength: SEAL_LENGTH });
    const sealed = await sealInPlace(roomy, keys.privateKey);
    expect(sealed).toBe(roomy);
    const seal = readSeal(sealed);
    if ('error' in seal) throw new Error(seal.error);
    // ECDSA signatures differ each time, so compare what is signed.
    const copy = readSeal(await sealZip(storedZip(entries, { mtime, commentLength: 0 }), keys.privateKey));
    expect('signed' in copy && copy.signed).toEqual(seal.signed);
    expect(await verifyBytes(keys.publicKey, seal.signature, seal.signed)).toBe(true);
    await expect(
      sealInPlace(storedZip(entries, { mtime, commentLength: 0 }), keys.privateKey),
    ).rejects.toThrow('room for the seal');
  });

  it('says when a zip carries no seal', () => {
    expect(readSeal(plainZip())).toEqual({
      error: 'the zip carries no seal (its archive comment is not one)',
    });
    expect(readSeal(new Uint8Array(10))).toEqual({ error: 'the zip has no end record that ends the file' });
    const withComment = plainZip();
    withComment[withComment.length - 2] = 3;
    const commented = new Uint8Array([...withComment, 0x61, 0x62, 0x63]);
    expect(readSeal(commented)).toMatchObject({ error: expect.stringContaining('no seal') });
  });

  it('refuses to seal a zip that already has a comment', async () => {
    const keys = await generateSigningKeys({ extractable: false });
    const sealed = await sealZip(plainZip(), keys.privateKey);
    await expect(sealZip(sealed, keys.privateKey)).rejects.toThrow('without an archive comment');
  });
});
