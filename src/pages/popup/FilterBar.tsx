import { PURPOSES } from '../../core/classify/purpose';
import { purposeLabel, t } from '../shared/i18n';
import type { RowFilter } from './observation-rows';

export function FilterBar({
  filter,
  onChange,
}: {
  filter: RowFilter;
  onChange: (filter: RowFilter) => void;
}) {
  return (
    <div class="filters">
      <label>
        <span class="visually-hidden">{t('filter_search')}</span>
        <input
          type="search"
          placeholder={t('filter_search')}
          value={filter.search}
          onInput={(e) => onChange({ ...filter, search: e.currentTarget.value })}
          data-testid="filter-search"
        />
      </label>
      <label>
        <span class="visually-hidden">{t('filter_party')}</span>
        <select
          value={filter.party}
          onChange={(e) => onChange({ ...filter, party: e.currentTarget.value as RowFilter['party'] })}
          data-testid="filter-party"
        >
          <option value="all">{t('party_all')}</option>
          <option value="first-party">{t('party_first')}</option>
          <option value="third-party">{t('party_third')}</option>
        </select>
      </label>
      <label>
        <span class="visually-hidden">{t('filter_purpose')}</span>
        <select
          value={filter.purpose}
          onChange={(e) => onChange({ ...filter, purpose: e.currentTarget.value as RowFilter['purpose'] })}
          data-testid="filter-purpose"
        >
          <option value="all">{t('purpose_all')}</option>
          {PURPOSES.map((p) => (
            <option key={p} value={p}>
              {purposeLabel(p)}
            </option>
          ))}
        </select>
      </label>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={filter.onlyViolations}
          onChange={(e) => onChange({ ...filter, onlyViolations: e.currentTarget.checked })}
          data-testid="filter-violations"
        />
        {t('filter_only_violations')}
      </label>
    </div>
  );
}
