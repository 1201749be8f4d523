import { findingsOf } from '../engine/findings';
import type { Report } from './report-types';

/**
 * Marks each finding of a report made of several visits of the same pages
 * (`audit --repeat N`, each visit in a fresh browser) with how many of them
 * made it, from each visit's own report: seen in fewer than all, it is
 * intermittent; findings are regrouped from them (findingsOf says how a
 * finding counts its visits). Seen in none is possible only for a
 * violation the visits made together, which no single visit made (none was
 * seen in the project's tests); it is marked so, never dropped.
 */
export function withVisitCounts(report: Report, visits: readonly Report[]): Report {
  const of = visits.length;
  const seenIn = new Map<string, number>();
  for (const visit of visits)
    for (const id of new Set(visit.violations.map((v) => v.id))) seenIn.set(id, (seenIn.get(id) ?? 0) + 1);
  const counted = (v: Report['violations'][number]) => {
    const seen = seenIn.get(v.id) ?? 0;
    return { ...v, seenInVisits: { visits: seen, of }, ...(seen < of && { intermittent: true }) };
  };
  const violations = report.violations.map(counted);
  return {
    ...report,
    violations,
    ...(report.advice && { advice: report.advice.map(counted) }),
    findings: findingsOf(violations),
  };
}
