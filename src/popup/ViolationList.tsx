import { formatClauseLocation } from '../policy/policy-model';
import type { Violation } from '../report/report-types';

export function ViolationList({ violations }: { violations: Violation[] }) {
  if (violations.length === 0) return null;
  return (
    <section aria-labelledby="violations-heading">
      <h2 id="violations-heading">Violations</h2>
      <ul class="violations" data-testid="violations">
        {violations.map((v) => (
          <li key={v.id} class={`violation severity-${v.severity}`} data-rule={v.rule}>
            <span class="severity">{v.severity}</span> <strong>{v.title}</strong>
            {!v.verified && (
              <p class="unverified" data-testid="unverified-claim">
                Unverified claim: only the page's own scripts reported this, and the browser could not confirm
                it.
              </p>
            )}
            <p>{v.summary}</p>
            <details>
              <summary>
                Breaks {formatClauseLocation(v.clause)}: {v.clause.title}
              </summary>
              <p>{v.clause.paraphrase}</p>
              {v.alsoCites.length > 0 && (
                <p>
                  Also rests on:{' '}
                  {v.alsoCites.map((c) => `${formatClauseLocation(c)} (${c.title})`).join('; ')}
                </p>
              )}
              <p class="explanation">{v.explanation}</p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
