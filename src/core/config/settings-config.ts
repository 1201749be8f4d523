import type { UserSettings } from '../settings/user-settings';
import { MONITORED_DOMAINS } from '../sites/monitored-sites';
import { parseInspectorConfig } from './parse-inspector-config';

/**
 * inspector.config.json and the options page hold some of the same things:
 * canaries and filter lists. Exporting writes them, with the monitored sites'
 * home pages as the hosts to audit, into a config the CLI reads; importing
 * takes them from a config and leaves what only the CLI uses in the file.
 */

/** The monitored sites' home pages: a first list of pages for the CLI to audit. */
export const MONITORED_HOME_PAGES: readonly string[] = MONITORED_DOMAINS.map(
  (domain) => `https://www.${domain}/`,
);

/** The keys only the command line acts on. */
const CLI_ONLY_KEYS = ['hosts', 'hostRules', 'policyModel', 'failOn', 'baselines'] as const;

/**
 * The options page's settings as inspector.config.json text, checked with the
 * same parser the CLI uses, so an export is always a file the CLI accepts
 * (it throws InspectorConfigError otherwise, such as when the lists are too large).
 */
export function exportSettingsConfig(settings: UserSettings): string {
  const text = `${JSON.stringify(
    {
      hosts: MONITORED_HOME_PAGES,
      ...(settings.canaries.length > 0 && { canaries: settings.canaries }),
      ...(settings.filterLists.length > 0 && { filterLists: settings.filterLists }),
    },
    null,
    2,
  )}\n`;
  parseInspectorConfig(text);
  return text;
}

export interface ImportedSettings {
  settings: UserSettings;
  /** What the import changed: "canaries", "filterLists". */
  applied: ('canaries' | 'filterLists')[];
  /** Keys the file holds that only the command line uses (hosts, baselines, …). */
  cliOnly: string[];
}

/**
 * Settings from an inspector.config.json text, validated by the CLI's parser
 * (InspectorConfigError names every problem). Canaries and filter lists the
 * file holds replace the current ones; those it does not hold are kept.
 */
export function importSettingsConfig(text: string, current: UserSettings): ImportedSettings {
  const config = parseInspectorConfig(text);
  const written = Object.keys(JSON.parse(text) as object);
  const applied = (['canaries', 'filterLists'] as const).filter((key) => config[key] !== undefined);
  return {
    settings: {
      canaries: config.canaries ?? current.canaries,
      filterLists: config.filterLists ?? current.filterLists,
    },
    applied,
    cliOnly: CLI_ONLY_KEYS.filter((key) => written.includes(key)),
  };
}
