/**
 * What a value in an analytics payload stands for, as the vendor's own
 * documentation or SDK source says. A closed list: rules decide by it.
 */
export const PAYLOAD_MEANINGS = [
  'account-id',
  'device-id',
  'email',
  'email-hash',
  'phone',
  'phone-hash',
  'name',
  'ip-address',
  'page-url',
  'referrer',
  'event',
] as const;

export type PayloadMeaning = (typeof PAYLOAD_MEANINGS)[number];

/**
 * Meanings that identify the person behind the account (§1 counts the online
 * account and contact details as personal information). A device id is left
 * out on purpose: it names a browser, and is judged by its purpose elsewhere.
 */
const IDENTITY_MEANINGS: ReadonlySet<PayloadMeaning> = new Set<PayloadMeaning>([
  'account-id',
  'email',
  'email-hash',
  'phone',
  'phone-hash',
  'name',
]);

export function isIdentityMeaning(meaning: PayloadMeaning): boolean {
  return IDENTITY_MEANINGS.has(meaning);
}

/**
 * Meanings whose value tells one visitor from another: the person's identity,
 * and the browser's device id, which follows a visitor whether or not cookies
 * are kept. Page addresses, referrers and event names do not.
 */
export function tellsVisitorsApart(meaning: PayloadMeaning): boolean {
  return meaning === 'device-id' || IDENTITY_MEANINGS.has(meaning);
}

const HEX_DIGEST = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$/i;

/**
 * The meaning a value actually has: a field a table calls an email may hold
 * its hash (Meta and TikTok hash before sending), and a field documented as a
 * hash may hold the address in clear when a site skipped the hashing.
 */
export function refineMeaning(declared: PayloadMeaning, value: string): PayloadMeaning {
  if (declared === 'email' || declared === 'email-hash') {
    if (HEX_DIGEST.test(value)) return 'email-hash';
    return value.includes('@') ? 'email' : declared;
  }
  if (declared === 'phone' || declared === 'phone-hash') {
    if (HEX_DIGEST.test(value)) return 'phone-hash';
    return /^\+?[\d\s()-]{6,20}$/.test(value) ? 'phone' : declared;
  }
  return declared;
}

/**
 * Values SDKs send in place of an identity they do not have: a JavaScript
 * `undefined` or `null` turned into text, an empty string, a zero.
 */
const PLACEHOLDERS = new Set([
  '',
  'undefined',
  'null',
  'nil',
  'none',
  'nan',
  'false',
  '0',
  '-1',
  '[]',
  '{}',
  '""',
  'anonymous',
  'guest',
]);

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDERS.has(value.trim().toLowerCase());
}
