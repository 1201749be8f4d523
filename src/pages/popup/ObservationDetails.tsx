import { useEffect, useRef } from 'preact/hooks';
import { safeHref, shortText } from '../../core/formats/safe-text';
import type { ReportObservation, Violation } from '../../core/report/report-types';
import {
  actionLabel,
  cutNote,
  dateTimeText,
  isEnglishInterface,
  provenanceLabel,
  purposeLabel,
  ruleText,
  t,
  vendorLabel,
  violationSummaryParts,
} from '../shared/i18n';
import { Worded } from '../shared/Worded';
import type { ObservationRow } from './observation-rows';
import { ProofOf } from './ProofOf';

/** Everything recorded about one cookie, endpoint, storage key or fingerprinting call. */
const SHOWN_OBSERVATIONS = 20;

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
      <h2 id="details-heading" tabIndex={-1} ref={heading} translate={row.title ? false : undefined}>
        {row.title ? shortText(row.title, 80, cutNote) : t('no_name')}
      </h2>
      {/* The proof first: what is wrong with it, in the words of each finding. */}
      {citing.length > 0 && (
        <section class="what-is-wrong" data-testid="what-is-wrong">
          <h3>{t('field_what_is_wrong')}</h3>
          <ul>
            {citing.map((v) => (
              <li key={v.id} class={`severity-${v.severity}`}>
                <strong>{ruleText(v, 'title')}</strong>: <Worded parts={violationSummaryParts(v)} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <ProofOf observations={row.observations} />
      <dl>
        <dt>{t('col_vendor')}</dt>
        <dd>{row.vendor ? vendorLabel(row.vendor) : t('vendor_unknown')}</dd>
        <dt>{t('col_purpose')}</dt>
        <dd>{purposeLabel(row.purpose)}</dd>
      </dl>
      {/* How the catalogues classified it, with their sources: kept in English, and said to be. */}
      <details class="technical" data-testid="technical-details">
        <summary>{t(isEnglishInterface() ? 'technical_details' : 'technical_details_in_english')}</summary>
        <dl>
          <dt>{t('field_why')}</dt>
          <dd lang="en">{shortText(latest.classificationReason, 600)}</dd>
        </dl>
      </details>
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
        {provenanceLabel(o.provenance)}
        {o.action ? ` · ${actionLabel(o.action)}` : ''}
      </dd>
      <dt>{t('field_trust')}</dt>
      <dd class={o.verified ? '' : 'unverified'}>{o.verified ? t('trust_verified') : t('trust_claim')}</dd>
      <dt>{t('field_seen_at')}</dt>
      <dd>
        <time dateTime={o.observedAt}>{dateTimeText(o.observedAt)}</time>
      </dd>
      {o.value !== undefined && o.value !== '' && (
        <>
          <dt>{t('field_value')}</dt>
          <dd>
            <code translate={false}>{shortText(o.value, 200, cutNote)}</code>
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
              <a href={href} target="_blank" rel="noreferrer noopener" translate={false}>
                {shortText(o.url, 200, cutNote)}
              </a>
            ) : (
              <code translate={false}>{shortText(o.url, 200, cutNote)}</code>
            )}
          </dd>
        </>
      )}
      {o.scriptUrl && (
        <>
          <dt>{t('field_script')}</dt>
          <dd>
            <code translate={false}>{shortText(o.scriptUrl, 200, cutNote)}</code>
          </dd>
        </>
      )}
      {o.claimedScriptUrl && (
        <>
          <dt>{t('field_claimed_script')}</dt>
          <dd data-testid="claimed-script">
            <code translate={false}>{shortText(o.claimedScriptUrl, 200, cutNote)}</code>
          </dd>
        </>
      )}
      {o.initiator && (
        <>
          <dt>{t('field_initiator')}</dt>
          <dd>
            <code translate={false}>{shortText(o.initiator, 200, cutNote)}</code>
          </dd>
        </>
      )}
      {o.rawHeader && (
        <>
          <dt>{t('field_raw')}</dt>
          <dd>
            <code translate={false}>{shortText(o.rawHeader, 300, cutNote)}</code>
          </dd>
        </>
      )}
      {o.warnings && o.warnings.length > 0 && (
        <>
          <dt>{t('field_warnings')}</dt>
          {/* The parser's own words about a malformed header: kept in English, like the classification's. */}
          <dd lang="en">{o.warnings.map((w) => shortText(w, 200)).join(' ')}</dd>
        </>
      )}
    </dl>
  );
}
