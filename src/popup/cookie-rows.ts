import type { Report, ReportObservation } from '../report/report-types';

export interface CookieRow {
  key: string;
  latest: ReportObservation;
  /** How the cookie was seen: in the jar, as a change, as a Set-Cookie header. */
  seenAs: string[];
  violated: boolean;
}

/** One row per cookie (name, domain, path), from the many observations of it. */
export function cookieRows(report: Report): CookieRow[] {
  const flagged = new Set(report.violations.flatMap((v) => v.observationIds));
  const rows = new Map<string, CookieRow>();
  for (const o of report.observations) {
    if (o.kind !== 'cookie') continue;
    const key = `${o.name}\u0000${o.domain}\u0000${o.path ?? ''}`;
    const row = rows.get(key) ?? { key, latest: o, seenAs: [], violated: false };
    row.latest = o;
    if (o.action && !row.seenAs.includes(o.action)) row.seenAs.push(o.action);
    row.violated ||= flagged.has(o.id);
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) => Number(b.violated) - Number(a.violated) || a.latest.name.localeCompare(b.latest.name),
  );
}
