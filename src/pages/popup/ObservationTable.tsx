import { useState } from 'preact/hooks';
import { attributeToken, shortText } from '../../core/formats/safe-text';
import { cutNote, purposeLabel, t, vendorLabel } from '../shared/i18n';
import type { ObservationRow, RowKind } from './observation-rows';

/** Rows shown at first; the rest one click away, so a page with thousands renders at once. */
const PAGE = 100;

export function ObservationTable({
  kind,
  rows,
  onSelect,
}: {
  kind: RowKind;
  rows: ObservationRow[];
  onSelect: (row: ObservationRow) => void;
}) {
  const [shown, setShown] = useState(PAGE);
  if (rows.length === 0) return <p>{t('nothing_here')}</p>;
  return (
    <>
      <table class="rows" data-testid={`rows-${kind}`}>
        <thead>
          <tr>
            <th scope="col">{t('col_name')}</th>
            <th scope="col">{t('col_vendor')}</th>
            <th scope="col">{t('col_purpose')}</th>
            <th scope="col">{t('col_party')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((row) => (
            <tr
              key={row.key}
              class={row.violated ? 'violated' : ''}
              data-name={row.title}
              data-row-key={attributeToken(row.key)}
            >
              <td>
                {/* Names and addresses as the browser saw them: no translation tool rewrites them. */}
                <button
                  type="button"
                  class="link"
                  onClick={() => onSelect(row)}
                  title={row.where}
                  translate={row.title ? false : undefined}
                >
                  {row.title ? shortText(row.title, 48, cutNote) : t('no_name')}
                </button>
                {row.violated && <span class="visually-hidden"> ({t('tab_violations')})</span>}
                {!row.verified && <span class="claim-mark"> ({t('trust_claim')})</span>}
              </td>
              <td>{row.vendor ? vendorLabel(row.vendor) : t('vendor_unknown')}</td>
              <td data-testid={row.probe ? 'sdk-probe' : undefined}>
                {row.probe ? t('row_sdk_probe') : purposeLabel(row.purpose)}
              </td>
              <td>{row.party === 'first-party' ? t('party_first_short') : t('party_third_short')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          {t('show_more', Math.min(PAGE, rows.length - shown))}
        </button>
      )}
    </>
  );
}
