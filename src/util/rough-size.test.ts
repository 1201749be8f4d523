import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roughSize } from './rough-size';

describe('roughSize', () => {
  it('is never far below the JSON length of JSON-like values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = JSON.stringify(value) ?? '';
        // Escapes are the only thing it does not count: at most six characters for one.
        expect(roughSize(value) * 6 + 16).toBeGreaterThanOrEqual(json.length);
      }),
    );
  });

  it('counts long strings and byte arrays in full, and stops at cycles', () => {
    expect(roughSize({ body: 'x'.repeat(100_000) })).toBeGreaterThan(100_000);
    expect(roughSize({ png: new Uint8Array(50_000) })).toBeGreaterThan(50_000);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(roughSize(loop)).toBeLessThan(200);
  });
});
