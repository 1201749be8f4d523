import { describe, expect, it } from 'vitest';
import { decideOnQuota, evictionPicker, isQuotaError } from './quota';

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
    const pick = evictionPicker(new Set(['a', 'c']), 2);
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => pick({ id }))).toEqual([false, true, false, true, 'stop']);
    const onlySession = evictionPicker(new Set(['a']), 5);
    expect(onlySession({ id: 'a' })).toBe(false);
  });
});
