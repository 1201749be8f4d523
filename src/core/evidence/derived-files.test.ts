import { describe, expect, it } from 'vitest';
import { firstDifference } from './derived-files';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('firstDifference', () => {
  it('gives the line and byte offset of the first byte that differs, or nothing for equal files', () => {
    expect(firstDifference(bytes('a\nbc\nd'), bytes('a\nbc\nd'))).toBeUndefined();
    expect(firstDifference(bytes('a\nbX\nd'), bytes('a\nbc\nd'))).toEqual({ line: 2, offset: 3 });
    expect(firstDifference(bytes('x'), bytes('a'))).toEqual({ line: 1, offset: 0 });
  });

  it('points after the shorter file when one is cut or extended', () => {
    expect(firstDifference(bytes('a\nb'), bytes('a\nb\nc'))).toEqual({ line: 2, offset: 3 });
    expect(firstDifference(bytes('a\nb\nc'), bytes('a\nb'))).toEqual({ line: 2, offset: 3 });
  });
});
