import { describe, expect, it } from 'vitest';
import { BoundedCache, BoundedPairCache } from './bounded-cache';

describe('BoundedCache', () => {
  it('forgets everything once it holds its capacity', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe(3);
  });
});

describe('BoundedPairCache', () => {
  it('keeps pairs apart whatever characters their parts hold', () => {
    const cache = new BoundedPairCache<string>(10);
    cache.set('a\u0000b', 'c', 'first');
    cache.set('a', 'b\u0000c', 'second');
    expect(cache.get('a\u0000b', 'c')).toBe('first');
    expect(cache.get('a', 'b\u0000c')).toBe('second');
  });

  it('forgets everything once it holds its capacity of entries', () => {
    const cache = new BoundedPairCache<number>(2);
    cache.set('x', '1', 1);
    cache.set('x', '2', 2);
    cache.set('y', '1', 3);
    expect(cache.get('x', '1')).toBeUndefined();
    expect(cache.get('y', '1')).toBe(3);
  });

  it('forgets everything once its keys hold too many characters, so huge values cannot pile up', () => {
    const cache = new BoundedPairCache<number>(1_000, 10_000);
    const huge = (i: number) => `${i}`.padEnd(6_000, 'x');
    cache.set(huge(1), '', 1);
    cache.set(huge(2), '', 2);
    cache.set(huge(3), '', 3);
    expect(cache.get(huge(1), '')).toBeUndefined();
    expect(cache.get(huge(3), '')).toBe(3);
  });
});
