import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { safeHref, shortText } from '../../core/formats/safe-text';
import { firstPair, type SessionChoice, sessionsBefore } from '../../core/recording/session-choices';
import {
  type Changes,
  type ComparedFinding,
  nothingChanged,
  type ReportComparison,
} from '../../core/report/compare-reports';
import type { Report, Violation } from '../../core/report/report-types';
import { vendorName } from '../../core/wording/vendor-name';
import {
  clauseLocation,
  clauseText,
  cutNote,
  dateTimeText,
  kindLabel,
  phraseParts,
  provenanceLabel,
  ruleText,
  severityLabel,
  t,
  violationSummaryParts,
} from '../shared/i18n';
import { Worded } from '../shared/Worded';
import type { SessionComparison as Compared, RecordedSessions } from './recorded-sessions';

/** Evidence listed under a compared item; the rest is counted, and is in its session's report. */
const EVIDENCE_SHOWN = 5;

/** Where a session's own report opens: this page, for that session; `#finding-…` reaches one finding. */
export function sessionReportHref(sessionId: string, findingId?: string): string {
  return `report.html?session=${encodeURIComponent(sessionId)}${findingId ? `#finding-${findingId}` : ''}`;
}

/** A session as a reader tells it apart: its case name, when it started, how much it recorded. */
export function sessionLabel(s: SessionChoice): string {
  return t('compare_session_option', s.caseName, dateTimeText(s.startedAt), s.observations);
}

/**
 * Two recorded sessions side by side: the reader picks a later and an earlier
 * one and sees what is new and what is gone, each item with its evidence in
 * the report of the session it comes from. Offered only when some session has
 * an earlier one to compare with.
 */
