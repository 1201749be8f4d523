import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { findingsOf } from '../../core/engine/findings';
import { safeHref, shortText } from '../../core/formats/safe-text';
import type { SessionChoice } from '../../core/recording/session-choices';
import type {
  ClauseStatus,
  Finding,
  Report,
  ReportObservation,
  Violation,
} from '../../core/report/report-types';
import { SEVERITY_ORDER, type Severity } from '../../core/rules/rule';
import { phrase } from '../../core/wording/phrase';
import { DecodedFields } from '../shared/DecodedFields';
import { EvidenceLosses } from '../shared/EvidenceLosses';
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
import { NotThisPageNote } from '../shared/NotThisPageNote';
import { SeverityChips } from '../shared/SeverityChips';
import { Worded } from '../shared/Worded';
import type { RecordedSessions } from './recorded-sessions';
import { SessionComparison, sessionLabel } from './SessionComparison';

const STATUS_ORDER: readonly ClauseStatus[] = [
  'violated',
  'contradicts-itself',
  'kept',
  'not-observed',
  'not-checkable',
];

const STATUS_KEYS = {
  violated: 'status_violated',
  'contradicts-itself': 'status_contradicts_itself',
  kept: 'status_kept',
  'not-observed': 'status_not_observed',
  'not-checkable': 'status_not_checkable',
} as const satisfies Record<ClauseStatus, string>;

/**
 * The whole record: the policy scorecard, the pages visited in order, and every
 * violation with its evidence; with `viewedSessionId`, that recorded session's.
 * Recorded sessions can be compared with earlier ones from here.
 */
