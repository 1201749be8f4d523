import type { ComponentChildren } from 'preact';
import type { ReportSummary } from '../../core/report/report-types';
import { SEVERITY_ORDER } from '../../core/rules/rule';
import { t } from './i18n';

/**
 * The findings' count per severity as coloured chips under a verdict, the
 * popup's and the report page's alike: how bad it is, read before a word of
 * the list. Severities without findings are left out; `children` adds further
 * chips (pages visited, pieces of evidence).
 */
export function SeverityChips({
  findingsBySeverity,
  children,
}: {
  findingsBySeverity: ReportSummary['findingsBySeverity'];
  children?: ComponentChildren;
}) {
  const shown = SEVERITY_ORDER.filter((s) => findingsBySeverity[s] > 0);
  if (shown.length === 0 && !children) return null;
  return (
    <ul class="chips" data-testid="severity-chips">
      {shown.map((s) => (
        <li key={s} class={`chip severity-${s}`} data-severity={s}>
          {t(`severity_count_${s}`, findingsBySeverity[s])}
        </li>
      ))}
      {children}
    </ul>
  );
}
