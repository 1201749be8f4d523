import { findingsOf } from '../engine/findings';
import { countBySeverity } from './build-report';
import type { ReportSummary, Violation } from './report-types';

/** Findings kept in a summary: the first screen of the popup. */
export const SUMMARY_FINDINGS = 30;
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
  /** Problems, as the badge and the verdict count them: what the page itself did. */
  findings: number;
  /** Problems it only found, left by an earlier page or another tab (Finding.notThisPage): shown apart, not counted. */
  notThisPage?: number;
  findingsBySeverity: ReportSummary['findingsBySeverity'];
  violations: number;
  /** The violations of the most severe findings, at most SUMMARY_FINDINGS findings' worth. */
  first: Violation[];
  computedAt: number;
}

export function summarizeVisit(
  visit: { visitId: string; url: string; startedBy?: 'route-change' },
  observations: number,
  violations: readonly Violation[],
  computedAt: number,
): VisitSummary {
  const findings = findingsOf(violations);
  const own = findings.filter((f) => !f.notThisPage);
  // The engine sorts violations by severity, and findings follow their lead violations, so the first are the ones to show.
  const shown = new Set(findings.slice(0, SUMMARY_FINDINGS).flatMap((f) => f.violationIds));
  return {
    visitId: visit.visitId,
    pageUrl: visit.url,
    ...(visit.startedBy && { startedBy: visit.startedBy }),
    observations,
    findings: own.length,
    ...(own.length < findings.length && { notThisPage: findings.length - own.length }),
    findingsBySeverity: countBySeverity(own),
    violations: violations.length,
    first: violations
      .filter((v) => shown.has(v.id))
      .map((v) => ({
        ...v,
        observationIds: v.observationIds.slice(0, SUMMARY_REFERENCES),
        pageUrls: v.pageUrls.slice(0, SUMMARY_REFERENCES),
      })),
    computedAt,
  };
}
