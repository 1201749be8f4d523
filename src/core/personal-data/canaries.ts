/**
 * Canaries: the user's own phone number and email, looked for wherever a site
 * sends or stores them, in clear or hashed. Trackers hash contact details
 * before sending them (Meta's advanced matching and Google's enhanced
 * conversions use SHA-256 of the normalised email or phone; studies of email
 * tracking also found MD5 and SHA-1), so each normalised form is hashed once
 * here and every hex run of hash length in a value is looked up.
 *
 * The values and their hashes stay in a module-private WeakMap keyed by the
 * opaque handle: nothing enumerable on the handle holds them, so it can be
 * logged, cloned or serialised without exporting the user's details.
 */
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { isDigit, maskDigits, maskEmail } from './detectors';
import type { CanaryForm } from './types';

export interface CanaryInput {
  id: string;
  /** Shown in reports ("my phone"); must not be the value itself. */
  label: string;
  kind: 'phone' | 'email';
  value: string;
}

/** Opaque handle from prepareCanaries: lists the usable canaries, never their values. */
export interface PreparedCanaries {
  readonly canaries: readonly {
    readonly id: string;
    readonly label: string;
    readonly kind: 'phone' | 'email';
  }[];
}

export interface CanaryRef {
  readonly id: string;
  readonly label: string;
  readonly kind: 'phone' | 'email';
  /** The value masked like a detector match ("13*******78"). */
  readonly masked: string;
}

interface PhoneForm {
  /** Digits searched in clear: the national number for +86 mobiles. */
  readonly digits: string;
  /** Whether "86"/"0086" may stand right before the digits. */
  readonly chinaPrefix: boolean;
  readonly ref: CanaryRef;
}

interface Secrets {
  readonly phones: readonly PhoneForm[];
  readonly phoneNationals: ReadonlyMap<string, CanaryRef>;
  readonly emails: readonly { readonly value: string; readonly ref: CanaryRef }[];
  readonly hashes: ReadonlyMap<
    string,
    { readonly ref: CanaryRef; readonly form: Exclude<CanaryForm, 'plain'> }
  >;
  readonly minPhoneDigits: number;
}

const secrets = new WeakMap<PreparedCanaries, Secrets>();

const HASHES = [
  ['md5', md5],
  ['sha1', sha1],
  ['sha256', sha256],
] as const;

export function prepareCanaries(canaries: readonly CanaryInput[]): PreparedCanaries {
  const phones: PhoneForm[] = [];
  const phoneNationals = new Map<string, CanaryRef>();
  const emails: { value: string; ref: CanaryRef }[] = [];
  const hashes = new Map<string, { ref: CanaryRef; form: Exclude<CanaryForm, 'plain'> }>();
  const listed: { id: string; label: string; kind: 'phone' | 'email' }[] = [];

  const addHashes = (forms: readonly string[], ref: CanaryRef) => {
    for (const form of new Set(forms)) {
      const bytes = utf8ToBytes(form);
      for (const [name, hash] of HASHES) hashes.set(bytesToHex(hash(bytes)), { ref, form: name });
    }
  };

  for (const canary of canaries) {
    const { id, label, kind } = canary;
    if (kind === 'phone') {
      const phone = normalisePhone(canary.value);
      if (!phone) continue;
      const ref: CanaryRef = { id, label, kind, masked: maskDigits(phone.digits) };
      phones.push({ digits: phone.digits, chinaPrefix: phone.china, ref });
      if (phone.china) phoneNationals.set(phone.digits, ref);
      addHashes(phone.hashed, ref);
    } else if (kind === 'email') {
      const email = canary.value.trim().toLowerCase();
      if (!/^[^@\s]+@[^@\s]+$/.test(email)) continue;
      const ref: CanaryRef = { id, label, kind, masked: maskEmail(email) };
      emails.push({ value: email, ref });
      addHashes([email, ...gmailVariant(email)], ref);
    } else continue;
    listed.push({ id, label, kind });
  }

  const prepared: PreparedCanaries = Object.freeze({ canaries: Object.freeze(listed) });
  secrets.set(prepared, {
    phones,
    phoneNationals,
    emails,
    hashes,
    minPhoneDigits: Math.min(...phones.map((p) => p.digits.length)),
  });
  return prepared;
}

/**
 * Digits only. A mainland mobile (11 digits from 1[3-9], with or without
 * +86 / 86 / 0086) is searched as its national number and hashed as
 * "13812345678", "8613812345678" and "+8613812345678" (Meta hashes the
 * digits with the country code, Google the E.164 form). Other numbers are
 * searched and hashed as written, with and without "+".
 */
