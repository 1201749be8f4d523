import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxJsonNesting } from './json-nesting';

/** The same measure taken from the parsed value. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

describe('maxJsonNesting', () => {
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(maxJsonNesting('1')).toBe(0);
    expect(maxJsonNesting('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(maxJsonNesting('["[[[", "\\"[[[", "\\\\", [0]]')).toBe(2);
    expect(maxJsonNesting(`${'['.repeat(1000)}${']'.repeat(1000)}`)).toBe(1000);
  });

  it('stops at an unterminated string', () => {
    expect(maxJsonNesting('[["abc')).toBe(2);
  });

  it('agrees with the parsed value for any JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(maxJsonNesting(text)).toBe(depthOf(JSON.parse(text)));
      }),
      { numRuns: 500 },
    );
  });
});
