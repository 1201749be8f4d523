import { GENERIC_CONVENTION_VENDOR } from '../classify/generic-convention';
import type { Finding } from '../engine/findings';
import type { ReportObservation } from './report-types';

/** Who a finding is about: a company the catalogues name, the visited site itself, or an unlisted host. */
export type Involved = { kind: 'vendor'; name: string } | { kind: 'site' } | { kind: 'host'; name: string };

export interface CompanyGroup {
  /** Stable across renders and languages: `vendor:Google`, `site`, `host:collect.tracker.example`. */
  key: string;
  who: Involved;
  findingIds: string[];
}

/**
 * The findings grouped by who they are about, most findings first: as people
 * read trackers (Ghostery groups them by company), "Google: 3, Baidu Tongji: 2,
 * this site: 2". A finding belongs to the first company its evidence names; a
 * finding whose evidence names none is the site's own when all of it is
 * first-party, else the unlisted host's.
 */
export function findingsByCompany(
  findings: readonly Finding[],
  observationById: ReadonlyMap<string, ReportObservation>,
): CompanyGroup[] {
  const groups = new Map<string, CompanyGroup>();
  for (const finding of findings) {
    const evidence = finding.observationIds.flatMap((id) => observationById.get(id) ?? []);
    const who = involvedIn(evidence);
    const key = who.kind === 'site' ? 'site' : `${who.kind}:${who.name}`;
    const group = groups.get(key);
    if (group) group.findingIds.push(finding.id);
    else groups.set(key, { key, who, findingIds: [finding.id] });
  }
  return [...groups.values()].sort((a, b) => b.findingIds.length - a.findingIds.length);
}

function involvedIn(evidence: readonly ReportObservation[]): Involved {
  // A naming convention many sites follow is no company: such a cookie is the site's own.
  const vendor = evidence.find((o) => o.vendor !== null && o.vendor !== GENERIC_CONVENTION_VENDOR)?.vendor;
  if (vendor) return { kind: 'vendor', name: vendor };
  const outside = evidence.find((o) => o.party === 'third-party');
  return outside ? { kind: 'host', name: outside.domain.replace(/^\./, '') } : { kind: 'site' };
}
