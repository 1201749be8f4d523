import { describe, expect, it } from 'vitest';
import { sha256HexOfText } from '../core/evidence/digests';
import { nodeSha256Hex } from './node-sha256';

describe('nodeSha256Hex', () => {
  it('gives the same lowercase hex as the JavaScript SHA-256 the extension uses', () => {
    for (const text of ['', 'abc', 'ü😀\u0000', 'x'.repeat(10_000)])
      expect(nodeSha256Hex(text)).toBe(sha256HexOfText(text));
    expect(nodeSha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
