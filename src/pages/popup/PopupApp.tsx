import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { findingsOf } from '../../core/engine/findings';
import { attributeToken } from '../../core/formats/safe-text';
import { findingsByCompany } from '../../core/report/findings-by-company';
import type { Report } from '../../core/report/report-types';
import type { VisitSummary } from '../../core/report/visit-summary';
import type { TabReport, TabSummary } from '../../protocol/worker-requests';
import { EvidenceLosses } from '../shared/EvidenceLosses';
import { t } from '../shared/i18n';
import { recordingApi } from '../shared/recording-api';
import { SeverityChips } from '../shared/SeverityChips';
import { type TabItem, Tabs } from '../shared/Tabs';
import { CompanyFilter } from './CompanyFilter';
import { FilterBar } from './FilterBar';
import { FindingList } from './FindingList';
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
import { RecordingControls } from './RecordingControls';
import { ThirdPartyAccess } from './ThirdPartyAccess';
import { VerdictActions } from './VerdictActions';
import { verdictSentence } from './verdict';

export interface PopupAppProps {
  /** The verdict and first violations, kept ready by the background: shown at once. */
  loadTabSummary: () => Promise<TabSummary>;
  /** Everything about the visit, for the other tabs and the details. */
  loadTabReport: () => Promise<TabReport>;
  openReport: () => void;
  openOptions: () => void;
}

type Section = 'violations' | RowKind;

export function PopupApp({ loadTabSummary, loadTabReport, openReport, openOptions }: PopupAppProps) {
  const [state, setState] = useState<{ tab?: TabSummary; error?: string }>({});
  const [full, setFull] = useState<TabReport | null>(null);
  const [fullError, setFullError] = useState<string | null>(null);
  useEffect(() => {
    loadTabSummary().then(
      (tab) => {
        setState({ tab });
        if (!tab.monitored) return;
        loadTabReport().then(
          (report) => {
            setFull(report);
            performance.mark('full-data');
          },
          // The verdict stays on screen; only the detail is missing.
          (error: unknown) => setFullError(String(error)),
        );
      },
      (error: unknown) => setState({ error: String(error) }),
    );
  }, [loadTabSummary, loadTabReport]);

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
      {/* At the top, where an auditor sees at once whether a session is recording. */}
      <RecordingControls api={recordingApi} />
      {fullError && (
        <p role="alert" class="problem">
          {t('could_not_read', fullError)}
        </p>
      )}
      {full?.report && full.report.observationsOmitted > 0 && (
        <p class="problem" data-testid="omitted">
          {t('observations_omitted', full.report.observationsOmitted)}
        </p>
      )}
      <EvidenceLosses evidence={full?.report?.evidence} />
      {tab.storageProblem && (
        <p role="alert" class="problem" data-testid="storage-problem">
          {t('evidence_incomplete', tab.storageProblem)}
        </p>
      )}
      {!tab.monitored || !tab.summary ? (
        <p data-testid="verdict">{t('not_monitored')}</p>
      ) : (
        <TabFindings summary={tab.summary} report={full?.report ?? null} />
      )}
    </main>
  );
}

