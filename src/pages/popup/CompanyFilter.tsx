import type { CompanyGroup } from '../../core/report/findings-by-company';
import { phrase } from '../../core/wording/phrase';
import { phraseParts, t, vendorLabel } from '../shared/i18n';
import { Worded } from '../shared/Worded';

/**
 * The findings by who they are about, as chips that filter the list: the
 * company a reader knows (Google, 百度统计), the site itself, or an unlisted host.
 */
export function CompanyFilter({
  groups,
  chosen,
  onChoose,
}: {
  groups: readonly CompanyGroup[];
  chosen: string | null;
  onChoose: (key: string | null) => void;
}) {
  if (groups.length < 2) return null;
  const chip = (key: string | null, label: string, count: number, data: boolean) => (
    <li key={key ?? 'all'}>
      <button
        type="button"
        class="chip"
        aria-pressed={chosen === key}
        onClick={() => onChoose(chosen === key ? null : key)}
        data-company={key ?? 'all'}
      >
        {data ? (
          <Worded parts={phraseParts(phrase('company_chip', label, count))} />
        ) : (
          t('company_chip', label, count)
        )}
      </button>
    </li>
  );
  const total = groups.reduce((n, g) => n + g.findingIds.length, 0);
  return (
    <nav class="companies" aria-label={t('company_heading')} data-testid="companies">
      <ul>
        {chip(null, t('company_all'), total, false)}
        {groups.map((g) =>
          g.who.kind === 'site'
            ? chip(g.key, t('company_site'), g.findingIds.length, false)
            : g.who.kind === 'vendor'
              ? chip(g.key, vendorLabel(g.who.name), g.findingIds.length, false)
              : chip(g.key, g.who.name, g.findingIds.length, true),
        )}
      </ul>
    </nav>
  );
}
