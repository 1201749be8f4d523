import type { RecordedLog } from '../core/observations/observation';
import { hostsToResolve, withResolvedAliases } from '../core/observations/resolved-aliases';
import type { DnsLookups } from '../core/report/report-types';
import { type DnsServer, resolveCnameChains } from './resolve-cname-chains';

/**
 * After the visits, asks DNS which of the site's hosts the pages sent
 * requests to are aliases (CNAME), as Chromium's extension cannot, and gives
 * their requests the canonical names found: the log then replays, in
 * observations.json too, to a report that classifies them by the tracker
 * behind the name. `aliases` says whether the report must be rebuilt.
 */
export async function uncloakHosts(
  recorded: RecordedLog,
  server: DnsServer | undefined,
): Promise<{ recorded: RecordedLog; lookups: DnsLookups; aliases: number }> {
  const { hosts, notAsked } = hostsToResolve(recorded.observations);
  const { chains, lookups } = await resolveCnameChains(hosts, server, notAsked);
  if (chains.size === 0) return { recorded, lookups, aliases: 0 };
  return {
    recorded: { ...recorded, observations: withResolvedAliases(recorded.observations, chains) },
    lookups,
    aliases: chains.size,
  };
}
