import { SEVERITY_ORDER } from '../rules/rule';
import type { ReportSummary, Violation } from './report-types';

/** Violations kept in a summary: the first screen of the popup. */
export const SUMMARY_VIOLATIONS = 30;
/** Evidence ids and pages kept per violation: a violation seen a hundred thousand times cites them all. */
const SUMMARY_REFERENCES = 20;

/**
 * What the popup shows first for a visit, kept up to date as observations
 * arrive, so opening the popup reads a small record instead of evaluating
 * every observation again.
 */
export interface VisitSummary {
  visitId: string;
  pageUrl: string;
  /** A route a single-page app moved to without loading a document: the popup says so. */
  startedBy?: 'route-change';
  observations: number;
  violations: number;
  bySeverity: ReportSummary['bySeverity'];
  /** The most severe violations first, at most SUMMARY_VIOLATIONS. */
  first: Violation[];
  computedAt: number;
}

export function summarizeVisit(
  visit: { visitId: string; url: string; startedBy?: 'route-change' },
  observations: number,
  violations: readonly Violation[],
  computedAt: number,
): VisitSummary {
  const bySeverity = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0])) as ReportSummary['bySeverity'];
  for (const v of violations) bySeverity[v.severity] += 1;
  return {
    visitId: visit.visitId,
    pageUrl: visit.url,
    ...(visit.startedBy && { startedBy: visit.startedBy }),
    observations,
    violations: violations.length,
    bySeverity,
    // The engine sorts violations by severity, so the first ones are the ones to show.
    first: violations.slice(0, SUMMARY_VIOLATIONS).map((v) => ({
      ...v,
      observationIds: v.observationIds.slice(0, SUMMARY_REFERENCES),
      pageUrls: v.pageUrls.slice(0, SUMMARY_REFERENCES),
    })),
    computedAt,
  };
}