function normalisePhone(value: string): { digits: string; china: boolean; hashed: string[] } | undefined {
  let digits = value.replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(2);
  const national = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  if (/^1[3-9]\d{9}$/.test(national)) {
    return { digits: national, china: true, hashed: [national, `86${national}`, `+86${national}`] };
  }
  if (digits.length < 7 || digits.length > 15) return undefined;
  return { digits, china: false, hashed: [digits, `+${digits}`] };
}

/** Google normalises Gmail addresses by dropping the dots of the local part before hashing. */
function gmailVariant(email: string): string[] {
  const [local = '', domain = ''] = email.split('@');
  return (domain === 'gmail.com' || domain === 'googlemail.com') && local.includes('.')
    ? [`${local.replace(/\./g, '')}@${domain}`]
    : [];
}

/** What a text must contain before searching it for canaries is worth it. */
export interface CanaryHints {
  /** Longest run of ASCII digits in the text. */
  maxDigitRun: number;
  hasAt: boolean;
  /** Longest run of hex digits. */
  maxHexRun: number;
}

const HEX_RUN = /(?<![0-9A-Fa-f])[0-9A-Fa-f]{32,64}(?![0-9A-Fa-f])/g;

/** Calls back for each canary found in the text, in clear or as a hex MD5/SHA-1/SHA-256 (any case). */
export function findCanaries(
  prepared: PreparedCanaries,
  text: string,
  hints: CanaryHints,
  found: (ref: CanaryRef, form: CanaryForm) => void,
): void {
  const s = secrets.get(prepared);
  if (!s) return;
  if (hints.maxDigitRun >= s.minPhoneDigits) {
    for (const phone of s.phones) {
      if (containsPhone(text, phone)) found(phone.ref, 'plain');
    }
  }
  if (hints.hasAt && s.emails.length > 0) {
    const lower = text.toLowerCase();
    for (const email of s.emails) {
      if (containsEmail(lower, email.value)) found(email.ref, 'plain');
    }
  }
  if (hints.maxHexRun >= 32 && s.hashes.size > 0) {
    HEX_RUN.lastIndex = 0;
    for (let m = HEX_RUN.exec(text); m !== null; m = HEX_RUN.exec(text)) {
      const len = m[0].length;
      if (len !== 32 && len !== 40 && len !== 64) continue;
      const hit = s.hashes.get(m[0].toLowerCase());
      if (hit) found(hit.ref, hit.form);
    }
  }
}

/** The canary a mainland mobile number found by the phone detector belongs to ("138 1234 5678"). */
export function phoneCanary(prepared: PreparedCanaries, national: string): CanaryRef | undefined {
  return secrets.get(prepared)?.phoneNationals.get(national);
}

export function hasPhoneCanaries(prepared: PreparedCanaries): boolean {
  return (secrets.get(prepared)?.phoneNationals.size ?? 0) > 0;
}

function containsPhone(text: string, phone: PhoneForm): boolean {
  const { digits } = phone;
  for (let i = text.indexOf(digits); i !== -1; i = text.indexOf(digits, i + 1)) {
    const after = i + digits.length;
    if (after < text.length && isDigit(text.charCodeAt(after))) continue;
    if (i === 0 || !isDigit(text.charCodeAt(i - 1))) return true;
    if (phone.chinaPrefix && text.startsWith('86', i - 2)) {
      const j = i - 2;
      if (j === 0 || !isDigit(text.charCodeAt(j - 1))) return true;
      if (text.startsWith('00', j - 2) && (j === 2 || !isDigit(text.charCodeAt(j - 3)))) return true;
    }
  }
  return false;
}

const LOCAL_PART_CHAR = /[a-z0-9._+-]/;
const DOMAIN_CHAR = /[a-z0-9-]/;

function containsEmail(lowerText: string, email: string): boolean {
  for (let i = lowerText.indexOf(email); i !== -1; i = lowerText.indexOf(email, i + 1)) {
    const before = lowerText[i - 1] ?? '';
    const after = lowerText[i + email.length] ?? '';
    const next = lowerText[i + email.length + 1] ?? '';
    if (LOCAL_PART_CHAR.test(before) || DOMAIN_CHAR.test(after)) continue;
    if (after === '.' && /[a-z]/.test(next)) continue;
    return true;
  }
  return false;
}
