import type { Report } from '../core/report/report-types';
import type { VisitRecord } from './order-report';

/**
 * Says on each audited page of the report how long the audit observed it, so
 * a reader can tell a page watched for seconds from one left at once. A URL
 * the audit visited more than once keeps its first visit's time; pages the
 * audit did not open itself (a login's, before `auditStartedAt`) get none.
 */
export function withObservedTimes(
  report: Report,
  visits: readonly VisitRecord[],
  auditStartedAt: number,
): Report {
  const observed = new Map<string, number>();
  for (const visit of [...visits].sort((a, b) => a.index - b.index)) {
    if (visit.observedMs === undefined || visit.finalUrl === undefined) continue;
    if (!observed.has(visit.finalUrl)) observed.set(visit.finalUrl, Math.round(visit.observedMs));
  }
  const timed = new Set<string>();
  const pages = report.pages.map((page) => {
    const ms = observed.get(page.url);
    if (ms === undefined || timed.has(page.url) || Date.parse(page.startedAt) < auditStartedAt) return page;
    timed.add(page.url);
    return { ...page, observedMs: ms };
  });
  return { ...report, pages };
}