export function SessionComparison({
  sessions,
  choices,
  viewedSessionId,
}: {
  sessions: RecordedSessions;
  choices: readonly SessionChoice[];
  /** The session this page shows, if any: compared first with the one before it. */
  viewedSessionId?: string;
}) {
  const initial = firstPair(choices, viewedSessionId) ?? firstPair(choices);
  const [currentId, setCurrentId] = useState(initial?.currentId ?? '');
  const [previousId, setPreviousId] = useState(initial?.previousId ?? '');
  const [state, setState] = useState<{
    busy?: boolean;
    result?: { compared: Compared; previousId: string; currentId: string };
    error?: string;
  }>({});
  if (!initial) return null;
  const earlier = sessionsBefore(choices, currentId);
  const laterChoices = choices.filter((c) => sessionsBefore(choices, c.id).length > 0);
  // A result stays only while the sessions it compared are the ones chosen: it never answers for another pair.
  const chooseLater = (id: string) => {
    setState({});
    setCurrentId(id);
    // The earlier session must have started before the later one: keep the choice when it still does.
    const before = sessionsBefore(choices, id);
    if (!before.some((c) => c.id === previousId)) setPreviousId(before[0]?.id ?? '');
  };
  const compare = (event: Event) => {
    event.preventDefault();
    setState({ busy: true });
    sessions.compare(previousId, currentId).then(
      (compared) => setState({ result: { compared, previousId, currentId } }),
      (error: unknown) => setState({ error: error instanceof Error ? error.message : String(error) }),
    );
  };
  const byId = new Map(choices.map((c) => [c.id, c]));
  return (
    <section aria-labelledby="compare-heading" data-testid="session-comparison" class="comparison">
      <h2 id="compare-heading">{t('compare_heading')}</h2>
      <p class="note">{t('compare_note')}</p>
      <form class="compare-form no-print" onSubmit={compare}>
        <label>
          {t('compare_later')}{' '}
          <select
            value={currentId}
            onChange={(e) => chooseLater(e.currentTarget.value)}
            data-testid="compare-later"
          >
            {laterChoices.map((c) => (
              <option key={c.id} value={c.id} translate={false}>
                {sessionLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('compare_earlier')}{' '}
          <select
            value={previousId}
            onChange={(e) => {
              setState({});
              setPreviousId(e.currentTarget.value);
            }}
            data-testid="compare-earlier"
          >
            {earlier.map((c) => (
              <option key={c.id} value={c.id} translate={false}>
                {sessionLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={state.busy === true || !previousId} data-testid="compare-sessions">
          {t('compare_button')}
        </button>
      </form>
      <div role="status">{state.busy && <p aria-busy="true">{t('compare_reading')}</p>}</div>
      {state.error && <p role="alert">{t('compare_failed', state.error)}</p>}
      {state.result && (
        <ComparisonResult
          result={state.result.compared}
          previous={byId.get(state.result.previousId)}
          current={byId.get(state.result.currentId)}
        />
      )}
    </section>
  );
}

/** What changed, or plainly that nothing did; new items from the later session's report, gone ones from the earlier's. */
function ComparisonResult({
  result,
  previous,
  current,
}: {
  result: Compared;
  previous: SessionChoice | undefined;
  current: SessionChoice | undefined;
}) {
  const { comparison: c } = result;
  const answer = useRef<HTMLDivElement>(null);
  // The answer is where the reader's focus goes next: a keyboard or screen reader user lands on it.
  useEffect(() => answer.current?.focus(), [result]);
  const counts = (changes: Changes<unknown>) => [changes.new.length, changes.gone.length] as const;
  const rows: [string, readonly [number, number]][] = [
    [t('compare_findings'), counts(c.findings)],
    [t('compare_third_parties'), counts(c.thirdParties)],
    [t('compare_cookies'), counts(c.cookies)],
    [t('compare_storage_keys'), counts(c.storageKeys)],
  ];
  if (nothingChanged(c))
    return (
      <div data-testid="comparison-result" class="comparison-result" tabIndex={-1} ref={answer}>
        <PartialViewNote />
        <p data-testid="comparison-unchanged">{t('compare_nothing_changed')}</p>
      </div>
    );
  return (
    <div data-testid="comparison-result" class="comparison-result" tabIndex={-1} ref={answer}>
      <PartialViewNote />
      <table data-testid="comparison-counts">
        <thead>
          <tr>
            <th scope="col">{t('compare_col_what')}</th>
            <th scope="col">{t('compare_col_new')}</th>
            <th scope="col">{t('compare_col_gone')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([what, [added, gone]]) => (
            <tr key={what}>
              <th scope="row">{what}</th>
              <td>{added}</td>
              <td>{gone}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ChangedSide side="new" comparison={c} report={result.current} session={current} />
      <ChangedSide side="gone" comparison={c} report={result.previous} session={previous} />
    </div>
  );
}

/**
 * Without access to all sites the browser hid other sites' cookies and most requests to them:
 * "0 new cookies" would then be no answer, so the comparison says so (as the popup does for a page).
 */
function PartialViewNote() {
  const [allSites, setAllSites] = useState<boolean | null>(null);
  useEffect(() => {
    browser.permissions.contains({ origins: ['<all_urls>'] }).then(setAllSites, () => setAllSites(false));
  }, []);
  if (allSites !== false) return null;
  return (
    <p class="unverified" data-testid="comparison-partial-view">
      {t('compare_partial_view')}
    </p>
  );
}

const SIDE_WORDS = {
  new: { heading: 'compare_new_heading', from: 'compare_new_from', nothing: 'compare_nothing_new' },
  gone: { heading: 'compare_gone_heading', from: 'compare_gone_from', nothing: 'compare_nothing_gone' },
} as const;

/** Everything new (or gone), by kind, resolved in the report it comes from. */
function ChangedSide({
  side,
  comparison: c,
  report,
  session,
}: {
  side: 'new' | 'gone';
  comparison: ReportComparison;
  report: Report;
  session: SessionChoice | undefined;
}) {
  const words = SIDE_WORDS[side];
  const evidence = useMemo(() => evidenceLookup(report), [report]);
  const sessionId = session?.id ?? '';
  const findings = c.findings[side];
  const thirdParties = c.thirdParties[side];
  const cookies = c.cookies[side];
  const storageKeys = c.storageKeys[side];
  const total = findings.length + thirdParties.length + cookies.length + storageKeys.length;
  const evidenceOf = (ids: readonly string[], findingId?: string) => (
    <EvidenceList ids={ids} lookup={evidence} sessionId={sessionId} findingId={findingId} />
  );
  return (
    <section aria-labelledby={`compare-${side}`} data-testid={`comparison-${side}`}>
      <h3 id={`compare-${side}`}>{t(words.heading, total)}</h3>
      {total === 0 ? (
        <p>{t(words.nothing)}</p>
      ) : (
        <>
          <p class="note">
            {t(words.from)}{' '}
            {session && (
              <a
                href={sessionReportHref(session.id)}
                translate={false}
                data-testid={`comparison-${side}-report`}
              >
                {sessionLabel(session)}
              </a>
            )}
          </p>
          <Kind title={t('compare_findings')} testId="findings" items={findings}>
            {(f: ComparedFinding) => (
              <ChangedFinding
                key={f.findingId}
                finding={f}
                violations={f.violationIds.flatMap((id) => evidence.violations.get(id) ?? [])}
                sessionId={sessionId}
              >
                {evidenceOf(f.observationIds, f.findingId)}
              </ChangedFinding>
            )}
          </Kind>
          <Kind title={t('compare_third_parties')} testId="third-parties" items={thirdParties}>
            {(p) => (
              <li key={p.host} data-host={p.host}>
                <code translate={false}>{p.host}</code>
                {/* Named as the findings' sentences name it: the reader's word for it, else the catalogue's, as data. */}
                {p.vendor && (
                  <>
                    {' ('}
                    <Worded parts={phraseParts(vendorName(p.vendor))} />)
                  </>
                )}
                {evidenceOf(p.observationIds)}
              </li>
            )}
          </Kind>
          <Kind title={t('compare_cookies')} testId="cookies" items={cookies}>
            {(k) => (
              <li key={`${k.name} ${k.domain}`} data-cookie={`${k.name}@${k.domain}`}>
                <code translate={false}>{shortText(k.name, 100, cutNote)}</code> ·{' '}
                <code translate={false}>{k.domain}</code>
                {evidenceOf(k.observationIds)}
              </li>
            )}
          </Kind>
          <Kind title={t('compare_storage_keys')} testId="storage-keys" items={storageKeys}>
            {(k) => (
              <li key={`${k.origin} ${k.area} ${k.key}`} data-key={k.key}>
                <code translate={false}>{shortText(k.key, 100, cutNote)}</code> · {k.area} ·{' '}
                <code translate={false}>{k.origin}</code>
                {evidenceOf(k.observationIds)}
              </li>
            )}
          </Kind>
        </>
      )}
    </section>
  );
}

/** One kind of item under its heading; nothing when there is none of it. */
function Kind<T>({
  title,
  testId,
  items,
  children,
}: {
  title: string;
  testId: string;
  items: readonly T[];
  children: (item: T) => ComponentChildren;
}) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul class="compared" data-testid={testId}>
        {items.map((item) => children(item))}
      </ul>
    </>
  );
}

/** A finding new or gone: its severity, title, the clauses it breaks, linked to it in its session's report. */
function ChangedFinding({
  finding: f,
  violations,
  sessionId,
  children,
}: {
  finding: ComparedFinding;
  violations: readonly Violation[];
  sessionId: string;
  children: ComponentChildren;
}) {
  const lead = violations[0];
  const clauses = [...new Map(violations.map((v) => [v.clause.id, v.clause])).values()];
  return (
    <li class={`violation severity-${f.severity}`} data-rules={f.rules.join(' ')} data-finding={f.findingId}>
      <p class="compared-title">
        <span class="severity">{severityLabel(f.severity)}</span>{' '}
        <a href={sessionReportHref(sessionId, f.findingId)}>{lead ? ruleText(lead, 'title') : f.title}</a>
      </p>
      <p>
        <Worded parts={lead ? violationSummaryParts(lead) : [{ text: f.summary, data: false }]} />
      </p>
      {!f.verified && <p class="unverified">{t('unverified_claim')}</p>}
      {clauses.map((clause) => (
        <p key={clause.id} class="clause-broken">
          {t('breaks_clause', clauseLocation(clause), clauseText(clause.id, 'title', clause.title))}
        </p>
      ))}
      {children}
    </li>
  );
}

interface EvidenceLookup {
  observations: Map<string, Report['observations'][number]>;
  violations: Map<string, Violation>;
  /** The first finding of the report that cites each observation: where the reader finds it in that report. */
  citedBy: Map<string, string>;
}

function evidenceLookup(report: Report): EvidenceLookup {
  const citedBy = new Map<string, string>();
  for (const f of report.findings)
    for (const id of f.observationIds) if (!citedBy.has(id)) citedBy.set(id, f.id);
  return {
    observations: new Map(report.observations.map((o) => [o.id, o])),
    violations: new Map(report.violations.map((v) => [v.id, v])),
    citedBy,
  };
}

/**
 * The observations an item rests on, by id, as its session's report has them;
 * each linked to the finding citing it there, unless that is the item itself.
 */
function EvidenceList({
  ids,
  lookup,
  sessionId,
  findingId,
}: {
  ids: readonly string[];
  lookup: EvidenceLookup;
  sessionId: string;
  /** The finding these are the evidence of, already linked. */
  findingId?: string | undefined;
}) {
  return (
    <ul class="evidence">
      {ids.slice(0, EVIDENCE_SHOWN).map((id) => {
        const o = lookup.observations.get(id);
        const citing = lookup.citedBy.get(id);
        const finding = citing === findingId ? undefined : citing;
        return (
          <li key={id} data-observation={id}>
            {o && (
              <>
                {kindLabel(o.kind)}{' '}
                {o.name && <code translate={false}>{shortText(o.name, 100, cutNote)}</code>} ·{' '}
                {provenanceLabel(o.provenance)}
                {safeHref(o.url) && o.url !== o.name && (
                  <>
                    {' · '}
                    <code translate={false}>{shortText(o.url ?? '', 100, cutNote)}</code>
                  </>
                )}
                {' · '}
              </>
            )}
            <code translate={false}>{id}</code>
            {finding && (
              <>
                {' · '}
                <a href={sessionReportHref(sessionId, finding)}>{t('compare_cited_by')}</a>
              </>
            )}
          </li>
        );
      })}
      {ids.length > EVIDENCE_SHOWN && <li>{t('compare_more_evidence', ids.length - EVIDENCE_SHOWN)}</li>}
    </ul>
  );
}
