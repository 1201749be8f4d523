import type { ReportSummary } from '../../core/report/report-types';
import { t } from '../shared/i18n';

/** One plain sentence for the verdict at the top of the popup; the count per severity follows it as chips. */
export function verdictSentence({ findings }: Pick<ReportSummary, 'findings'>): string {
  if (findings === 0) return t('verdict_clean');
  return findings === 1 ? t('verdict_one') : t('verdict_many', findings);
}
