import { useEffect, useState } from 'preact/hooks';
import { groupFingerprint } from '../../core/evidence/signing';
import { t } from '../shared/i18n';
import type { InstallationKeyView } from '../shared/installation-key';

/** The installation's signing key: its fingerprint to hand to whoever checks a bundle, and its public JWK. */
export function SigningKeySection({ load }: { load: () => Promise<InstallationKeyView> }) {
  const [key, setKey] = useState<InstallationKeyView | null>(null);
  const [problem, setProblem] = useState('');
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
            <code data-testid="key-fingerprint" data-fingerprint={key.fingerprint}>
              {groupFingerprint(key.fingerprint)}
            </code>
          </dd>
          <dt>{t('signing_key_public')}</dt>
          <dd>
            <code data-testid="key-jwk">{JSON.stringify(key.jwk)}</code>
          </dd>
          <dd>{t('signing_key_created', new Date(key.createdAt).toISOString())}</dd>
        </dl>
      )}
    </section>
  );
}
