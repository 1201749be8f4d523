import { browser } from 'wxt/browser';
import { compileFilterLists } from '../core/classify/filter-lists';
import { prepareCanaries } from '../core/personal-data/find-personal-data';
import type { RuleContextOptions } from '../core/rules/rule-context';
import { DEFAULT_SETTINGS, parseUserSettings, type UserSettings } from '../core/settings/user-settings';

export const SETTINGS_KEY = 'settings';

/** The user's settings from local storage; unreadable settings count as none, and say so once. */
export async function loadSettings(): Promise<UserSettings> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (stored === undefined) return DEFAULT_SETTINGS;
  const parsed = parseUserSettings(stored);
  if ('settings' in parsed) return parsed.settings;
  console.warn('[inspector] Ignoring unreadable settings:', parsed.problems.join('; '));
  return DEFAULT_SETTINGS;
}

export async function saveSettings(settings: UserSettings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

/**
 * The engine's view of the settings: canaries prepared (hashed forms and all)
 * and filter lists compiled, once per change of the stored settings, since
 * compiling a large list takes a moment.
 */
export class EngineSettings {
  private current: Promise<RuleContextOptions> | null = null;
  /** Bumped on each change of the stored settings, so what was judged with older ones can be told apart. */
  version = 0;

  constructor() {
    // Only local storage's own event: the general one would wake this for every session-storage write.
    browser.storage.local.onChanged.addListener((changes) => {
      if (SETTINGS_KEY in changes) {
        this.current = null;
        this.version++;
      }
    });
  }

  get(): Promise<RuleContextOptions> {
    this.current ??= loadSettings()
      .then(compile)
      .catch((error: unknown) => {
        // Judged without the user's settings this time; the next report tries again.
        console.warn('[inspector] Settings could not be applied', error);
        this.current = null;
        return {};
      });
    return this.current;
  }
}

function compile(settings: UserSettings): RuleContextOptions {
  const options: RuleContextOptions = {};
  if (settings.canaries.length > 0) {
    options.canaries = prepareCanaries(settings.canaries.map((c, i) => ({ id: `canary-${i}`, ...c })));
  }
  if (settings.filterLists.length > 0) options.filterLists = compileFilterLists(settings.filterLists);
  return options;
}
