import { compileFilterLists } from '../core/classify/filter-lists';
import type { InspectorConfig } from '../core/config/inspector-config-schema';
import { prepareCanaries } from '../core/personal-data/find-personal-data';
import type { RuleContextOptions } from '../core/rules/rule-context';

/**
 * The config's canaries and filter lists as the rules take them, compiled as
 * the extension compiles the same settings from its options page. Undefined
 * when the config has neither, so the extension's own report is kept.
 */
export function ruleOptionsFromConfig(config: InspectorConfig): RuleContextOptions | undefined {
  const options: RuleContextOptions = {};
  if (config.canaries?.length) {
    options.canaries = prepareCanaries(config.canaries.map((c, i) => ({ id: `canary-${i}`, ...c })));
  }
  if (config.filterLists?.length) options.filterLists = compileFilterLists(config.filterLists);
  return options.canaries || options.filterLists ? options : undefined;
}
