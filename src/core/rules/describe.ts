import type { Purpose } from '../classify/purpose';
import type { PersonalDataMatch } from '../personal-data/find-personal-data';
import { andList, commaList, type Phrase, type PhraseArg, phrase } from '../wording/phrase';
import { vendorName } from '../wording/vendor-name';

/** "usage statistics": a purpose as the object of a sentence. */
export function describePurpose(purpose: Purpose): Phrase {
  return phrase(`phrase_purpose_${purpose.replace(/-/g, '_')}`);
}

/** "a phone number and an email address (13*******78, a****@example.com)" */
export function describePersonalData(found: readonly PersonalDataMatch[]): Phrase {
  const kinds = [...new Set(found.map((f) => f.type))].map((type) =>
    phrase(`phrase_data_${type.replace(/-/g, '_')}`),
  );
  const shown = new Map<string, PhraseArg>();
  for (const f of found) {
    if (!f.canary) shown.set(`masked:${f.masked}`, f.masked);
    else if (f.canary.form === 'plain') shown.set(`canary:${f.canary.label}`, f.canary.label);
    else
      shown.set(
        `canary:${f.canary.label}:${f.canary.form}`,
        phrase('phrase_canary_hashed', f.canary.label, f.canary.form.toUpperCase()),
      );
  }
  return phrase('phrase_data_shown', andList(kinds), commaList([...shown.values()]));
}

export function who(
  vendor: string | null,
  host: string,
  party: 'first-party' | 'third-party' = 'third-party',
): Phrase {
  if (vendor) return phrase('phrase_who_vendor', vendorName(vendor), host);
  return phrase(party === 'first-party' ? 'phrase_who_own_host' : 'phrase_who_unlisted_host', host);
}

export function hostAndPath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url.slice(0, 100);
  }
}
