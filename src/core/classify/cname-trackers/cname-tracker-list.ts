import { memoiseOn } from '../../util/memoise';
import { referenceTables } from '../reference-tables';
import type { CnameTrackerListFile } from './convert-adguard';

/** A host AdGuard's CNAME-tracker list names as a tracker's alias. */
export interface ListedAlias {
  /** The tracker, as the list names it. */
  tracker: string;
  /** The canonical name the list gives for the host. */
  canonical: string;
  /** The list entry the host matched: the host itself, or `*.domain`. */
  listed: string;
  /** Where the fact comes from: the list's file at its commit. */
  source: string;
}

/** Host (or `*.domain`) → its entry, built on first use. */
const aliasesOf = memoiseOn((list: CnameTrackerListFile) => {
  const byHost = new Map<string, ListedAlias>();
  for (const tracker of list.trackers) {
    const source = `${list.source}/blob/${tracker.commit}/${tracker.file}`;
    for (const [canonical, hosts] of Object.entries(tracker.aliases)) {
      for (const host of hosts) byHost.set(host, { tracker: tracker.name, canonical, listed: host, source });
    }
  }
  return byHost;
});

/** What the vendored copy holds, for the reason and the README. */
export function cnameTrackerList() {
  const list = referenceTables().cnameTrackers;
  return {
    source: list.source,
    licence: list.licence,
    retrieved: list.retrieved,
    hosts: aliasesOf(list).size,
    trackers: list.trackers.map((t) => t.name),
    notIncluded: list.notIncluded,
  } as const;
}

/**
 * The list's entry for a host: the host itself, or a `*.parent` entry of one
 * of its parents. Chrome gives an extension no DNS, so a maintained list of
 * known disguises is how it tells a tracker's alias from a site's own host.
 */
export function listedAlias(host: string): ListedAlias | undefined {
  const byHost = aliasesOf(referenceTables().cnameTrackers);
  const exact = byHost.get(host);
  if (exact) return exact;
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
    const wildcard = byHost.get(`*${host.slice(dot)}`);
    if (wildcard) return wildcard;
  }
  return undefined;
}
