import { shortText } from '../../core/formats/safe-text';
import type { Violation } from '../../core/report/report-types';
import { clauseLocation, clauseText, ruleText, severityLabel, t, violationSummary } from '../shared/i18n';

/**
 * Violations grouped by rule: what is wrong, which promise it breaks, and a
 * way to its evidence. As `advice`, findings whose bound is guidance: no
 * severity, and the clause they concern rather than one they break.
 */
export function ViolationList({
  violations,
  onEvidence,
  advice = false,
}: {
  violations: Violation[];
  onEvidence: (observationId: string) => void;
  advice?: boolean;
}) {
  if (violations.length === 0) return advice ? null : <p>{t('verdict_clean')}</p>;
  const byRule = new Map<string, Violation[]>();
  for (const v of violations) byRule.set(v.rule, [...(byRule.get(v.rule) ?? []), v]);
  return (
    <div data-testid={advice ? 'advice-list' : 'violations'}>
      {[...byRule].map(([rule, list]) => {
        const first = list[0] as Violation;
        return (
          <section key={rule} class="rule-group" aria-label={ruleText(first, 'title')}>
            <h2>
              {ruleText(first, 'title')} ({list.length})
            </h2>
            <ul class="violations">
              {list.map((v) => (
                <li
                  key={v.id}
                  class={advice ? 'violation advice' : `violation severity-${v.severity}`}
                  data-rule={v.rule}
                >
                  {!advice && <span class="severity">{severityLabel(v.severity)}</span>}
                  {!v.verified && (
                    <p class="unverified" data-testid="unverified-claim">
                      {t('unverified_claim')}
                    </p>
                  )}
                  <p>{shortText(violationSummary(v), 400)}</p>
                  <details>
                    <summary>
                      {t(
                        advice ? 'advice_about_clause' : 'breaks_clause',
                        clauseLocation(v.clause),
                        clauseText(v.clause.id, 'title', v.clause.title),
                      )}
                    </summary>
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
                  {v.observationIds[0] && (
                    <button
                      type="button"
                      class="link"
                      onClick={() => onEvidence(v.observationIds[0] as string)}
                    >
                      {t('show_evidence')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
