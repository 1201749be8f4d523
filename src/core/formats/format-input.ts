import type { BaselineOutcome } from '../config/apply-baselines';
import type { Baseline } from '../config/inspector-config-schema';
import { newViolationIds } from '../report/compare-reports';
import type { Finding, Report } from '../report/report-types';
import type { RuleDescription } from './rule-descriptions';

/** What every CI format is made from. */
export interface FormatInput {
  report: Report;
  /** The rules of the policy the report was built with (describePolicyRules). */
  rules: readonly RuleDescription[];
  /** Baselines applied to the report's violations; without them every violation is open. */
  baselines?: BaselineOutcome;
  /** --fail-on-new: only findings new since the report compared with (report.comparison) fail. */
  failOnNew?: boolean;
}

/** How a finding stands against the run compared with (report.comparison). */
export type FindingChange = 'new' | 'new-intermittent' | 'known';

/** Each finding's change since the run compared with; undefined without a comparison. */
export function findingChanges(
  report: Report,
): ((finding: Pick<Finding, 'violationIds'>) => FindingChange) | undefined {
  const comparison = report.comparison;
  if (!comparison) return undefined;
  const regressions = newViolationIds(comparison);
  const added = new Set(comparison.findings.new.flatMap((f) => f.violationIds));
  return (finding) =>
    finding.violationIds.some((id) => regressions.has(id))
      ? 'new'
      : finding.violationIds.some((id) => added.has(id))
        ? 'new-intermittent'
        : 'known';
}

export type FindingStatus =
  | { state: 'open' }
  /** Covered by an acceptance that still holds: shown, but not failing. */
  | { state: 'accepted'; baseline: Baseline }
  /** Its acceptance has lapsed: it fails again, and says so. */
  | { state: 'acceptance-expired'; baseline: Baseline };

const OPEN: FindingStatus = { state: 'open' };

/** Looks up each violation's standing under the baselines, by violation id. */
export function findingStatuses(
  baselines: BaselineOutcome | undefined,
): (violationId: string) => FindingStatus {
  const byId = new Map<string, FindingStatus>();
  for (const { violation, baseline } of baselines?.expired ?? []) {
    byId.set(violation.id, { state: 'acceptance-expired', baseline });
  }
  for (const { violation, baseline } of baselines?.suppressed ?? []) {
    byId.set(violation.id, { state: 'accepted', baseline });
  }
  return (violationId) => byId.get(violationId) ?? OPEN;
}

/**
 * A finding's standing: open while any of its violations is open, failing
 * again when an acceptance of one has lapsed, accepted only when every one of
 * them is.
 */
export function statusOfFinding(
  finding: Pick<Finding, 'violationIds'>,
  statusOf: (violationId: string) => FindingStatus,
): FindingStatus {
  const statuses = finding.violationIds.map(statusOf);
  return (
    statuses.find((s) => s.state === 'open') ??
    statuses.find((s) => s.state === 'acceptance-expired') ??
    statuses[0] ??
    OPEN
  );
}
