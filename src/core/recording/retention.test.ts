import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION_DAYS,
  parseRetention,
  parseRetentionDays,
  RETENTION_INTERVAL_MS,
  retentionCutoff,
  retentionDue,
} from './retention';

describe('retention setting', () => {
  it('defaults to 30 days, and says why a stored setting was not usable', () => {
    expect(parseRetention(undefined)).toEqual({ setting: { days: DEFAULT_RETENTION_DAYS } });
    expect(parseRetention({ days: 7, lastAppliedAt: 5 })).toEqual({ setting: { days: 7, lastAppliedAt: 5 } });
    const bad = parseRetention({ days: -1 });
    expect(bad.setting.days).toBe(30);
    expect(bad.problem).toBeDefined();
  });

  it('accepts whole days from 1 to 3650', () => {
    expect(parseRetentionDays(1)).toEqual({ days: 1 });
    expect(parseRetentionDays(3650)).toEqual({ days: 3650 });
    for (const bad of [0, 3651, 1.5, Number.NaN, '7'])
      expect(parseRetentionDays(bad)).toHaveProperty('problem', expect.stringContaining('1 to 3650 days'));
  });

  it('cuts off whole days back, and is due twice a day', () => {
    expect(retentionCutoff(Date.UTC(2026, 10, 25), 30)).toBe(Date.UTC(2026, 9, 26));
    expect(retentionDue({ days: 30 }, 0)).toBe(true);
    expect(retentionDue({ days: 30, lastAppliedAt: 1000 }, 1000 + RETENTION_INTERVAL_MS - 1)).toBe(false);
    expect(retentionDue({ days: 30, lastAppliedAt: 1000 }, 1000 + RETENTION_INTERVAL_MS)).toBe(true);
  });
});
