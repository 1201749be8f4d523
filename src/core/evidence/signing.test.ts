import { createHash, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  exportPublicKey,
  fromBase64,
  generateSigningKeys,
  groupFingerprint,
  importPublicKey,
  signCanonical,
  verifyCanonical,
} from './signing';

describe('signing keys', () => {
  it('keeps a private key generated non-extractable inside WebCrypto', async () => {
    const keys = await generateSigningKeys({ extractable: false });
    expect(keys.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', keys.privateKey)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('jwk', keys.privateKey)).rejects.toThrow();
    const extractable = await generateSigningKeys({ extractable: true });
    expect(extractable.privateKey.extractable).toBe(true);
  });

  it('exports the public key as a bare JWK, as SPKI, and a fingerprint of the SPKI', async () => {
    const { publicKey } = await generateSigningKeys({ extractable: false });
    const exported = await exportPublicKey(publicKey);
    expect(Object.keys(exported.jwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(exported.jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    const spki = fromBase64(exported.spki) as Uint8Array;
    // What OpenSSL makes of the SPKI is the same key as the JWK.
    const viaOpenSsl = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }).export({
      format: 'jwk',
    });
    expect(viaOpenSsl).toMatchObject({ kty: 'EC', crv: 'P-256', x: exported.jwk.x, y: exported.jwk.y });
    expect(exported.fingerprint).toBe(createHash('sha256').update(spki).digest('hex'));
  });

  it('groups a fingerprint in fours for reading aloud', () => {
    const hex = '0123456789abcdef'.repeat(4);
    expect(groupFingerprint(hex)).toBe(`${'0123 4567 89ab cdef '.repeat(4).trim()}`);
  });

  it('imports only P-256 public keys', async () => {
    const { publicKey } = await generateSigningKeys({ extractable: false });
    const { jwk } = await exportPublicKey(publicKey);
    await expect(importPublicKey(jwk)).resolves.toBeDefined();
    await expect(importPublicKey({ ...jwk, crv: 'P-384' })).rejects.toThrow('P-256');
    await expect(importPublicKey({ ...jwk, d: jwk.x })).rejects.toThrow('private');
    await expect(importPublicKey({ ...jwk, x: 'short' })).rejects.toThrow('coordinates');
    await expect(importPublicKey('a string')).rejects.toThrow('JWK');
    // A point that is not on the curve.
    await expect(importPublicKey({ ...jwk, y: jwk.x })).rejects.toThrow();
  });
});

describe('signCanonical / verifyCanonical', () => {
  it('verifies the same value however its members are ordered, and nothing else', async () => {
    const keys = await generateSigningKeys({ extractable: false });
    const signature = await signCanonical(keys.privateKey, { b: [1, 2], a: 'x' });
    expect(fromBase64(signature)).toHaveLength(64);
    expect(await verifyCanonical(keys.publicKey, signature, { a: 'x', b: [1, 2] })).toBe(true);
    expect(await verifyCanonical(keys.publicKey, signature, { a: 'y', b: [1, 2] })).toBe(false);
    const other = await generateSigningKeys({ extractable: false });
    expect(await verifyCanonical(other.publicKey, signature, { a: 'x', b: [1, 2] })).toBe(false);
    expect(await verifyCanonical(keys.publicKey, 'not base64!', { a: 'x', b: [1, 2] })).toBe(false);
    expect(await verifyCanonical(keys.publicKey, 'AAAA', { a: 'x', b: [1, 2] })).toBe(false);
  });
});

describe('fromBase64', () => {
  it('accepts only the one canonical spelling of some bytes', () => {
    expect(fromBase64('AAE=')).toEqual(new Uint8Array([0, 1]));
    // 'AAF=' has a stray bit in the padding: same bytes, another spelling.
    expect(fromBase64('AAF=')).toBeUndefined();
    expect(fromBase64('AA E=')).toBeUndefined();
    expect(fromBase64('AAE')).toBeUndefined();
  });
});
