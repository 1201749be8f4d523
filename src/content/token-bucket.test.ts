import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('lets a burst through, then only the sustained rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 5, () => now);
    const first = Array.from({ length: 8 }, () => bucket.take());
    expect(first.filter(Boolean)).toHaveLength(5);
    now += 1000;
    const second = Array.from({ length: 20 }, () => bucket.take());
    expect(second.filter(Boolean)).toHaveLength(5);
    now += 300;
    expect(Array.from({ length: 5 }, () => bucket.take()).filter(Boolean)).toHaveLength(3);
  });
});
