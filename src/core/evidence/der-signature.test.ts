import { describe, expect, it } from 'vitest';
import { derToP1363, p1363ToDer } from './der-signature';

describe('ECDSA signatures between raw and DER', () => {
  it('round-trips a WebCrypto signature, and OpenSSL-style DER verifies with WebCrypto', async () => {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ]);
    const data = new TextEncoder().encode('manifest');
    for (let i = 0; i < 20; i++) {
      const raw = new Uint8Array(
        await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, data),
      );
      const der = p1363ToDer(raw);
      expect(der[0]).toBe(0x30);
      const back = derToP1363(der);
      expect(back).toEqual(raw);
      expect(
        await crypto.subtle.verify(
          { name: 'ECDSA', hash: 'SHA-256' },
          keys.publicKey,
          back as Uint8Array<ArrayBuffer>,
          data,
        ),
      ).toBe(true);
    }
  });

  it('keeps high-bit and leading-zero integers positive and minimal', () => {
    const raw = new Uint8Array(64);
    raw[0] = 0x80; // r needs a sign byte
    raw[63] = 0x01; // s is 1: 31 leading zeros dropped
    const der = p1363ToDer(raw);
    expect(Array.from(der.subarray(0, 5))).toEqual([0x30, 0x26, 0x02, 0x21, 0x00]);
    expect(Array.from(der.subarray(-3))).toEqual([0x02, 0x01, 0x01]);
    expect(derToP1363(der)).toEqual(raw);
  });

  it('refuses what is not exactly one signature', () => {
    const der = p1363ToDer(new Uint8Array(64).fill(7));
    expect(derToP1363(new Uint8Array([...der, 0]))).toBeUndefined();
    expect(derToP1363(der.subarray(0, der.length - 1))).toBeUndefined();
    expect(derToP1363(new Uint8Array([0x02, 0x01, 0x01]))).toBeUndefined();
    expect(() => p1363ToDer(new Uint8Array(63))).toThrow();
  });
});
