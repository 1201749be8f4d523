import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, shardUrls } from './shard';

describe('shardUrls', () => {
  it('splits into contiguous slices, the first ones one longer, as Playwright does', () => {
    const urls = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect([1, 2, 3].map((index) => shardUrls(urls, { index, total: 3 }))).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
      ['f', 'g'],
    ]);
  });

  it('leaves the extra shards empty when there are more shards than URLs', () => {
    expect([1, 2, 3].map((index) => shardUrls(['a', 'b'], { index, total: 3 }))).toEqual([['a'], ['b'], []]);
  });

  it('gives every URL to exactly one shard, in order, for any list and count', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        (urls, total) => {
          const parts = Array.from({ length: total }, (_, i) => shardUrls(urls, { index: i + 1, total }));
          expect(parts.flat()).toEqual(urls);
          const sizes = parts.map((p) => p.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, total: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, total: 1 });
  });

  it.each(['0/3', '4/3', '1/0', '2', 'a/b', '-1/2', '1/2/3'])('refuses %s', (text) => {
    expect(() => parseShard(text)).toThrow(/--shard takes i\/n/);
  });
});
