import { describe, expect, it } from 'vitest';
import type { UserSettings } from '../settings/user-settings';
import { InspectorConfigError, parseInspectorConfig } from './parse-inspector-config';
import { exportSettingsConfig, importSettingsConfig } from './settings-config';

const settings: UserSettings = {
  canaries: [{ kind: 'phone', value: '13800138000', label: 'my phone' }],
  filterLists: [{ name: 'EasyPrivacy', purpose: 'statistics', text: '||collect.tracker.example^\n' }],
};

describe('exportSettingsConfig', () => {
  it('writes the canaries, filter lists and monitored home pages as a config the CLI reads', () => {
    const text = exportSettingsConfig(settings);
    expect(parseInspectorConfig(text)).toEqual({
      hosts: ['https://www.jeejio.com/'],
      canaries: settings.canaries,
      filterLists: settings.filterLists,
      failOn: 'low',
      baselines: [],
    });
  });

  it('leaves out what is empty', () => {
    expect(JSON.parse(exportSettingsConfig({ canaries: [], filterLists: [] }))).toEqual({
      hosts: ['https://www.jeejio.com/'],
    });
  });
});

describe('importSettingsConfig', () => {
  it('takes canaries and filter lists from a config and names what only the CLI uses', () => {
    const text = JSON.stringify({
      hosts: ['https://open.jeejio.com/'],
      failOn: 'high',
      canaries: [{ kind: 'email', value: 'me@example.com', label: 'my email' }],
    });
    expect(importSettingsConfig(text, settings)).toEqual({
      settings: {
        canaries: [{ kind: 'email', value: 'me@example.com', label: 'my email' }],
        filterLists: settings.filterLists,
      },
      applied: ['canaries'],
      cliOnly: ['hosts', 'failOn'],
    });
  });

  it('round-trips an export', () => {
    expect(
      importSettingsConfig(exportSettingsConfig(settings), { canaries: [], filterLists: [] }).settings,
    ).toEqual(settings);
  });

  it('refuses a file the CLI would refuse, naming each problem', () => {
    const text = JSON.stringify({ canaries: [{ kind: 'fax', value: '1', label: '' }], colour: 'red' });
    expect(() => importSettingsConfig(text, settings)).toThrow(InspectorConfigError);
    expect(() => importSettingsConfig(text, settings)).toThrow(/canaries\.0\.kind/);
    expect(() => importSettingsConfig('{"canaries": [', settings)).toThrow(/not valid JSON/);
  });
});
