import { describe, expect, it } from 'vitest';
import { MAX_WAIT_MS, rulesToCapture, ScreenshotSchedule } from './screenshot-schedule';

describe('screenshot schedule', () => {
  it('spaces captures of one tab two seconds apart and of all tabs half a second apart', () => {
    const schedule = new ScreenshotSchedule();
    expect(schedule.reserve(1, 10_000)).toBe(0);
    expect(schedule.reserve(1, 10_100)).toBe(1900);
    // Half a second after tab 1's capture at 10,000.
    expect(schedule.reserve(2, 10_100)).toBe(400);
    // Between those and tab 1's next at 12,000 there is room at 11,000.
    expect(schedule.reserve(3, 11_000)).toBe(0);
    // 12,000 is taken by tab 1: the next free slot is 12,500.
    expect(schedule.reserve(4, 11_900)).toBe(600);
    expect(schedule.reserve(1, 20_000)).toBe(0);
  });

  it('skips a capture that would wait too long', () => {
    const schedule = new ScreenshotSchedule();
    let waited = 0;
    for (let i = 0; i < 10; i++) waited = schedule.reserve(1, 0) ?? -1;
    expect(waited).toBe(-1);
    expect(schedule.reserve(1, 0)).toBeNull();
    expect(schedule.reserve(2, MAX_WAIT_MS)).not.toBeNull();
  });

  it('asks once for each rule first broken on a page', () => {
    expect(rulesToCapture(['b', 'a', 'b', 'c'], ['c'])).toEqual(['a', 'b']);
    expect(rulesToCapture(['a'], ['a'])).toEqual([]);
  });
});
