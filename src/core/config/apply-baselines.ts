import type { Violation } from '../report/report-types';
import type { Baseline } from './inspector-config-schema';

export interface BaselineMatch {
  violation: Violation;
  baseline: Baseline;
}

export interface BaselineOutcome {
  /** Violations no current acceptance covers, expired ones included: these can fail the audit. */
  kept: Violation[];
  /** Violations an acceptance still covers, each with the acceptance that covers it. */
  suppressed: BaselineMatch[];
  /** Violations whose only acceptances have expired: they are in `kept` and fail again. */
  expired: BaselineMatch[];
  /** Acceptances that matched no violation: fixed findings, or a baseline that names nothing. */
  unused: Baseline[];
}

/**
 * Applies accepted findings to a report's violations on a given day. An
 * acceptance holds up to and including its expiry date (UTC); after that the
 * violation fails again and is reported as expired, so an acceptance cannot
 * outlive the review it promised. A violation covered by both a current and
 * an expired acceptance is suppressed: the current one is the latest decision.
 */
export function applyBaselines(
  violations: readonly Violation[],
  baselines: readonly Baseline[],
  at: Date,
): BaselineOutcome {
  const today = at.toISOString().slice(0, 10);
  const used = new Set<Baseline>();
  const outcome: BaselineOutcome = { kept: [], suppressed: [], expired: [], unused: [] };
  for (const violation of violations) {
    const matching = baselines.filter((b) => matches(b, violation));
    for (const b of matching) used.add(b);
    const current = matching.find((b) => b.expires >= today);
    const lapsed = matching.find((b) => b.expires < today);
    if (current) {
      outcome.suppressed.push({ violation, baseline: current });
      continue;
    }
    outcome.kept.push(violation);
    if (lapsed) outcome.expired.push({ violation, baseline: lapsed });
  }
  outcome.unused = baselines.filter((b) => !used.has(b));
  return outcome;
}

function matches(baseline: Baseline, violation: Violation): boolean {
  if (baseline.rule !== violation.rule) return false;
  if (baseline.violationId !== undefined) return baseline.violationId === violation.id;
  if (baseline.subject !== undefined) return baseline.subject === violation.subject;
  if (baseline.page !== undefined) {
    // A page acceptance covers what was seen there alone; the same finding elsewhere was not reviewed.
    const page = normalizeUrl(baseline.page);
    return violation.pageUrls.length > 0 && violation.pageUrls.every((url) => normalizeUrl(url) === page);
  }
  return false;
}

/** "https://WWW.jeejio.com" and "https://www.jeejio.com/" are one page. */
function normalizeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}
