import type { Report, ReportObservation } from './report-types';

/** The popup's share of a visit: beyond this many observations a message would grow to tens of megabytes. */
export const POPUP_OBSERVATIONS = 5_000;

/**
 * A report cut down for the popup: every observation a violation or advice cites
 * (up to the bound), then the most recent others. The summary keeps the true
 * counts, and `observationsOmitted` says how many were left out.
 */
export function trimReport(
  report: Report,
  max = POPUP_OBSERVATIONS,
): Report & { observationsOmitted: number } {
  if (report.observations.length <= max) return { ...report, observationsOmitted: 0 };
  const cited = new Set([...report.violations, ...(report.advice ?? [])].flatMap((v) => v.observationIds));
  const kept: ReportObservation[] = report.observations.filter((o) => cited.has(o.id)).slice(0, max);
  const room = max - kept.length;
  if (room > 0) {
    const others = report.observations.filter((o) => !cited.has(o.id));
    kept.push(...others.slice(Math.max(0, others.length - room)));
  }
  return { ...report, observations: kept, observationsOmitted: report.observations.length - kept.length };
}
