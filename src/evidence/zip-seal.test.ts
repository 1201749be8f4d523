import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateSigningKeys, verifyBytes } from './signing';
import { readSeal, sealZip } from './zip-seal';

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
