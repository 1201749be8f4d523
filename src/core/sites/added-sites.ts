import * as v from 'valibot';
import { MAX_ADDED_SITES, parseSiteEntry, type SiteEntry } from './monitored-sites';

/** A staging or test host a user chose to watch, as kept in the extension's local storage. */
export interface AddedSite extends SiteEntry {
  addedAt: number;
}

const AddedSiteSchema = v.object({
  domain: v.pipe(v.string(), v.maxLength(253)),
  pattern: v.pipe(v.string(), v.maxLength(300)),
  addedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/**
 * The stored list, each entry re-read as if typed again: storage written by an
 * older version, or edited by hand, cannot make the extension watch a public
 * suffix or register a pattern nobody asked for. Entries that fail are dropped
 * and named.
 */
export function parseAddedSites(raw: unknown): { sites: AddedSite[]; dropped: string[] } {
  if (raw === undefined) return { sites: [], dropped: [] };
  const list = v.safeParse(v.array(v.unknown()), raw);
  if (!list.success) return { sites: [], dropped: ['the stored list of sites is not a list'] };
  const sites: AddedSite[] = [];
  const dropped: string[] = [];
  for (const item of list.output.slice(0, MAX_ADDED_SITES)) {
    const entry = v.safeParse(AddedSiteSchema, item);
    const reparsed = entry.success ? parseSiteEntry(entry.output.domain) : null;
    if (!entry.success || !reparsed || 'problem' in reparsed || reparsed.pattern !== entry.output.pattern) {
      dropped.push(entry.success ? entry.output.domain : JSON.stringify(item).slice(0, 80));
      continue;
    }
    if (sites.some((s) => s.domain === reparsed.domain)) continue;
    sites.push({ ...reparsed, addedAt: entry.output.addedAt });
  }
  if (list.output.length > MAX_ADDED_SITES)
    dropped.push(`${list.output.length - MAX_ADDED_SITES} beyond the limit`);
  return { sites, dropped };
}

/** A content script as the manifest declares it (snake_case keys). */
export interface ManifestContentScript {
  matches?: string[];
  js?: string[];
  run_at?: string;
  all_frames?: boolean;
  match_about_blank?: boolean;
  world?: string;
}

/** What scripting.registerContentScripts takes. */
export interface ContentScriptRegistration {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_start' | 'document_end' | 'document_idle';
  allFrames: boolean;
  matchOriginAsFallback?: boolean;
  world?: 'ISOLATED' | 'MAIN';
  persistAcrossSessions: boolean;
}

export const ADDED_SITE_SCRIPT_PREFIX = 'added-sites:';

/**
 * The manifest's own content scripts again, for the added sites' patterns: an
 * added host is watched by exactly the scripts a Jeejio page gets, whatever
 * the build named them.
 */
export function registrationsFor(
  declared: readonly ManifestContentScript[],
  sites: readonly SiteEntry[],
): ContentScriptRegistration[] {
  if (sites.length === 0) return [];
  const matches = sites.map((s) => s.pattern);
  return declared
    .filter((script) => (script.js?.length ?? 0) > 0)
    .map((script, index) => ({
      id: `${ADDED_SITE_SCRIPT_PREFIX}${index}:${script.js?.[0]}`,
      matches,
      js: script.js ?? [],
      runAt:
        (['document_start', 'document_end', 'document_idle'] as const).find((r) => r === script.run_at) ??
        'document_idle',
      allFrames: script.all_frames ?? false,
      // match_about_blank's counterpart here; it also covers about:blank frames a monitored page opens.
      ...(script.match_about_blank ? { matchOriginAsFallback: true } : {}),
      ...(script.world === 'MAIN' ? { world: 'MAIN' as const } : {}),
      persistAcrossSessions: true,
    }));
}