export function ReportApp({
  loadReport,
  sessions,
  viewedSessionId,
}: {
  loadReport: () => Promise<Report>;
  sessions?: RecordedSessions;
  viewedSessionId?: string;
}) {
  const [state, setState] = useState<{ report?: Report; error?: string }>({});
  // Undefined until read: the comparison starts from the sessions there are, so it waits for them.
  const [choices, setChoices] = useState<SessionChoice[]>();
  useEffect(() => {
    loadReport().then(
      (report) => setState({ report }),
      (error: unknown) => setState({ error: String(error) }),
    );
  }, [loadReport]);
  useEffect(() => {
    // Without the sessions the report still stands: the comparison is simply not offered.
    sessions
      ?.list()
      .then(setChoices, (error: unknown) => console.warn('[inspector] Sessions not read', error));
  }, [sessions]);
  useEffect(() => {
    // A link to one finding (#finding-…) is followed once the report it is in has been drawn.
    if (state.report && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [state.report]);
  if (state.error) return <p role="alert">{state.error}</p>;
  if (!state.report) return <p aria-busy="true">{t('reading_tab')}</p>;
  const viewed = choices?.find((c) => c.id === viewedSessionId);
  return (
    <FullReport
      report={state.report}
      viewedSession={viewed}
      comparison={
        sessions &&
        choices && (
          <SessionComparison sessions={sessions} choices={choices} viewedSessionId={viewedSessionId} />
        )
      }
    />
  );
}

function FullReport({
  report,
  viewedSession,
  comparison,
}: {
  report: Report;
  viewedSession?: SessionChoice | undefined;
  comparison?: ComponentChildren;
}) {
  const [severity, setSeverity] = useState<'all' | Severity>('all');
  const [rule, setRule] = useState('all');
  const byId = useMemo(() => new Map(report.observations.map((o) => [o.id, o])), [report]);
  const violationById = useMemo(
    () => new Map([...report.violations, ...(report.advice ?? [])].map((v) => [v.id, v])),
    [report],
  );
  const advice = useMemo(() => findingsOf(report.advice ?? []), [report]);
  const rules = [...new Set(report.violations.map((v) => v.rule))];
  const shown = report.findings.filter(
    (f) => (severity === 'all' || f.severity === severity) && (rule === 'all' || f.rules.includes(rule)),
  );
  const violationsOf = (f: Finding) => f.violationIds.flatMap((id) => violationById.get(id) ?? []);
  // Violated clauses first, then kept, then those nothing was seen for; the policy's order within each.
  const checkable = STATUS_ORDER.filter((status) => status !== 'not-checkable').flatMap((status) =>
    report.scorecard.filter((c) => c.status === status),
  );
  const notCheckable = report.scorecard.filter((c) => c.status === 'not-checkable');
  return (
    <main class="report">
      <header>
        <h1>{t('report_title')}</h1>
        <p class="meta">
          <Worded
            parts={phraseParts(
              phrase(
                'report_generated',
                dateTimeText(report.generatedAt),
                `${report.policy.id} ${report.policy.version}`,
                report.ruleSetVersion,
              ),
            )}
          />
        </p>
        {viewedSession && (
          <p class="meta" data-testid="viewed-session">
            {t('report_of_session')} <span translate={false}>{sessionLabel(viewedSession)}</span>
          </p>
        )}
        <button type="button" class="no-print" onClick={() => window.print()}>
          {t('print')}
        </button>
      </header>
      {report.pages.length === 0 && <p>{t('no_data')}</p>}
      <ReportVerdict report={report} />
      <EvidenceLosses evidence={report.evidence} />
      {comparison}

      <section aria-labelledby="scorecard-heading" data-testid="scorecard">
        <h2 id="scorecard-heading">{t('scorecard_heading')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('col_clause')}</th>
              <th scope="col">{t('col_status')}</th>
              <th scope="col">{t('col_violations')}</th>
            </tr>
          </thead>
          <tbody>
            {checkable.map((c) => (
              <ClauseRow key={c.clauseId} clause={c} />
            ))}
          </tbody>
        </table>
        {/* Clauses a browser cannot see kept or broken: one click away, not in the way of those it can. */}
        {notCheckable.length > 0 && (
          <details data-testid="not-checkable">
            <summary>{t('not_checkable_heading', notCheckable.length)}</summary>
            <table>
              <tbody>
                {notCheckable.map((c) => (
                  <ClauseRow key={c.clauseId} clause={c} />
                ))}
              </tbody>
            </table>
          </details>
        )}
      </section>

      <section aria-labelledby="pages-heading">
        <h2 id="pages-heading">{t('pages_heading')}</h2>
        <ol class="timeline" data-testid="timeline">
          {report.pages.map((p) => (
            <li key={p.visitId} data-started-by={p.startedBy ?? 'document-load'}>
              <time dateTime={p.startedAt}>{dateTimeText(p.startedAt)}</time>{' '}
              <code translate={false}>{shortText(p.url, 120)}</code>{' '}
              {p.startedBy === 'route-change' && <span class="route-change">({t('page_route_change')})</span>}{' '}
              — {t('page_violations', report.findings.filter((f) => f.pageUrls.includes(p.url)).length)}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="violations-heading">
        <h2 id="violations-heading">
          {t('violations_heading')} ({shown.length})
        </h2>
        <div class="filters no-print">
          <label>
            {t('filter_severity')}{' '}
            <select value={severity} onChange={(e) => setSeverity(e.currentTarget.value as 'all' | Severity)}>
              <option value="all">{t('severity_all')}</option>
              {SEVERITY_ORDER.map((s) => (
                <option key={s} value={s}>
                  {severityLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filter_rule')}{' '}
            <select value={rule} onChange={(e) => setRule(e.currentTarget.value)} data-testid="filter-rule">
              <option value="all">{t('rule_all')}</option>
              {rules.map((r) => (
                <option key={r} value={r}>
                  {ruleText(report.violations.find((v) => v.rule === r) as Violation, 'title')}
                </option>
              ))}
            </select>
          </label>
        </div>
        <ul class="violations" data-testid="report-violations">
          {shown.map((f) => (
            <FindingEntry
              key={f.id}
              finding={f}
              violations={violationsOf(f)}
              evidence={f.observationIds.map((id) => byId.get(id))}
            />
          ))}
        </ul>
      </section>

      {advice.length > 0 && (
        <section aria-labelledby="advice-heading" data-testid="report-advice">
          <h2 id="advice-heading">{t('advice_heading', advice.length)}</h2>
          <p class="note">{t('advice_note')}</p>
          <ul class="violations">
            {advice.map((f) => (
              <FindingEntry
                key={f.id}
                finding={f}
                violations={violationsOf(f)}
                evidence={f.observationIds.map((id) => byId.get(id))}
                advice
              />
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

/** The answer first: how many clauses were seen broken, by how many findings, of what severity. */
function ReportVerdict({ report }: { report: Report }) {
  const { summary } = report;
  const broken = report.scorecard.filter((c) => c.status === 'violated').length;
  return (
    <section aria-labelledby="verdict-heading" data-testid="report-verdict">
      <h2 id="verdict-heading">{t('report_verdict_heading')}</h2>
      <p class={broken > 0 ? 'verdict bad' : 'verdict good'}>
        {broken > 0
          ? t('report_verdict_broken', broken, report.scorecard.length, summary.findings)
          : t('report_verdict_clean')}
      </p>
      <SeverityChips findingsBySeverity={summary.findingsBySeverity}>
        <li class="chip">{t('report_count_pages', summary.pages)}</li>
        <li class="chip">{t('report_count_evidence', summary.observations)}</li>
      </SeverityChips>
    </section>
  );
}

function ClauseRow({ clause: c }: { clause: Report['scorecard'][number] }) {
  return (
    <tr class={`status-${c.status}`} data-clause={c.clauseId}>
      <td>
        {clauseLocation(c)}: {clauseText(c.clauseId, 'title', c.title)}
        {c.note && (
          <div class="note">
            {c.status === 'not-observed'
              ? t('clause_not_observed_note')
              : clauseText(c.clauseId, 'note', c.note)}
          </div>
        )}
      </td>
      <td>{t(STATUS_KEYS[c.status])}</td>
      <td>{c.violations}</td>
    </tr>
  );
}

/** Pages shown by name under a finding; the rest counted. */
const SEEN_ON_SHOWN = 5;

/**
 * A finding: one problem, with every clause it breaks and why each matters;
 * with `advice`, one whose bound is guidance: no severity, clauses it concerns.
 */
function FindingEntry({
  finding: f,
  violations,
  evidence,
  advice = false,
}: {
  finding: Finding;
  violations: readonly Violation[];
  evidence: (ReportObservation | undefined)[];
  advice?: boolean;
}) {
  const lead = violations[0];
  return (
    <li
      id={`finding-${f.id}`}
      class={advice ? 'violation advice' : `violation severity-${f.severity}`}
      data-rule={f.rules[0]}
      data-rules={f.rules.join(' ')}
    >
      <h3>
        {!advice && <span class="severity">{severityLabel(f.severity)}</span>}{' '}
        {lead && ruleText(lead, 'title')}
      </h3>
      {!f.verified && <p class="unverified">{t('unverified_claim')}</p>}
      <NotThisPageNote finding={f} />
      <p>
        <Worded parts={violationSummaryParts(f)} />
      </p>
      <p class="evidence-count">{t('finding_evidence_count', f.observationIds.length, f.pageUrls.length)}</p>
      <p class="seen-on" data-testid="seen-on">
        {t('seen_on')}{' '}
        {f.pageUrls.slice(0, SEEN_ON_SHOWN).map((url, i) => (
          <span key={url}>
            {i > 0 && ', '}
            <code translate={false}>{shortText(url, 120, cutNote)}</code>
          </span>
        ))}
        {f.pageUrls.length > SEEN_ON_SHOWN && ` ${t('seen_on_more', f.pageUrls.length - SEEN_ON_SHOWN)}`}
      </p>
      <DecodedFields violations={violations} />
      {violations.map((v) => (
        <div key={v.id} class="clause-broken" data-rule={v.rule}>
          <p>
            {t(
              advice ? 'advice_about_clause' : 'breaks_clause',
              clauseLocation(v.clause),
              clauseText(v.clause.id, 'title', v.clause.title),
            )}
          </p>
          {v !== lead && (
            <p>
              <Worded parts={violationSummaryParts(v)} />
            </p>
          )}
          <p class="explanation">{ruleText(v, 'explanation')}</p>
        </div>
      ))}
      <ul class="evidence">
        {evidence.slice(0, 10).map((o, i) =>
          o ? (
            <li key={o.id}>
              {kindLabel(o.kind)}{' '}
              {o.name ? <code translate={false}>{shortText(o.name, 100, cutNote)}</code> : t('no_name')} ·{' '}
              {provenanceLabel(o.provenance)}
              {!o.verified && ` · ${t('trust_claim')}`}
              {safeHref(o.url) && o.url !== o.name && (
                <>
                  {' · '}
                  <code translate={false}>{shortText(o.url ?? '', 100, cutNote)}</code>
                </>
              )}
            </li>
          ) : (
            <li key={f.observationIds[i]}>{f.observationIds[i]}</li>
          ),
        )}
      </ul>
    </li>
  );
}
