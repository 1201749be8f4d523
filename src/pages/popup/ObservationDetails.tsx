import { useEffect, useRef } from 'preact/hooks';
import { safeHref, shortText } from '../../core/formats/safe-text';
import type { Provenance } from '../../core/observations/observation';
import type { ReportObservation, Violation } from '../../core/report/report-types';
import { purposeLabel, ruleText, t } from '../shared/i18n';
import type { ObservationRow } from './observation-rows';

/** Everything recorded about one cookie, endpoint, storage key or fingerprinting call. */
const SHOWN_OBSERVATIONS = 20;

const PROVENANCE_KEYS = {
  'cookies-api': 'provenance_cookies_api',
  webRequest: 'provenance_webRequest',
  dom: 'provenance_dom',
  'page-hook': 'provenance_page_hook',
  extension: 'provenance_extension',
} as const satisfies Record<Provenance, string>;

export function ObservationDetails({
  row,
  violations,
  onBack,
}: {
  row: ObservationRow;
  violations: Violation[];
  onBack: () => void;
}) {
  const ids = new Set(row.observations.map((o) => o.id));
  const citing = violations.filter((v) => v.observationIds.some((id) => ids.has(id)));
  const latest = row.observations[row.observations.length - 1] as ReportObservation;
  // The user asked for this view: keyboard and screen-reader users land on its heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="details" aria-labelledby="details-heading" data-testid="details">
      <button type="button" onClick={onBack}>
        ← {t('back')}
      </button>
      <h2 id="details-heading" tabIndex={-1} ref={heading}>
        {shortText(row.title || '(no name)', 80)}
      </h2>
      <dl>
        <dt>{t('col_vendor')}</dt>
        <dd>{row.vendor ?? t('vendor_unknown')}</dd>
        <dt>{t('col_purpose')}</dt>
        <dd>{purposeLabel(row.purpose)}</dd>
        <dt>{t('field_why')}</dt>
        <dd>{shortText(latest.classificationReason, 600)}</dd>
        {citing.length > 0 && (
          <>
            <dt>{t('field_violations')}</dt>
            <dd>
              <ul>
                {citing.map((v) => (
                  <li key={v.id}>{ruleText(v, 'title')}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <ol class="sightings">
        {row.observations.slice(-SHOWN_OBSERVATIONS).map((o) => (
          <li key={o.id} data-provenance={o.provenance}>
            <Sighting observation={o} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function Sighting({ observation: o }: { observation: ReportObservation }) {
  const href = safeHref(o.url);
  return (
    <dl>
      <dt>{t('field_provenance')}</dt>
      <dd>
        {t(PROVENANCE_KEYS[o.provenance])}
        {o.action ? ` · ${o.action}` : ''}
      </dd>
      <dt>{t('field_trust')}</dt>
      <dd class={o.verified ? '' : 'unverified'}>{o.verified ? t('trust_verified') : t('trust_claim')}</dd>
      <dt>{t('field_seen_at')}</dt>
      <dd>
        <time dateTime={o.observedAt}>{new Date(o.observedAt).toLocaleString()}</time>
      </dd>
      {o.value !== undefined && o.value !== '' && (
        <>
          <dt>{t('field_value')}</dt>
          <dd>
            <code>{shortText(o.value, 200)}</code>
            {o.valueLength !== undefined && o.valueLength > 200 && ` (${t('characters', o.valueLength)})`}
          </dd>
        </>
      )}
      {o.url && (
        <>
          <dt>{t('field_url')}</dt>
          <dd>
            {o.method ? `${o.method} ` : ''}
            {href ? (
              <a href={href} target="_blank" rel="noreferrer noopener">
                {shortText(o.url, 200)}
              </a>
            ) : (
              <code>{shortText(o.url, 200)}</code>
            )}
          </dd>
        </>
      )}
      {o.scriptUrl && (
        <>
          <dt>{t('field_script')}</dt>
          <dd>
            <code>{shortText(o.scriptUrl, 200)}</code>
          </dd>
        </>
      )}
      {o.claimedScriptUrl && (
        <>
          <dt>{t('field_claimed_script')}</dt>
          <dd data-testid="claimed-script">
            <code>{shortText(o.claimedScriptUrl, 200)}</code>
          </dd>
        </>
      )}
      {o.initiator && (
        <>
          <dt>{t('field_initiator')}</dt>
          <dd>
            <code>{shortText(o.initiator, 200)}</code>
          </dd>
        </>
      )}
      {o.rawHeader && (
        <>
          <dt>{t('field_raw')}</dt>
          <dd>
            <code>{shortText(o.rawHeader, 300)}</code>
          </dd>
        </>
      )}
      {o.warnings && o.warnings.length > 0 && (
        <>
          <dt>{t('field_warnings')}</dt>
          <dd>{o.warnings.map((w) => shortText(w, 200)).join(' ')}</dd>
        </>
      )}
    </dl>
  );
}
