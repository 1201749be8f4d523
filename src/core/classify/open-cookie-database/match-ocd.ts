import { memoiseOn } from '../../util/memoise';
import { PURPOSES } from '../purpose';
import { referenceTables } from '../reference-tables';
import type { OcdCookieEntry, OcdCookieFile } from './ocd-types';

export type { OcdCookieEntry } from './ocd-types';

export interface OcdMatch {
  entry: OcdCookieEntry;
  kind: 'exact' | 'prefix';
  /** True when the entry only counts on its own domains, and the cookie is on one of them. */
  boundToDomain: boolean;
}

/** Package and version the generated table comes from, for reasons and the report. */
export function ocdVersion(): string {
  const file = referenceTables().openCookieDatabase;
  return `${file.package}@${file.packageVersion}`;
}

/**
 * The generated entries, checked on first use: a malformed entry is skipped,
 * never trusted. Not at load: a worker woken by an event that classifies no
 * cookie (most wakes store first, judge after) does not pay for 4,000 entries.
 */
const validEntries = memoiseOn((file: OcdCookieFile): readonly OcdCookieEntry[] =>
  file.entries.filter(
    (entry) =>
      typeof entry.n === 'string' &&
      entry.n !== '' &&
      typeof entry.v === 'string' &&
      PURPOSES.includes(entry.p) &&
      typeof entry.id === 'string',
  ),
);

export function ocdEntries(): readonly OcdCookieEntry[] {
  return validEntries(referenceTables().openCookieDatabase);
}

interface OcdIndex {
  exact: ReadonlyMap<string, readonly OcdCookieEntry[]>;
  /** Wildcard prefixes by first character, longest first. */
  prefixes: ReadonlyMap<string, readonly OcdCookieEntry[]>;
}

function buildIndex(entries: readonly OcdCookieEntry[]): OcdIndex {
  const exact = new Map<string, OcdCookieEntry[]>();
  const prefixes = new Map<string, OcdCookieEntry[]>();
  for (const entry of entries) {
    const map = entry.w === 1 ? prefixes : exact;
    const key = entry.w === 1 ? entry.n.charAt(0) : entry.n;
    const list = map.get(key) ?? [];
    list.push(entry);
    map.set(key, list);
  }
  // Within one key, entries bound to a domain come first: they are more specific.
  const boundFirst = (a: OcdCookieEntry, b: OcdCookieEntry) => (b.d ? 1 : 0) - (a.d ? 1 : 0);
  for (const list of exact.values()) list.sort(boundFirst);
  for (const list of prefixes.values()) list.sort((a, b) => b.n.length - a.n.length || boundFirst(a, b));
  return { exact, prefixes };
}

const indexOf = memoiseOn((entries: readonly OcdCookieEntry[]) => buildIndex(entries));
const ocdIndex = () => indexOf(ocdEntries());

/** Whether a cookie domain or host is one of the registrable domains, or under one. */
function onDomain(host: string, domains: readonly string[]): boolean {
  for (const domain of domains) {
    if (host === domain) return true;
    if (
      host.length > domain.length &&
      host.endsWith(domain) &&
      host.charCodeAt(host.length - domain.length - 1) === 46
    ) {
      return true;
    }
  }
  return false;
}

function normalizeHost(domain: string): string {
  let start = 0;
  while (domain.charCodeAt(start) === 46) start++;
  let end = domain.length;
  if (end > start && domain.charCodeAt(end - 1) === 46) end--;
  return domain.slice(start, end).toLowerCase();
}

function pick(list: readonly OcdCookieEntry[] | undefined, host: () => string): OcdCookieEntry | undefined {
  if (!list) return undefined;
  for (const entry of list) {
    if (!entry.d || onDomain(host(), entry.d)) return entry;
  }
  return undefined;
}

/**
 * The Open Cookie Database entry for a cookie (or storage key) name on a
 * domain (or origin host). Names are matched case-sensitively, as browsers
 * treat them; an exact name beats a wildcard prefix, and a longer prefix a
 * shorter one. Entries bound to domains (ambiguous names) match only there.
 */
export function matchOpenCookieDatabase(name: string, domain: string): OcdMatch | undefined {
  let normalized: string | undefined;
  const host = () => {
    normalized ??= normalizeHost(domain);
    return normalized;
  };
  const index = ocdIndex();
  const exact = pick(index.exact.get(name), host);
  if (exact) return { entry: exact, kind: 'exact', boundToDomain: exact.d !== undefined };
  const prefixes = index.prefixes.get(name.charAt(0));
  if (prefixes) {
    for (const entry of prefixes) {
      if (name.startsWith(entry.n) && (!entry.d || onDomain(host(), entry.d))) {
        return { entry, kind: 'prefix', boundToDomain: entry.d !== undefined };
      }
    }
  }
  return undefined;
}
