import type { Report } from '../report/report-types';

/**
 * The manifest's `evidenceComplete`: "yes", or "no: " and every reason, so
 * whoever weighs a bundle reads it before any finding. A report made before
 * losses were recorded says nothing of them, and adds no reason.
 */
export function evidenceCompleteField(
  report: Pick<Report, 'evidence'>,
  otherReasons: readonly string[] = [],
): string {
  const reasons = [
    ...otherReasons,
    ...(report.evidence?.losses ?? []).map((l) => `${l.count} ${l.cause} (${l.occurrences}×)`),
  ];
  return reasons.length === 0 ? 'yes' : `no: ${reasons.join('; ')}`;
}
