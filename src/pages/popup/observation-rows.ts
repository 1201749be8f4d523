import type { Purpose } from '../../core/classify/purpose';
import type { Report, ReportObservation } from '../../core/report/report-types';

export type RowKind = 'cookie' | 'network' | 'storage' | 'fingerprint';

/** One thing the page did (a cookie, an endpoint, a storage key, a fingerprinting call), from all its observations. */
export interface ObservationRow {
  key: string;
  kind: RowKind;
  /** Cookie or storage key name, request URL, or technique. */
  title: string;
  /** Where: the cookie's domain, the storage area and origin, the calling script. */
  where: string;
  vendor: string | null;
  purpose: Purpose;
  party: 'first-party' | 'third-party';
  violated: boolean;
  /** An SDK's test of cookie or storage support (written and removed at once): shown as such, not as tracking. */
  probe: boolean;
  /** False when every observation of it is a page hook's unconfirmed claim. */
  verified: boolean;
  /** How it was seen: present, set, set-attempt, script-write, send-beacon... */
  seenAs: string[];
  /** Every observation of it, oldest first; the last one is shown. */
  observations: ReportObservation[];
}

const KIND_OF: Partial<Record<ReportObservation['kind'], RowKind>> = {
  cookie: 'cookie',
  request: 'network',
  beacon: 'network',
  storage: 'storage',
  fingerprint: 'fingerprint',
};

/** Rows of every kind, the ones with violations first, then by name. */
export function observationRows(report: Report): ObservationRow[] {
  const flagged = new Set(report.violations.flatMap((v) => v.observationIds));
  const probes = new Set((report.probes ?? []).flatMap((p) => p.observationIds));
  const rows = new Map<string, ObservationRow>();
  for (const o of report.observations) {
    const kind = KIND_OF[o.kind];
    if (!kind) continue;
    const key = `${kind}\u0000${subjectOf(o)}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        kind,
        title: o.name,
        where: whereOf(o),
        vendor: o.vendor,
        purpose: o.purpose,
        party: o.party,
        violated: false,
        probe: true,
        verified: false,
        seenAs: [],
        observations: [],
      };
      rows.set(key, row);
    }
    row.observations.push(o);
    // A browser-side observation classifies better than a claim (it may carry the confirmed script).
    if (o.verified || !row.verified) {
      row.vendor = o.vendor;
      row.purpose = o.purpose;
      row.where = whereOf(o) || row.where;
    }
    row.verified ||= o.verified;
    row.violated ||= flagged.has(o.id);
    row.probe &&= probes.has(o.id);
    const how = o.beaconSignals?.[0] ?? o.action ?? o.provenance;
    if (!row.seenAs.includes(how)) row.seenAs.push(how);
  }
  // Probes last: they are no one's tracking.
  return [...rows.values()].sort(
    (a, b) =>
      Number(b.violated) - Number(a.violated) ||
      Number(a.probe) - Number(b.probe) ||
      a.title.localeCompare(b.title),
  );
}

function subjectOf(o: ReportObservation): string {
  switch (o.kind) {
    case 'cookie':
      return `${o.name}\u0000${o.domain}\u0000${o.path ?? ''}`;
    case 'storage':
      return `${o.area}\u0000${o.origin}\u0000${o.name}`;
    case 'fingerprint':
      return `${o.technique}\u0000${o.scriptUrl ?? ''}`;
    default:
      return o.url ?? o.name;
  }
}

function whereOf(o: ReportObservation): string {
  switch (o.kind) {
    case 'cookie':
      return `${o.domain}${o.path ?? ''}`;
    case 'storage':
      return `${o.area} · ${o.origin ?? o.domain}`;
    case 'fingerprint':
      return o.scriptUrl ?? o.domain;
    default:
      return o.scriptUrl ?? o.domain;
  }
}

export interface RowFilter {
  search: string;
  party: 'all' | 'first-party' | 'third-party';
  purpose: 'all' | Purpose;
  onlyViolations: boolean;
}

export const NO_FILTER: RowFilter = { search: '', party: 'all', purpose: 'all', onlyViolations: false };

export function filterRows(
  rows: readonly ObservationRow[],
  kind: RowKind,
  filter: RowFilter,
): ObservationRow[] {
  const needle = filter.search.trim().toLowerCase();
  return rows.filter(
    (r) =>
      r.kind === kind &&
      (filter.party === 'all' || r.party === filter.party) &&
      (filter.purpose === 'all' || r.purpose === filter.purpose) &&
      (!filter.onlyViolations || r.violated) &&
      (needle === '' ||
        r.title.toLowerCase().includes(needle) ||
        r.where.toLowerCase().includes(needle) ||
        (r.vendor ?? '').toLowerCase().includes(needle)),
  );
}
