import { useEffect, useState } from 'preact/hooks';
import type { TabReport } from '../messaging/protocol';
import { CookieTable } from './CookieTable';
import { verdictSentence } from './describe';
import { ThirdPartyAccess } from './ThirdPartyAccess';
import { ViolationList } from './ViolationList';

export interface PopupAppProps {
  loadTabReport: () => Promise<TabReport>;
}

export function PopupApp({ loadTabReport }: PopupAppProps) {
  const [state, setState] = useState<{ tab?: TabReport; error?: string }>({});
  useEffect(() => {
    loadTabReport().then(
      (tab) => setState({ tab }),
      (error: unknown) => setState({ error: String(error) }),
    );
  }, [loadTabReport]);

  if (state.error)
    return (
      <main class="popup">
        <p role="alert">Could not read this tab: {state.error}</p>
      </main>
    );
  if (!state.tab)
    return (
      <main class="popup" aria-busy="true">
        <p>Reading this tab…</p>
      </main>
    );
  const { tab } = state;
  return (
    <main class="popup">
      <h1>Jeejio Privacy Inspector</h1>
      {tab.storageProblem && (
        <p role="alert" class="problem" data-testid="storage-problem">
          Evidence incomplete: {tab.storageProblem}
        </p>
      )}
      {!tab.monitored || !tab.report ? (
        <p data-testid="verdict">This tab is not on a Jeejio site, so nothing is recorded here.</p>
      ) : (
        <>
          <p class="page-url" title={tab.pageUrl ?? ''}>
            {tab.pageUrl}
          </p>
          <p data-testid="verdict" class={tab.report.summary.violations > 0 ? 'verdict bad' : 'verdict good'}>
            {verdictSentence(tab.report)}
          </p>
          <p data-testid="counts" class="counts">
            {tab.report.summary.cookies} cookies ({tab.report.summary.unclassifiedCookies} unclassified),{' '}
            {tab.report.summary.observations} observations
          </p>
          <ThirdPartyAccess />
          <ViolationList violations={tab.report.violations} />
          <CookieTable report={tab.report} />
        </>
      )}
    </main>
  );
}
