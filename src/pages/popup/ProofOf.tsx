import { useEffect, useState } from 'preact/hooks';
import { shortText } from '../../core/formats/safe-text';
import type { PersonalDataType } from '../../core/personal-data/types';
import type { ParameterProof } from '../../core/report/parameter-proof';
import type { ReportObservation } from '../../core/report/report-types';
import { cutNote, type MessageKey, t } from '../shared/i18n';

const DATA_KEYS: Record<PersonalDataType, MessageKey> = {
  'phone-number': 'phrase_data_phone_number',
  'id-number': 'phrase_data_id_number',
  password: 'phrase_data_password',
  email: 'phrase_data_email',
  'bank-card': 'phrase_data_bank_card',
  'ip-address': 'phrase_data_ip_address',
  coordinates: 'phrase_data_coordinates',
  canary: 'phrase_data_canary',
};

/**
 * What shows the problem, read off the evidence itself: a cookie's security
 * attributes (HttpOnly: missing), a request's parameters with the one that
 * carried personal data marked (ep = 138*****678).
 */
export function ProofOf({ observations }: { observations: readonly ReportObservation[] }) {
  // The latest sighting that can show it: a page hook's claim of a cookie write carries no attributes.
  const cookie = observations.findLast((o) => o.kind === 'cookie' && o.httpOnly !== undefined);
  if (cookie) return <CookieProof cookie={cookie} />;
  const request = observations.findLast((o) => (o.kind === 'beacon' || o.kind === 'request') && o.url);
  return request ? <RequestProof request={request} /> : null;
}

function CookieProof({ cookie: o }: { cookie: ReportObservation }) {
  const flag = (on: boolean | undefined) =>
    on ? t('proof_attribute_set') : <mark class="missing">{t('proof_attribute_missing')}</mark>;
  return (
    <section class="proof" data-testid="proof">
      <h3>{t('proof_heading')}</h3>
      <dl>
        <dt>Secure</dt>
        <dd>{flag(o.secure)}</dd>
        <dt>HttpOnly</dt>
        <dd>{flag(o.httpOnly)}</dd>
        {o.sameSite && (
          <>
            <dt>SameSite</dt>
            <dd translate={false}>{o.sameSite}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function RequestProof({ request: o }: { request: ReportObservation }) {
  const [proof, setProof] = useState<{ params: ParameterProof[]; more: number } | null>(null);
  useEffect(() => {
    let current = true;
    // Loaded when evidence is opened: the personal-data readers are not what opening the popup should wait for.
    void import('../../core/report/parameter-proof').then(({ parameterProof }) => {
      if (current) setProof(parameterProof(o.url ?? '', o.requestBody));
    });
    return () => {
      current = false;
    };
  }, [o.url, o.requestBody]);
  if (!proof || proof.params.length === 0) return null;
  const { params, more } = proof;
  return (
    <section class="proof" data-testid="proof">
      <h3>{t('proof_parameters')}</h3>
      <ul class="parameters">
        {params.map((p) => (
          <li key={p.name} data-found={p.found.join(' ') || undefined}>
            {p.found.length > 0 ? (
              <mark>
                <code translate={false}>
                  {shortText(p.name, 60, cutNote)} = {shortText(p.shown, 120, cutNote)}
                </code>{' '}
                {t('proof_holds', p.found.map((type) => t(DATA_KEYS[type])).join(t('list_separator')))}
              </mark>
            ) : (
              <code translate={false}>
                {shortText(p.name, 60, cutNote)} = {shortText(p.shown, 120, cutNote)}
              </code>
            )}
          </li>
        ))}
      </ul>
      {more > 0 && <p>{t('proof_parameters_more', more)}</p>}
    </section>
  );
}
