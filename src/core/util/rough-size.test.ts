import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roughSize } from './rough-size';

describe('roughSize', () => {
  it('is never below the JSON length of values whose strings need no escaping', () => {
    const plain = fc.string({ unit: fc.constantFrom(...'abcXYZ019 -_.:/?=&é中') });
    const values = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        plain,
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 5 }),
        fc.dictionary(plain, tie('value'), { maxKeys: 5 }),
      ),
    })).value;
    fc.assert(
      fc.property(values, (value) => {
        expect(roughSize(value)).toBeGreaterThanOrEqual(JSON.stringify(value).length);
      }),
      { numRuns: 1000 },
    );
    // The widest a number gets in JSON: a sign, six leading zeros and 17 digits.
    expect(roughSize(-0.0000010027927888508332)).toBeGreaterThanOrEqual(
      JSON.stringify(-0.0000010027927888508332).length,
    );
  });

  it('is never far below the JSON length of any JSON value: escapes take at most six characters', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(roughSize(value) * 6).toBeGreaterThanOrEqual(JSON.stringify(value).length);
      }),
    );
  });

  it('counts long strings and byte arrays in full, and stops at cycles', () => {
    expect(roughSize({ body: 'x'.repeat(100_000) })).toBeGreaterThan(100_000);
    expect(roughSize({ a: '', b: '' })).toBeGreaterThanOrEqual('{"a":"","b":""}'.length);
    expect(roughSize({ png: new Uint8Array(50_000) })).toBeGreaterThan(50_000);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(roughSize(loop)).toBeLessThan(200);
  });
});
