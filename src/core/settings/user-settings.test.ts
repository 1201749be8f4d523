import { describe, expect, it } from 'vitest';
import { checkCanary, DEFAULT_SETTINGS, parseUserSettings } from './user-settings';

describe('user settings', () => {
  it('accepts canaries and filter lists as the options page saves them', () => {
    const raw = {
      canaries: [{ kind: 'phone', value: ' 13812345678 ', label: 'my phone' }],
      filterLists: [{ name: 'EasyPrivacy', purpose: 'statistics', text: '||collect.tracker.example^' }],
    };
    expect(parseUserSettings(raw)).toEqual({
      settings: { ...raw, canaries: [{ kind: 'phone', value: '13812345678', label: 'my phone' }] },
    });
    expect(parseUserSettings(DEFAULT_SETTINGS)).toEqual({ settings: DEFAULT_SETTINGS });
  });

  it('refuses what it does not know, with the place of each problem', () => {
    const result = parseUserSettings({
      canaries: [{ kind: 'ssn', value: '1', label: '' }],
      filterLists: [],
      extra: 1,
    });
    expect('problems' in result && result.problems.length).toBeGreaterThan(0);
    expect(JSON.stringify(result)).toContain('canaries.0');
    expect('problems' in parseUserSettings(null)).toBe(true);
  });

  it('checks a canary before it is saved', () => {
    expect(checkCanary('phone', '138 1234 5678')).toBeNull();
    expect(checkCanary('phone', 'call me')).toMatch(/phone number/);
    expect(checkCanary('email', 'alice@example.com')).toBeNull();
    expect(checkCanary('email', 'alice')).toMatch(/email/);
  });
});
