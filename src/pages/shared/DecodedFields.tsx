import { shortText } from '../../core/formats/safe-text';
import type { Violation } from '../../core/report/report-types';
import { type MessageKey, t, vendorLabel } from './i18n';

type DecodedField = NonNullable<Violation['decoded']>[number];

/** The identity meanings the engine reports decoded fields for, worded in the reader's language. */
const MEANING_KEYS: Partial<Record<DecodedField['meaning'], MessageKey>> = {
  'account-id': 'phrase_meaning_account_id',
  email: 'phrase_meaning_email',
  'email-hash': 'phrase_meaning_email_hash',
  phone: 'phrase_meaning_phone',
  'phone-hash': 'phrase_meaning_phone_hash',
  name: 'phrase_meaning_name',
};

/**
 * What an SDK's payload said, decoded: the vendor, the field a reader can find
 * in the request, what it means and its value, masked. The evidence behind
 * "the account id went to Amplitude".
 */
export function DecodedFields({ violations }: { violations: readonly Violation[] }) {
  const seen = new Set<string>();
  const fields = violations
    .flatMap((v) => v.decoded ?? [])
    .filter((f) => {
      const key = `${f.vendor}\u0000${f.path}\u0000${f.meaning}\u0000${f.value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  if (fields.length === 0) return null;
  return (
    <div class="decoded" data-testid="decoded-fields">
      <p>{t('decoded_heading')}</p>
      <ul>
        {fields.map((f) => {
          const meaning = MEANING_KEYS[f.meaning];
          return (
            <li key={`${f.vendor}${f.path}${f.value}`} data-meaning={f.meaning}>
              {vendorLabel(f.vendor)} · <code translate={false}>{shortText(f.path, 120)}</code> —{' '}
              {meaning ? t(meaning) : f.meaning} (<code translate={false}>{shortText(f.value, 60)}</code>)
            </li>
          );
        })}
      </ul>
    </div>
  );
}
