import type { Report, Violation } from '../core/report/report-types';

/** One page the audit visited: where it was in the audit's order, what was asked for, where it ended up. */
export interface VisitRecord {
  index: number;
  requestedUrl: string;
  /** The page's URL once loaded (after redirects); absent when it never loaded. */
  finalUrl?: string;
  /** Other URLs the tab showed while on the page: a single-page app's routes, a page it moved on to. */
  routes?: readonly string[];
  /** From navigating to the page to moving on from it. */
  observedMs?: number;
}

/**
 * The extension lists pages by the time they started, which with several tabs
 * depends on which tab was quicker. This puts them in the audit's own order
 * (the order of the URL list, then of the crawl), so a report reads the same
 * at any concurrency: pages opened before the audit began (by a login script)
 * first, then the audited ones by visit, then any the pages opened themselves.
 * A violation's pages follow the same order, its first page first.
 */
export function orderReportByVisits(
  report: Report,
  visits: readonly VisitRecord[],
  auditStartedAt: number,
): Report {
  const rank = new Map<string, number>();
  for (const visit of [...visits].sort((a, b) => a.index - b.index)) {
    for (const url of [visit.finalUrl, visit.requestedUrl, ...(visit.routes ?? [])]) {
      if (url !== undefined && !rank.has(url)) rank.set(url, visit.index);
    }
  }
  const key = (page: { url: string; startedAt: string }): number => {
    if (Date.parse(page.startedAt) < auditStartedAt) return -1;
    return rank.get(page.url) ?? Number.MAX_SAFE_INTEGER;
  };
  // Array.prototype.sort is stable: pages of equal key keep the extension's (time) order.
  const pages = [...report.pages].sort((a, b) => key(a) - key(b));
  const position = new Map<string, number>();
  pages.forEach((page, i) => {
    if (!position.has(page.url)) position.set(page.url, i);
  });
  const at = (url: string) => position.get(url) ?? Number.MAX_SAFE_INTEGER;
  const ordered = (violation: Violation): Violation => {
    const pageUrls = [...violation.pageUrls].sort((a, b) => at(a) - at(b));
    return { ...violation, pageUrls, pageUrl: pageUrls[0] ?? violation.pageUrl };
  };
  return {
    ...report,
    pages,
    violations: report.violations.map(ordered),
    findings: report.findings.map((f) => ({ ...f, pageUrls: [...f.pageUrls].sort((a, b) => at(a) - at(b)) })),
    ...(report.advice && { advice: report.advice.map(ordered) }),
  };
}
