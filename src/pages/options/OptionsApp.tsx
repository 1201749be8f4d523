import { useEffect, useState } from 'preact/hooks';
import { PURPOSES, type Purpose } from '../../core/classify/purpose';
import { shortText } from '../../core/formats/safe-text';
import {
  type CanarySetting,
  checkCanary,
  type FilterListSetting,
  MAX_FILTER_LIST_CHARS,
  parseUserSettings,
  type UserSettings,
} from '../../core/settings/user-settings';
import { purposeLabel, t } from '../shared/i18n';
import { loadInstallationKey, retentionStore } from '../shared/recording-api';
import { ConfigFileSection } from './ConfigFileSection';
import { MonitoredSitesSection, type SiteStore } from './MonitoredSitesSection';
import { RetentionSection } from './RetentionSection';
import { SigningKeySection } from './SigningKeySection';
import { type TimestampStore, TrustedTimestampsSection } from './TrustedTimestampsSection';

export interface OptionsStore {
  load(): Promise<UserSettings>;
  save(settings: UserSettings): Promise<void>;
  clearData(): Promise<{ cleared: number }>;
  confirm(question: string): boolean;
  sites: SiteStore;
  timestamps: TimestampStore;
}

export function OptionsApp({ store }: { store: OptionsStore }) {
  const [settings, setSettings] = useState<UserSettings | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    store.load().then(setSettings, (error: unknown) => setStatus(String(error)));
  }, [store]);
  if (!settings) return <p aria-busy="true">{status || t('reading_tab')}</p>;

  const save = async (next: UserSettings) => {
    const parsed = parseUserSettings(next);
    if ('problems' in parsed) {
      setStatus(t('settings_problem', parsed.problems.join('; ')));
      return;
    }
    try {
      await store.save(parsed.settings);
    } catch (error) {
      setStatus(t('settings_problem', String(error)));
      return;
    }
    setSettings(parsed.settings);
    setStatus(t('saved'));
  };

  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <p role="status" data-testid="options-status">
        {status}
      </p>
      <MonitoredSitesSection store={store.sites} onStatus={setStatus} />
      <Canaries
        canaries={settings.canaries}
        onSave={(canaries) => save({ ...settings, canaries })}
        onProblem={setStatus}
      />
      <FilterLists
        lists={settings.filterLists}
        onSave={(filterLists) => save({ ...settings, filterLists })}
        onProblem={setStatus}
      />
      <ConfigFileSection settings={settings} onSave={save} />
      <RetentionSection store={retentionStore} />
      <SigningKeySection load={loadInstallationKey} />
      <TrustedTimestampsSection store={store.timestamps} />
      <section aria-labelledby="clear-heading">
        <h2 id="clear-heading">{t('clear_heading')}</h2>
        <button
          type="button"
          class="danger"
          data-testid="clear-data"
          onClick={async () => {
            if (!store.confirm(t('clear_confirm'))) return;
            try {
              const { cleared } = await store.clearData();
              setStatus(t('cleared', cleared));
            } catch (error) {
              setStatus(t('settings_problem', String(error)));
            }
          }}
        >
          {t('clear_button')}
        </button>
      </section>
    </main>
  );
}

function Canaries({
  canaries,
  onSave,
  onProblem,
}: {
  canaries: CanarySetting[];
  onSave: (canaries: CanarySetting[]) => void;
  onProblem: (problem: string) => void;
}) {
  const initial = (kind: 'phone' | 'email') => canaries.find((c) => c.kind === kind)?.value ?? '';
  const [phone, setPhone] = useState(initial('phone'));
  const [email, setEmail] = useState(initial('email'));
  const submit = (event: Event) => {
    event.preventDefault();
    const next: CanarySetting[] = [];
    for (const [kind, value, label] of [
      ['phone', phone, t('canary_phone_label')],
      ['email', email, t('canary_email_label')],
    ] as const) {
      if (value.trim() === '') continue;
      const problem = checkCanary(kind, value);
      if (problem) return onProblem(problem);
      next.push({ kind, value: value.trim(), label });
    }
    onSave(next);
  };
  return (
    <section aria-labelledby="canaries-heading">
      <h2 id="canaries-heading">{t('canaries_heading')}</h2>
      <p>{t('canaries_help')}</p>
      <form onSubmit={submit}>
        <label>
          {t('canary_phone')}
          <input
            type="tel"
            autoComplete="tel"
            value={phone}
            onInput={(e) => setPhone(e.currentTarget.value)}
            data-testid="canary-phone"
          />
        </label>
        <label>
          {t('canary_email')}
          <input
            type="email"
            autoComplete="email"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
            data-testid="canary-email"
          />
        </label>
        <button type="submit" data-testid="save-canaries">
          {t('save')}
        </button>
      </form>
    </section>
  );
}

function FilterLists({
  lists,
  onSave,
  onProblem,
}: {
  lists: FilterListSetting[];
  onSave: (lists: FilterListSetting[]) => void;
  onProblem: (problem: string) => void;
}) {
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState<Purpose>('statistics');
  const [file, setFile] = useState<File | null>(null);
  const add = async (event: Event) => {
    event.preventDefault();
    if (!file || name.trim() === '') return;
    if (file.size > MAX_FILTER_LIST_CHARS * 4) return onProblem(t('list_too_large'));
    const text = await file.text();
    if (text.length > MAX_FILTER_LIST_CHARS) return onProblem(t('list_too_large'));
    onSave([...lists, { name: name.trim(), purpose, text }]);
    setName('');
  };
  return (
    <section aria-labelledby="lists-heading">
      <h2 id="lists-heading">{t('filter_lists_heading')}</h2>
      <p>{t('filter_lists_help')}</p>
      <ul data-testid="filter-lists">
        {lists.map((list, i) => (
          <li key={`${list.name}-${i}`}>
            {t(
              'list_summary',
              shortText(list.name, 60),
              purposeLabel(list.purpose),
              list.text.split('\n').length,
            )}{' '}
            <button type="button" onClick={() => onSave(lists.filter((_, j) => j !== i))}>
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add}>
        <label>
          {t('list_name')}
          <input
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            maxLength={100}
            data-testid="list-name"
          />
        </label>
        <label>
          {t('list_purpose')}
          <select value={purpose} onChange={(e) => setPurpose(e.currentTarget.value as Purpose)}>
            {PURPOSES.map((p) => (
              <option key={p} value={p}>
                {purposeLabel(p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('list_file')}
          <input
            type="file"
            accept=".txt,text/plain"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            data-testid="list-file"
          />
        </label>
        <button type="submit" data-testid="add-list">
          {t('add_list')}
        </button>
      </form>
    </section>
  );
}
