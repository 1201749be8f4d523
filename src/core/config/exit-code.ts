import { newViolationIds, type ReportComparison } from '../report/compare-reports';
import type { Violation } from '../report/report-types';
import { SEVERITY_ORDER } from '../rules/rule';
import type { FailOn } from './inspector-config-schema';

export interface ExitDecisionInput {
  /** The violations still standing once baselines are applied. */
  violations: readonly Pick<Violation, 'severity' | 'notThisPage'>[];
  failOn: FailOn;
  /** Pages the audit could not load: their findings are missing, not clean. */
  pageErrors: number;
}

/**
 * The violations at or above the threshold: `failOn: 'medium'` counts high and
 * medium ones. What no audited page did (a key left in storage before the
 * audit) fails no release.
 */
export function failingViolations<V extends Pick<Violation, 'severity' | 'notThisPage'>>(
  violations: readonly V[],
  failOn: FailOn,
): V[] {
  const threshold = SEVERITY_ORDER.indexOf(failOn);
  return violations.filter((v) => !v.notThisPage && SEVERITY_ORDER.indexOf(v.severity) <= threshold);
}

/**
 * 1 when a violation at or above the threshold stands; otherwise 2 when a page
 * could not be audited (a clean result would be a guess); 0 when all is clean.
 */
export function auditExitCode({ violations, failOn, pageErrors }: ExitDecisionInput): 0 | 1 | 2 {
  if (failingViolations(violations, failOn).length > 0) return 1;
  return pageErrors > 0 ? 2 : 0;
}

/**
 * The standing violations that may fail the run: all of them, or with
 * --fail-on-new only those new since the run compared with (an intermittent
 * one excepted: it came and went within this run, so it proves no regression).
 */
export function violationsThatMayFail<V extends Pick<Violation, 'id'>>(
  standing: readonly V[],
  comparison: ReportComparison | undefined,
  failOnNew: boolean,
): readonly V[] {
  if (!failOnNew || !comparison) return standing;
  const added = newViolationIds(comparison);
  return standing.filter((v) => added.has(v.id));
}
