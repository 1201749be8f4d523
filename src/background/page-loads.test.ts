import { describe, expect, it } from 'vitest';
import { PageLoads } from './page-loads';

describe('PageLoads', () => {
  it('holds from a navigation until its load, tab by tab', () => {
    const now = 0;
    const loads = new PageLoads(() => now);
    expect(loads.any()).toBe(false);
    loads.started(1);
    loads.started(2);
    loads.ended(1);
    expect(loads.any()).toBe(true);
    loads.ended(2);
    expect(loads.any()).toBe(false);
  });

  it('lets a page that never finishes loading hold nothing back after five seconds', () => {
    let now = 0;
    const loads = new PageLoads(() => now);
    loads.started(7);
    now = 4_999;
    expect(loads.any()).toBe(true);
    now = 5_001;
    expect(loads.any()).toBe(false);
  });
});
