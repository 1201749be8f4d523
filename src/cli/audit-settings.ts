import { HostRulesError, parseHostRules } from '../core/config/host-rules';
import type { Baseline, FailOn, InspectorConfig } from '../core/config/inspector-config-schema';
import { UsageError } from '../harness/usage-error';
import type { AuditArguments } from './audit-arguments';
import { shardUrls } from './shard';

export interface AuditSettings {
  /** This run's URLs: the list, or the shard's part of it. */
  urls: string[];
  /** The whole list, before sharding. */
  listedUrls: string[];
  hostRules?: string;
  failOn: FailOn;
  baselines: Baseline[];
}

/**
 * The command line and the config together: what is given on the command line
 * wins (URLs, from its arguments and a --urls file, replace the config's hosts;
 * --host-rules and --fail-on replace theirs); baselines come from the config
 * alone. A --shard then keeps its part of the list; a shard may be empty when
 * there are more shards than URLs. Host rules Chromium could not read are
 * refused here, before a browser starts: it would drop them without a word.
 */
export function resolveAuditSettings(
  args: AuditArguments,
  config: InspectorConfig | undefined,
  urlsFromFile: readonly string[] = [],
): AuditSettings {
  const given = [...new Set([...args.urls, ...urlsFromFile])];
  const listedUrls = given.length > 0 ? given : (config?.hosts ?? []);
  if (listedUrls.length === 0) {
    throw new UsageError('Give at least one URL to audit, or list hosts in the config.');
  }
  const hostRules = args.hostRules ?? config?.hostRules;
  if (hostRules !== undefined) {
    try {
      parseHostRules(hostRules);
    } catch (error) {
      if (!(error instanceof HostRulesError)) throw error;
      const source = args.hostRules !== undefined ? '--host-rules' : "The config's hostRules";
      throw new UsageError(`${source}: ${error.message}`);
    }
  }
  return {
    urls: args.shard ? shardUrls(listedUrls, args.shard) : listedUrls,
    listedUrls,
    ...(hostRules !== undefined && { hostRules }),
    failOn: args.failOn ?? config?.failOn ?? 'low',
    baselines: config?.baselines ?? [],
  };
}
