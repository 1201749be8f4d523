import type { Baseline, FailOn, InspectorConfig } from '../config/inspector-config-schema';
import type { AuditArguments } from './audit-arguments';
import { UsageError } from './find-chromium';

export interface AuditSettings {
  urls: string[];
  hostRules?: string;
  failOn: FailOn;
  baselines: Baseline[];
}

/**
 * The command line and the config together: what is given on the command line
 * wins (URLs replace the config's hosts, --host-rules and --fail-on replace
 * theirs); baselines come from the config alone.
 */
export function resolveAuditSettings(
  args: AuditArguments,
  config: InspectorConfig | undefined,
): AuditSettings {
  const urls = args.urls.length > 0 ? args.urls : (config?.hosts ?? []);
  if (urls.length === 0) throw new UsageError('Give at least one URL to audit, or list hosts in the config.');
  const hostRules = args.hostRules ?? config?.hostRules;
  return {
    urls,
    ...(hostRules !== undefined && { hostRules }),
    failOn: args.failOn ?? config?.failOn ?? 'low',
    baselines: config?.baselines ?? [],
  };
}
