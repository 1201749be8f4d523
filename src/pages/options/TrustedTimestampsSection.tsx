import { useEffect, useState } from 'preact/hooks';
import {
  MAX_TSA_URL_LENGTH,
  type TimestampSetting,
  type TimestampSwitch,
  type TsaUrlProblem,
  tsaAccessPattern,
  turnOnTimestamps,
} from '../../core/settings/timestamp-setting';
import { phrase } from '../../core/wording/phrase';
import { type MessageKey, phraseParts, t } from '../shared/i18n';
import { Worded } from '../shared/Worded';

/** The browser side of the section: the stored setting and access to the TSA's host. */
export interface TimestampStore extends TimestampSwitch {
  load(): Promise<TimestampSetting | null>;
  clear(): Promise<void>;
  hasAccess(pattern: string): Promise<boolean>;
  /** Gives the host back, unless something else on this page still needs it. */
  dropAccess(pattern: string, host: string): Promise<void>;
}

const PROBLEM_KEYS: Record<TsaUrlProblem, MessageKey> = {
  empty: 'timestamps_problem_empty',
  'too-long': 'timestamps_problem_too_long',
  'not-a-url': 'timestamps_problem_not_a_url',
  scheme: 'timestamps_problem_scheme',
  credentials: 'timestamps_problem_credentials',
};

/**
 * "Trusted timestamps": off until the user names a TSA and the browser lets
 * the extension reach that host, which it asks for from the click on "Turn
 * on". While it is off, an export sends nothing anywhere.
 */
export function TrustedTimestampsSection({ store }: { store: TimestampStore }) {
  const [setting, setSetting] = useState<TimestampSetting | null | undefined>(undefined);
  const [access, setAccess] = useState(true);
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState('');
  const problem = (error: unknown) => setStatus(t('settings_problem', String(error)));

  useEffect(() => {
    store.load().then(async (stored) => {
      setSetting(stored);
      if (stored) setAccess(await store.hasAccess(tsaAccessPattern(new URL(stored.tsaUrl))));
    }, problem);
  }, [store]);
  if (setting === undefined) return null;

  const turnOn = (event: Event) => {
    event.preventDefault();
    const attempt = turnOnTimestamps(typed, store);
    if ('problem' in attempt) return setStatus(t(PROBLEM_KEYS[attempt.problem]));
    const { host } = attempt.url;
    setStatus(t('timestamps_asking', host));
    attempt.done.then((result) => {
      if ('refused' in result) return setStatus(t('timestamps_denied', host));
      setSetting(result.on);
      setAccess(true);
      setTyped('');
      setStatus(t('timestamps_turned_on', host));
    }, problem);
  };

  const turnOff = async (current: TimestampSetting) => {
    try {
      const url = new URL(current.tsaUrl);
      await store.clear();
      setSetting(null);
      setStatus(t('timestamps_turned_off'));
      await store.dropAccess(tsaAccessPattern(url), url.hostname);
    } catch (error) {
      problem(error);
    }
  };

  const grant = (current: TimestampSetting) => {
    const url = new URL(current.tsaUrl);
    store.requestAccess(tsaAccessPattern(url)).then((granted) => {
      setAccess(granted);
      if (!granted) setStatus(t('timestamps_denied', url.host));
    }, problem);
  };

  return (
    <section aria-labelledby="timestamps-heading" data-testid="trusted-timestamps">
      <h2 id="timestamps-heading">{t('timestamps_heading')}</h2>
      <p>{t('timestamps_help')}</p>
      {setting ? (
        <>
          <p data-testid="timestamps-state">
            <Worded parts={phraseParts(phrase('timestamps_on', setting.tsaUrl))} maxData={300} />
          </p>
          {!access && (
            <p class="warning" data-testid="timestamps-no-access">
              <Worded parts={phraseParts(phrase('timestamps_no_access', new URL(setting.tsaUrl).host))} />{' '}
              <button type="button" onClick={() => grant(setting)}>
                {t('site_grant')}
              </button>
            </p>
          )}
          <button type="button" onClick={() => void turnOff(setting)} data-testid="timestamps-turn-off">
            {t('timestamps_turn_off')}
          </button>
        </>
      ) : (
        <>
          <p data-testid="timestamps-state">{t('timestamps_off')}</p>
          <form onSubmit={turnOn}>
            <label>
              {t('timestamps_url')}
              <input
                type="text"
                inputMode="url"
                value={typed}
                onInput={(e) => setTyped(e.currentTarget.value)}
                placeholder="https://tsa.example.com/tsr"
                maxLength={MAX_TSA_URL_LENGTH}
                autoComplete="off"
                spellcheck={false}
                data-testid="tsa-url"
              />
            </label>
            <button type="submit" data-testid="timestamps-turn-on">
              {t('timestamps_turn_on')}
            </button>
          </form>
        </>
      )}
      <p role="status" data-testid="timestamps-status">
        {status}
      </p>
    </section>
  );
}
