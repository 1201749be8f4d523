import { describe, expect, it } from 'vitest';
import { memoise } from './memoise';

describe('memoise', () => {
  it('builds nothing until asked, then once, and keeps what it built (undefined too)', () => {
    let builds = 0;
    const value = memoise(() => {
      builds++;
      return builds === 1 ? undefined : 'rebuilt';
    });
    expect(builds).toBe(0);
    expect(value()).toBeUndefined();
    expect(value()).toBeUndefined();
    expect(builds).toBe(1);
  });

  it('builds again after a build that threw', () => {
    let calls = 0;
    const value = memoise(() => {
      calls++;
      if (calls === 1) throw new Error('not yet');
      return calls;
    });
    expect(() => value()).toThrow('not yet');
    expect(value()).toBe(2);
    expect(value()).toBe(2);
  });
});
