/** Why a cookie, storage key or request exists, as far as can be known. */
export type Purpose =
  | 'essential'
  | 'preferences'
  | 'statistics'
  | 'advertising'
  | 'social'
  | 'session-replay'
  | 'fingerprinting'
  | 'unknown';

export const PURPOSES: readonly Purpose[] = [
  'essential',
  'preferences',
  'statistics',
  'advertising',
  'social',
  'session-replay',
  'fingerprinting',
  'unknown',
];

/**
 * Finer role of an essential cookie. `authentication` marks login and session
 * identifiers, which the security rule holds to Secure and HttpOnly.
 */
export type EssentialRole = 'authentication' | 'csrf' | 'security' | 'load-balancing' | 'consent';

/**
 * The kinds of third party Jeejio's policy names as allowed recipients of
 * personal information (§4, lines 64-70).
 */
export type RecipientCategory = 'certification' | 'affiliate' | 'push-notification' | 'payment';
