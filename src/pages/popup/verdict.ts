import type { ReportSummary } from '../../core/report/report-types';
import { SEVERITY_ORDER } from '../../core/rules/rule';
import { t } from '../shared/i18n';

/** One plain sentence for the verdict at the top of the popup, with the count per severity. */
export function verdictSentence({
  violations,
  bySeverity,
}: Pick<ReportSummary, 'violations' | 'bySeverity'>): string {
  if (violations === 0) return t('verdict_clean');
  const parts = SEVERITY_ORDER.filter((s) => bySeverity[s] > 0)
    .map((s) => t(`severity_count_${s}`, bySeverity[s]))
    .join(', ');
  return violations === 1 ? t('verdict_one', parts) : t('verdict_many', violations, parts);
}
