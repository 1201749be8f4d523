import { type EvidenceCompleteness, lossPhrase } from '../../core/report/evidence-completeness';
import { phraseText, t } from './i18n';

/** Keys of a flood shown under its line; the report lists more. */
const SHOWN_KEYS = 5;

/**
 * What limits dropped or cut on these pages, one line per cause: the findings
 * shown rest on what was kept, and a reader must know when that is not all.
 */
export function EvidenceLosses({ evidence }: { evidence: EvidenceCompleteness | undefined }) {
  if (!evidence || evidence.complete) return null;
  return (
    <section role="alert" class="problem" data-testid="evidence-losses">
      <strong>{t('evidence_losses_heading')}</strong>
      <ul>
        {evidence.losses.map((loss) => (
          <li key={loss.cause} data-cause={loss.cause}>
            {phraseText(lossPhrase(loss))}
            {loss.perKey && loss.perKey.length > 0 && (
              <span class="loss-keys">
                {' '}
                {loss.perKey
                  .slice(0, SHOWN_KEYS)
                  .map(({ key, count }) => `${key} ×${count}`)
                  .join(', ')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
