/**
 * Turns the per-tracker files of AdGuard's CNAME-tracker list
 * (https://github.com/AdguardTeam/cname-trackers, `data/trackers/*.json`:
 * each maps a disguised first-party host to the canonical name it is an
 * alias of) into cname-trackers.json; `npm run generate:cname-trackers`
 * runs it (src/cli/generate-cname-trackers.ts). Hosts are grouped under
 * their canonical name, which keeps the file compact (many hosts share one).
 */

export const ADGUARD_REPOSITORY = 'https://github.com/AdguardTeam/cname-trackers';
export const ADGUARD_LICENCE = 'MIT';
export const ADGUARD_COPYRIGHT = 'Copyright 2021 Adguard Software Ltd';

/** One tracker's file as AdGuard publishes it, with where it was read. */
export interface AdguardTrackerFile {
  /** The file's name without `.json` (`keyade`, `parse_ly`, `adobe-experience-cloud-(formerly-omniture)`). */
  slug: string;
  /** The repository commit the file was read at. */
  commit: string;
  /** Disguised host (or `*.domain` for every subdomain) → canonical name. */
  aliases: Record<string, string>;
}

export interface CnameTrackerListFile {
  source: string;
  licence: string;
  copyright: string;
  /** When the files were read (YYYY-MM-DD). */
  retrieved: string;
  /** Tracker files of the repository left out of this copy, by slug: not yet vendored. */
  notIncluded: string[];
  trackers: CnameTrackerEntry[];
}

export interface CnameTrackerEntry {
  /** The tracker as AdGuard's file name names it, in words. */
  name: string;
  /** Where the entry comes from: the file and commit. */
  file: string;
  commit: string;
  /** Canonical name → the disguised hosts that are its aliases, sorted. */
  aliases: Record<string, string[]>;
}

/** `parse_ly` → Parse.ly, `commanders-act` → Commanders Act, `adobe-experience-cloud-(formerly-omniture)` → Adobe Experience Cloud (formerly Omniture). */
export function trackerName(slug: string): string {
  return slug
    .replace(/_/g, '.')
    .split('-')
    .map((word) => word.replace(/^\(?[a-z]/, (first) => first.toUpperCase()))
    .join(' ');
}

/** Host names only: lower case letters, digits, dots, hyphens; `*.` may lead. Anything else is not an alias. */
const HOST = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/;

export function convertAdguardTrackers(
  files: readonly AdguardTrackerFile[],
  options: { retrieved: string; notIncluded?: readonly string[] },
): CnameTrackerListFile {
  const trackers = [...files]
    .sort((a, b) => (a.slug < b.slug ? -1 : 1))
    .map((file) => {
      const grouped = new Map<string, string[]>();
      for (const [host, canonical] of Object.entries(file.aliases)) {
        const from = host.toLowerCase();
        const to = canonical.toLowerCase().replace(/\.$/, '');
        if (!HOST.test(from) || !HOST.test(to) || to.startsWith('*.')) continue;
        const list = grouped.get(to) ?? [];
        list.push(from);
        grouped.set(to, list);
      }
      const aliases = Object.fromEntries(
        [...grouped.keys()].sort().map((canonical) => [canonical, (grouped.get(canonical) ?? []).sort()]),
      );
      return {
        name: trackerName(file.slug),
        file: `data/trackers/${file.slug}.json`,
        commit: file.commit,
        aliases,
      };
    });
  return {
    source: ADGUARD_REPOSITORY,
    licence: ADGUARD_LICENCE,
    copyright: ADGUARD_COPYRIGHT,
    retrieved: options.retrieved,
    notIncluded: [...(options.notIncluded ?? [])].sort(),
    trackers,
  };
}
