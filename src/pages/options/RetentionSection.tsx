import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { RetentionStore } from '../shared/recording-api';

/** How many days observations outside recorded sessions are kept. */
export function RetentionSection({ store }: { store: RetentionStore }) {
  const [days, setDays] = useState('');
  const [status, setStatus] = useState('');
  useEffect(() => {
    store.load().then(
      (setting) => setDays(String(setting.days)),
      (error: unknown) => setStatus(t('settings_problem', String(error))),
    );
  }, [store]);
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const result = await store.save(Number(days));
      setStatus(
        'problem' in result
          ? t('settings_problem', result.problem)
          : t('retention_saved', result.days, result.deleted),
      );
    } catch (error) {
      setStatus(t('settings_problem', String(error)));
    }
  };
  return (
    <section aria-labelledby="retention-heading">
      <h2 id="retention-heading">{t('retention_heading')}</h2>
      <p>{t('retention_help')}</p>
      <form onSubmit={submit}>
        <label>
          {t('retention_days')}
          <input
            type="number"
            min={1}
            max={3650}
            step={1}
            value={days}
            onInput={(e) => setDays(e.currentTarget.value)}
            data-testid="retention-days"
          />
        </label>
        <button type="submit" data-testid="save-retention">
          {t('save')}
        </button>
      </form>
      <p role="status" data-testid="retention-status">
        {status}
      </p>
    </section>
  );
}
