import { partyOf } from '../classify/party';
import { hostOfUrl } from '../classify/url-parts';
import type { Observation } from './observation';

/** Hosts an audit asks DNS about at most; past this they are counted, not asked. */
export const MAX_HOSTS_TO_RESOLVE = 200;

/**
 * The hosts worth asking DNS for their CNAME chain: those of the page's own
 * site (first-party-looking) that a page sent requests to, other than the
 * page's own host (a site does not cloak the page itself), and not already
 * given a canonical name by the browser (Firefox). Sorted, so a report is the
 * same whatever order the requests came in; bounded, the rest counted.
 */
export function hostsToResolve(observations: readonly Observation[]): { hosts: string[]; notAsked: number } {
  const hosts = new Set<string>();
  for (const o of observations) {
    if ((o.kind !== 'request' && o.kind !== 'beacon') || o.canonicalName !== undefined) continue;
    const host = hostOfUrl(o.url);
    if (host === '' || host === hostOfUrl(o.pageUrl) || partyOf(host, o.pageUrl) !== 'first-party') continue;
    hosts.add(host);
  }
  const sorted = [...hosts].sort();
  return {
    hosts: sorted.slice(0, MAX_HOSTS_TO_RESOLVE),
    notAsked: Math.max(0, sorted.length - MAX_HOSTS_TO_RESOLVE),
  };
}

/**
 * The observations with the canonical names an audit's resolver found:
 * `chains` maps a host to the names from it to its canonical name (at least
 * two). A request the browser already gave a name keeps the browser's; the
 * others to an aliased host get the chain's end, marked as the audit's.
 */
export function withResolvedAliases(
  observations: readonly Observation[],
  chains: ReadonlyMap<string, readonly string[]>,
): Observation[] {
  return observations.map((o) => {
    if ((o.kind !== 'request' && o.kind !== 'beacon') || o.canonicalName !== undefined) return o;
    const chain = chains.get(hostOfUrl(o.url));
    const canonical = chain?.[chain.length - 1];
    if (!chain || chain.length < 2 || canonical === undefined) return o;
    return { ...o, canonicalName: canonical, canonicalNameBy: 'audit-resolver', cnameChain: [...chain] };
  });
}
