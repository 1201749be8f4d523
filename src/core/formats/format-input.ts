import type { BaselineOutcome } from '../config/apply-baselines';
import type { Baseline } from '../config/inspector-config-schema';
import type { Report } from '../report/report-types';
import type { RuleDescription } from './rule-descriptions';

/** What every CI format is made from. */
export interface FormatInput {
  report: Report;
  /** The rules of the policy the report was built with (describePolicyRules). */
  rules: readonly RuleDescription[];
  /** Baselines applied to the report's violations; without them every violation is open. */
  baselines?: BaselineOutcome;
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
