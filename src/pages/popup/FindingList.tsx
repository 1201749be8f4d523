import type { Finding, Violation } from '../../core/report/report-types';
import { DecodedFields } from '../shared/DecodedFields';
import {
  clauseLocation,
  clauseText,
  ruleText,
  severityLabel,
  t,
  violationSummaryParts,
} from '../shared/i18n';
import { NotThisPageNote } from '../shared/NotThisPageNote';
import { Worded } from '../shared/Worded';

/**
 * Findings grouped by their lead rule: what is wrong, every promise it
 * breaks, how much evidence, and a way to it. As `advice`, findings whose
 * bound is guidance: no severity, and the clause they concern rather than
 * one they break.
 */
export function FindingList({
  findings,
  violations,
  onEvidence,
  advice = false,
}: {
  findings: readonly Finding[];
  /** The violations behind the findings, for each clause's wording and explanation. */
  violations: readonly Violation[];
  onEvidence: (observationId: string) => void;
  advice?: boolean;
}) {
  if (findings.length === 0) return advice ? null : <p>{t('verdict_clean')}</p>;
  const violationById = new Map(violations.map((v) => [v.id, v]));
  const byLead = new Map<string, { lead: Violation; findings: Finding[] }>();
  for (const f of findings) {
    const lead = violationById.get(f.violationIds[0] ?? '');
    if (!lead) continue;
    const group = byLead.get(lead.rule);
    if (group) group.findings.push(f);
    else byLead.set(lead.rule, { lead, findings: [f] });
  }
  return (
    <div data-testid={advice ? 'advice-list' : 'violations'}>
      {[...byLead].map(([rule, group]) => (
        <section key={rule} class="rule-group" aria-label={ruleText(group.lead, 'title')}>
          <h2>
            {ruleText(group.lead, 'title')} ({group.findings.length})
          </h2>
          <ul class="violations">
            {group.findings.map((f) => (
              <FindingItem
                key={f.id}
                finding={f}
                broken={f.violationIds.flatMap((id) => violationById.get(id) ?? [])}
                onEvidence={onEvidence}
                advice={advice}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function FindingItem({
  finding,
  broken,
  onEvidence,
  advice,
}: {
  finding: Finding;
  broken: Violation[];
  onEvidence: (observationId: string) => void;
  advice: boolean;
}) {
  const first = finding.observationIds[0];
  return (
    <li
      class={advice ? 'violation advice' : `violation severity-${finding.severity}`}
      data-rule={finding.rules[0]}
      data-rules={finding.rules.join(' ')}
      data-testid="finding"
    >
      {!advice && <span class="severity">{severityLabel(finding.severity)}</span>}
      <NotThisPageNote finding={finding} />
      {!finding.verified && (
        <p class="unverified" data-testid="unverified-claim">
          {t('unverified_claim')}
        </p>
      )}
      <p>
        <Worded parts={violationSummaryParts(finding)} />
      </p>
      <p class="evidence-count" data-testid="evidence-count">
        {t('finding_evidence_count', finding.observationIds.length, finding.pageUrls.length)}
      </p>
      <DecodedFields violations={broken} />
      {broken.map((v) => (
        <details key={v.id} data-rule={v.rule}>
          <summary>
            {t(
              advice ? 'advice_about_clause' : 'breaks_clause',
              clauseLocation(v.clause),
              clauseText(v.clause.id, 'title', v.clause.title),
            )}
          </summary>
          {v !== broken[0] && (
            <p>
              <Worded parts={violationSummaryParts(v)} />
            </p>
          )}
          <p>{clauseText(v.clause.id, 'paraphrase', v.clause.paraphrase)}</p>
          {v.clause.quote && (
            <p class="policy-quote" data-testid="policy-quote">
              {t('policy_says')} <q lang="en">{v.clause.quote}</q>
            </p>
          )}
          {v.alsoCites.length > 0 && (
            <p>
              {t(
                'also_rests_on',
                v.alsoCites
                  .map((c) => `${clauseLocation(c)} (${clauseText(c.id, 'title', c.title)})`)
                  .join('; '),
              )}
            </p>
          )}
          <p class="explanation">{ruleText(v, 'explanation')}</p>
        </details>
      ))}
      {first && (
        <button type="button" class="link" onClick={() => onEvidence(first)}>
          {t('show_evidence')}
        </button>
      )}
    </li>
  );
}
