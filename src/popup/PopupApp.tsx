import { useEffect, useMemo, useState } from 'preact/hooks';
import type { TabReport } from '../messaging/protocol';
import type { Report } from '../report/report-types';
import { t } from '../ui/i18n';
import { type TabItem, Tabs } from '../ui/Tabs';
import { FilterBar } from './FilterBar';
import { ObservationDetails } from './ObservationDetails';
import { ObservationTable } from './ObservationTable';
import {
  filterRows,
  NO_FILTER,
  type ObservationRow,
  observationRows,
  type RowFilter,
  type RowKind,
} from './observation-rows';
import { ThirdPartyAccess } from './ThirdPartyAccess';
import { ViolationList } from './ViolationList';
import { verdictSentence } from './verdict';

export interface PopupAppProps {
  loadTabReport: () => Promise<TabReport>;
  openReport: () => void;
  openOptions: () => void;
}

type Section = 'violations' | RowKind;

export function PopupApp({ loadTabReport, openReport, openOptions }: PopupAppProps) {
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
        <p role="alert">{t('could_not_read', state.error)}</p>
      </main>
    );
  if (!state.tab)
    return (
      <main class="popup" aria-busy="true">
        <p>{t('reading_tab')}</p>
      </main>
    );
  const { tab } = state;
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('app_name')}</h1>
        <nav class="actions">
          <button type="button" onClick={openReport} data-testid="open-report">
            {t('open_report')}
          </button>
          <button type="button" onClick={openOptions}>
            {t('open_options')}
          </button>
        </nav>
      </header>
      {tab.storageProblem && (
        <p role="alert" class="problem" data-testid="storage-problem">
          {t('evidence_incomplete', tab.storageProblem)}
        </p>
      )}
      {!tab.monitored || !tab.report ? (
        <p data-testid="verdict">{t('not_monitored')}</p>
      ) : (
        <TabFindings report={tab.report} pageUrl={tab.pageUrl ?? ''} />
      )}
    </main>
  );
}

function TabFindings({ report, pageUrl }: { report: Report; pageUrl: string }) {
  const rows = useMemo(() => observationRows(report), [report]);
  const [section, setSection] = useState<Section>('violations');
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const [selected, setSelected] = useState<ObservationRow | null>(null);
  const count = (kind: RowKind) => rows.filter((r) => r.kind === kind).length;
  const tabs: TabItem<Section>[] = [
    { key: 'violations', label: `${t('tab_violations')} (${report.violations.length})` },
    ...(['cookie', 'network', 'storage', 'fingerprint'] as const).map((kind) => ({
      key: kind,
      label: `${t(`tab_${kind}`)} (${count(kind)})`,
    })),
  ];
  const showEvidence = (id: string) => {
    const row = rows.find((r) => r.observations.some((o) => o.id === id));
    if (row) setSelected(row);
  };
  return (
    <>
      <p class="page-url" title={pageUrl}>
        {pageUrl}
      </p>
      <p data-testid="verdict" class={report.summary.violations > 0 ? 'verdict bad' : 'verdict good'}>
        {verdictSentence(report)}
      </p>
      <p data-testid="counts" class="counts">
        {t('counts', report.summary.cookies, report.summary.unclassifiedCookies, report.summary.observations)}
      </p>
      <ThirdPartyAccess />
      {selected ? (
        <ObservationDetails row={selected} violations={report.violations} onBack={() => setSelected(null)} />
      ) : (
        <Tabs id="findings" tabs={tabs} selected={section} onSelect={setSection}>
          {section === 'violations' ? (
            <ViolationList violations={report.violations} onEvidence={showEvidence} />
          ) : (
            <>
              <FilterBar filter={filter} onChange={setFilter} />
              <ObservationTable
                kind={section}
                rows={filterRows(rows, section, filter)}
                onSelect={setSelected}
              />
            </>
          )}
        </Tabs>
      )}
    </>
  );
}
