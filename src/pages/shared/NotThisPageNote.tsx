import type { Finding } from '../../core/report/report-types';
import { t } from './i18n';

/** Why a finding is listed but not counted: the page only found the key (Finding.notThisPage). */
export function NotThisPageNote({ finding }: { finding: Pick<Finding, 'notThisPage'> }) {
  if (!finding.notThisPage) return null;
  return (
    <p class="unverified" data-testid="not-this-page-note">
      {t(finding.notThisPage === 'another-tab' ? 'found_another_tab' : 'found_stored_earlier')}
    </p>
  );
}