function TabFindings({ summary, report }: { summary: VisitSummary; report: Report | null }) {
  const rows = useMemo(() => (report ? observationRows(report) : []), [report]);
  // The benchmark reads this mark: how long after opening the verdict was on screen.
  useLayoutEffect(() => {
    performance.mark('first-data');
  }, []);
  const counts = report?.summary ?? summary;
  const violations = report?.violations ?? summary.first;
  const findings = useMemo(() => report?.findings ?? findingsOf(summary.first), [report, summary]);
  const advice = useMemo(() => findingsOf(report?.advice ?? []), [report]);
  // What the page did is its verdict; keys it only found (left earlier, or by another tab) are listed apart.
  const ownFindings = useMemo(() => findings.filter((f) => !f.notThisPage), [findings]);
  const companies = useMemo(
    () => (report ? findingsByCompany(ownFindings, new Map(report.observations.map((o) => [o.id, o]))) : []),
    [report, ownFindings],
  );
  const [company, setCompany] = useState<string | null>(null);
  const chosenGroup = companies.find((g) => g.key === company);
  const shownFindings = chosenGroup
    ? ownFindings.filter((f) => chosenGroup.findingIds.includes(f.id))
    : ownFindings;
  const foundHere = findings.filter((f) => f.notThisPage);
  const [section, setSection] = useState<Section>('violations');
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const [selected, setSelected] = useState<ObservationRow | null>(null);
  // Back from the details returns to the place the reader left (the scroll position) and keyboard
  // focus to the row that opened them.
  const [returnTo, setReturnTo] = useState<{ row: string; scrollY: number } | null>(null);
  // Where the list was scrolled when the details opened: read on Back only, so no state to render.
  const leftAt = useRef(0);
  const open = (row: ObservationRow) => {
    leftAt.current = window.scrollY;
    setSelected(row);
  };
  useLayoutEffect(() => {
    if (selected || !returnTo) return;
    window.scrollTo(0, returnTo.scrollY);
    document
      .querySelector<HTMLElement>(`[data-row-key="${attributeToken(returnTo.row)}"] button`)
      ?.focus({ preventScroll: true });
    setReturnTo(null);
  }, [selected, returnTo]);
  const count = (kind: RowKind) => rows.filter((r) => r.kind === kind).length;
  const tabs: TabItem<Section>[] = [
    { key: 'violations', label: `${t('tab_violations')} (${counts.findings})` },
    ...(['cookie', 'network', 'storage', 'fingerprint'] as const).map((kind) => ({
      key: kind,
      label: report ? `${t(`tab_${kind}`)} (${count(kind)})` : t(`tab_${kind}`),
    })),
  ];
  const showEvidence = (id: string) => {
    const row = rows.find((r) => r.observations.some((o) => o.id === id));
    if (row) open(row);
  };
  return (
    <>
      <p class="page-url" title={summary.pageUrl} translate={false}>
        {summary.pageUrl}
      </p>
      {summary.startedBy === 'route-change' && (
        <p class="route-change" data-testid="route-change">
          {t('page_route_change')}
        </p>
      )}
      <p data-testid="verdict" class={counts.findings > 0 ? 'verdict bad' : 'verdict good'}>
        {verdictSentence(counts)}
      </p>
      <SeverityChips findingsBySeverity={counts.findingsBySeverity} />
      {report && (
        <p data-testid="counts" class="counts">
          {t(
            'counts',
            report.summary.cookies,
            report.summary.unclassifiedCookies,
            report.summary.observations,
          )}
        </p>
      )}
      {!selected && (
        <VerdictActions pageUrl={summary.pageUrl} findings={ownFindings} violations={violations} />
      )}
      <ThirdPartyAccess />
      {selected ? (
        <ObservationDetails
          row={selected}
          violations={violations}
          onBack={() => {
            setReturnTo({ row: selected.key, scrollY: leftAt.current });
            setSelected(null);
          }}
        />
      ) : (
        <Tabs id="findings" tabs={tabs} selected={section} onSelect={setSection}>
          {section === 'violations' ? (
            <>
              <CompanyFilter groups={companies} chosen={chosenGroup ? company : null} onChoose={setCompany} />
              <FindingList findings={shownFindings} violations={violations} onEvidence={showEvidence} />
              <FindingsApart
                testId="not-this-page"
                heading={t('not_this_page_heading', foundHere.length)}
                note={t('not_this_page_note')}
                findings={foundHere}
                violations={violations}
                onEvidence={showEvidence}
              />
              {report?.advice && (
                <FindingsApart
                  testId="advice"
                  heading={t('advice_heading', advice.length)}
                  note={t('advice_note')}
                  findings={advice}
                  violations={report.advice}
                  onEvidence={showEvidence}
                  advice
                />
              )}
            </>
          ) : !report ? (
            <p aria-busy="true">{t('reading_tab')}</p>
          ) : (
            <>
              <FilterBar filter={filter} onChange={setFilter} />
              <ObservationTable kind={section} rows={filterRows(rows, section, filter)} onSelect={open} />
            </>
          )}
        </Tabs>
      )}
    </>
  );
}

/** Findings listed below the page's own, under a heading that says why they are apart (advice; found, not done). */
function FindingsApart({
  testId,
  heading,
  note,
  ...list
}: { testId: string; heading: string; note: string } & Parameters<typeof FindingList>[0]) {
  if (list.findings.length === 0) return null;
  return (
    <section class="advice-group" data-testid={testId} aria-label={heading}>
      <h2>{heading}</h2>
      <p class="advice-note">{note}</p>
      <FindingList {...list} />
    </section>
  );
}
