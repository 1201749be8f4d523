import { useEffect, useState } from 'preact/hooks';
import type { AddedSite } from '../../core/sites/added-sites';
import {
  coveredBy,
  MAX_ADDED_SITES,
  MONITORED_DOMAINS,
  parseSiteEntry,
  type SiteEntryProblem,
} from '../../core/sites/monitored-sites';
import { type MessageKey, t } from '../shared/i18n';

/** The browser side of the section: stored sites and host access. */
export interface SiteStore {
  load(): Promise<AddedSite[]>;
  save(sites: AddedSite[]): Promise<void>;
  hasAccess(pattern: string): Promise<boolean>;
  /** Must be called from the click itself: browsers ask for access only on a user gesture. */
  requestAccess(pattern: string): Promise<boolean>;
  dropAccess(pattern: string): Promise<void>;
}

const PROBLEM_KEYS: Record<SiteEntryProblem, MessageKey> = {
  empty: 'site_problem_empty',
  'too-long': 'site_problem_too_long',
  wildcard: 'site_problem_wildcard',
  scheme: 'site_problem_scheme',
  'not-a-host': 'site_problem_not_a_host',
  credentials: 'site_problem_credentials',
  ipv6: 'site_problem_ipv6',
  'public-suffix': 'site_problem_public_suffix',
};

/**
 * Jeejio's sites, always watched, and the staging hosts a tester adds. A host
 * is added only once the browser grants access to it; the permission prompt
 * comes from the click on "Add site".
 */
export function MonitoredSitesSection({
  store,
  onStatus,
}: {
  store: SiteStore;
  onStatus: (s: string) => void;
}) {
  const [sites, setSites] = useState<AddedSite[] | null>(null);
  const [access, setAccess] = useState<Record<string, boolean>>({});
  const [typed, setTyped] = useState('');

  const refreshAccess = async (list: AddedSite[]) => {
    const entries = await Promise.all(
      list.map(async (s) => [s.pattern, await store.hasAccess(s.pattern)] as const),
    );
    setAccess(Object.fromEntries(entries));
  };
  useEffect(() => {
    store.load().then(
      (list) => {
        setSites(list);
        void refreshAccess(list);
      },
      (error: unknown) => onStatus(t('settings_problem', String(error))),
    );
  }, [store]);
  if (!sites) return null;

  const add = (event: Event) => {
    event.preventDefault();
    const entry = parseSiteEntry(typed);
    if ('problem' in entry) return onStatus(t(PROBLEM_KEYS[entry.problem]));
    const by = coveredBy(entry.domain, [...MONITORED_DOMAINS, ...sites.map((s) => s.domain)]);
    if (by) return onStatus(t('site_already', entry.domain, by));
    if (sites.length >= MAX_ADDED_SITES) return onStatus(t('site_too_many', MAX_ADDED_SITES));
    onStatus(t('site_asking', entry.domain));
    // Asked before any other await, so the click still counts as the user's gesture.
    store.requestAccess(entry.pattern).then(
      async (granted) => {
        if (!granted) return onStatus(t('site_denied', entry.domain));
        const next = [...sites, { ...entry, addedAt: Date.now() }];
        await store.save(next);
        setSites(next);
        setTyped('');
        await refreshAccess(next);
        onStatus(t('site_added_status', entry.domain));
      },
      (error: unknown) => onStatus(t('settings_problem', String(error))),
    );
  };

  const remove = async (site: AddedSite) => {
    try {
      const next = sites.filter((s) => s.domain !== site.domain);
      await store.save(next);
      await store.dropAccess(site.pattern);
      setSites(next);
      onStatus(t('site_removed_status', site.domain));
    } catch (error) {
      onStatus(t('settings_problem', String(error)));
    }
  };

  const grant = (site: AddedSite) => {
    store.requestAccess(site.pattern).then(
      () => refreshAccess(sites),
      (error: unknown) => onStatus(t('settings_problem', String(error))),
    );
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sites_heading')}</h2>
      <p>{t('sites_help')}</p>
      <ul data-testid="watched-sites">
        {MONITORED_DOMAINS.map((domain) => (
          <li key={domain}>{t('sites_builtin', domain)}</li>
        ))}
        {sites.map((site) => (
          <li key={site.domain} data-testid="added-site">
            {t('site_added', site.domain)}
            {access[site.pattern] === false && (
              <>
                {' '}
                <span class="warning">({t('site_no_access')})</span>{' '}
                <button type="button" onClick={() => grant(site)}>
                  {t('site_grant')}
                </button>
              </>
            )}{' '}
            <button type="button" onClick={() => remove(site)} aria-label={`${t('remove')} ${site.domain}`}>
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add}>
        <label>
          {t('site_input')}
          <input
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
            placeholder="staging.example.com"
            maxLength={300}
            autoComplete="off"
            spellcheck={false}
            data-testid="site-input"
          />
        </label>
        <button type="submit" data-testid="add-site">
          {t('site_add')}
        </button>
      </form>
    </section>
  );
}
