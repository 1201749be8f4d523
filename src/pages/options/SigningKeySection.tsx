import { useEffect, useState } from 'preact/hooks';
import { groupFingerprint } from '../../core/evidence/signing';
import { dateTimeText, t } from '../shared/i18n';
import type { InstallationKeyView } from '../shared/installation-key';

/** The installation's signing key: its fingerprint to hand to whoever checks a bundle, and its public JWK. */
export function SigningKeySection({ load }: { load: () => Promise<InstallationKeyView> }) {
  const [key, setKey] = useState<InstallationKeyView | null>(null);
  const [problem, setProblem] = useState('');
  const [copied, setCopied] = useState(false);
  // The fingerprint is handed to whoever checks a bundle: copied whole, without the grouping spaces.
  const copy = (fingerprint: string) =>
    navigator.clipboard.writeText(fingerprint).then(
      () => setCopied(true),
      (error: unknown) => setProblem(String(error)),
    );
  useEffect(() => {
    load().then(setKey, (error: unknown) => setProblem(String(error)));
  }, [load]);
  return (
    <section aria-labelledby="signing-key-heading">
      <h2 id="signing-key-heading">{t('signing_key_heading')}</h2>
      <p>{t('signing_key_help')}</p>
      {problem && (
        <p role="alert" class="problem">
          {t('recording_problem', problem)}
        </p>
      )}
      {key && (
        <dl>
          <dt>{t('signing_key_fingerprint')}</dt>
          <dd>
            <code data-testid="key-fingerprint" data-fingerprint={key.fingerprint} translate={false}>
              {groupFingerprint(key.fingerprint)}
            </code>{' '}
            <button type="button" onClick={() => void copy(key.fingerprint)} data-testid="copy-fingerprint">
              {t('copy')}
            </button>{' '}
            {copied && (
              <span role="status" data-testid="fingerprint-copied">
                {t('copied')}
              </span>
            )}
          </dd>
          <dt>{t('signing_key_public')}</dt>
          <dd>
            <code data-testid="key-jwk" translate={false}>
              {JSON.stringify(key.jwk)}
            </code>
          </dd>
          <dd>{t('signing_key_created', dateTimeText(key.createdAt))}</dd>
        </dl>
      )}
    </section>
  );
}
