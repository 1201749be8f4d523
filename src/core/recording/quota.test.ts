import { describe, expect, it } from 'vitest';
import { decideOnQuota, isQuotaError, pickEvictions } from './quota';

const quota = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('full storage', () => {
  it('evicts older data outside sessions first, then pauses a recording, else waits', () => {
    expect(decideOnQuota({ evictable: 3, recording: true })).toBe('evict');
    expect(decideOnQuota({ evictable: 0, recording: true })).toBe('pause-recording');
    expect(decideOnQuota({ evictable: 0, recording: false })).toBe('wait');
  });

  it('recognises the quota error directly, wrapped by Dexie, or inside a bulk error', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(Object.assign(new Error('aborted'), { name: 'AbortError', inner: quota() }))).toBe(
      true,
    );
    expect(isQuotaError(new Error('aborted', { cause: quota() }))).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quota()] })).toBe(true);
    expect(isQuotaError(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = loop;
    expect(isQuotaError(loop)).toBe(false);
  });

  it('picks the oldest observations that belong to no session', () => {
    const pick = pickEvictions(new Set(['a', 'c']), 3);
    const row = (...ids: string[]) => ids.map((id) => ({ id }));
    expect(pick(row('a', 'b', 'c', 'd', 'e'), 0)).toEqual(new Set(['b', 'd', 'e']));
    // Only what was really deleted counts: a row left whole leaves the rest still wanted.
    expect(pick(row('f', 'g'), 1)).toEqual(new Set(['f', 'g']));
    expect(pick(row('h'), 3)).toBe('stop');
    expect(pickEvictions(new Set(['a']), 5)(row('a'), 0)).toEqual(new Set());
  });
});
