import type { ReportSummary } from '../../core/report/report-types';
import { SEVERITY_ORDER } from '../../core/rules/rule';
import { t } from '../shared/i18n';

/** One plain sentence for the verdict at the top of the popup, with the count per severity. */
export function verdictSentence({
  findings,
  findingsBySeverity,
}: Pick<ReportSummary, 'findings' | 'findingsBySeverity'>): string {
  if (findings === 0) return t('verdict_clean');
  const parts = SEVERITY_ORDER.filter((s) => findingsBySeverity[s] > 0)
    .map((s) => t(`severity_count_${s}`, findingsBySeverity[s]))
    .join(t('list_separator'));
  return findings === 1 ? t('verdict_one', parts) : t('verdict_many', findings, parts);
}
