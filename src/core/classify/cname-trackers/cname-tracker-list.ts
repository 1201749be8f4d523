import list from './cname-trackers.json';
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

// The JSON is the generator's output (convert-adguard.ts); its literal type is too narrow to compare.
const LIST = list as unknown as CnameTrackerListFile;

/** Host (or `*.domain`) → its entry, built once. */
const BY_HOST = new Map<string, ListedAlias>();
for (const tracker of LIST.trackers) {
  const source = `${LIST.source}/blob/${tracker.commit}/${tracker.file}`;
  for (const [canonical, hosts] of Object.entries(tracker.aliases)) {
    for (const host of hosts) BY_HOST.set(host, { tracker: tracker.name, canonical, listed: host, source });
  }
}

/** What the vendored copy holds, for the reason and the README. */
export const CNAME_TRACKER_LIST = {
  source: LIST.source,
  licence: LIST.licence,
  retrieved: LIST.retrieved,
  hosts: BY_HOST.size,
  trackers: LIST.trackers.map((t) => t.name),
  notIncluded: LIST.notIncluded,
} as const;

/**
 * The list's entry for a host: the host itself, or a `*.parent` entry of one
 * of its parents. Chrome gives an extension no DNS, so a maintained list of
 * known disguises is how it tells a tracker's alias from a site's own host.
 */
export function listedAlias(host: string): ListedAlias | undefined {
  const exact = BY_HOST.get(host);
  if (exact) return exact;
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
    const wildcard = BY_HOST.get(`*${host.slice(dot)}`);
    if (wildcard) return wildcard;
  }
  return undefined;
}
