import type { Purpose } from '../classify/purpose';
import type { PersonalDataMatch, PersonalDataType } from '../personal-data/find-personal-data';

const PURPOSE_PHRASES: Record<Purpose, string> = {
  essential: 'the site to work',
  preferences: 'remembering your preferences',
  statistics: 'usage statistics',
  advertising: 'advertising',
  social: 'social-network tracking',
  'session-replay': 'session recording (replaying what you do on the page)',
  fingerprinting: 'browser fingerprinting',
  unknown: 'an unknown purpose',
};

export function describePurpose(purpose: Purpose): string {
  return PURPOSE_PHRASES[purpose];
}

const DATA_LABELS: Record<PersonalDataType, string> = {
  'phone-number': 'a phone number',
  'id-number': 'an ID card number',
  password: 'a password',
  email: 'an email address',
  'bank-card': 'a bank card number',
  'ip-address': 'an IP address',
  coordinates: 'a precise location',
  canary: 'your own contact details',
};

/** "a phone number and an email address (13*******78, a****@example.com)" */
export function describePersonalData(found: readonly PersonalDataMatch[]): string {
  const what = [...new Set(found.map((f) => DATA_LABELS[f.type]))].join(' and ');
  const shown = [
    ...new Set(found.map((f) => (f.canary ? `${f.canary.label}${hashNote(f)}` : f.masked))),
  ].join(', ');
  return `${what} (${shown})`;
}

function hashNote(match: PersonalDataMatch): string {
  return match.canary && match.canary.form !== 'plain' ? `, ${match.canary.form.toUpperCase()}-hashed` : '';
}

export function who(
  vendor: string | null,
  host: string,
  party: 'first-party' | 'third-party' = 'third-party',
): string {
  if (vendor) return `${vendor} (${host})`;
  return party === 'first-party' ? `the site's own host ${host}` : `the unlisted host ${host}`;
}

export function hostAndPath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url.slice(0, 100);
  }
}
