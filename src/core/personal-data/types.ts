/** What kind of personal data a match is. */
export type PersonalDataType =
  | 'phone-number'
  | 'id-number'
  | 'password'
  | 'email'
  | 'bank-card'
  | 'ip-address'
  | 'coordinates'
  | 'canary';

/**
 * The outermost layer that had to be taken off the scanned value to reach the
 * match (the first step of the route from the value to it):
 *
 * - `plain`: readable in the value as it is, no decoding;
 * - `url-encoded`: the value was percent-encoded (e.g. `%7B%22tel%22…`);
 * - `base64`: the value was Base64 / Base64url text (a JWT counts);
 * - `json`: the value was a JSON document;
 * - `query`: the value was a query string, form body or URL with a query.
 *
 * Deeper layers (JSON inside a Base64 query parameter…) do not change it;
 * `path` says where inside the structure the match sits.
 */
export type PersonalDataEncoding = 'plain' | 'url-encoded' | 'base64' | 'json' | 'query';

export type CanaryForm = 'plain' | 'md5' | 'sha1' | 'sha256';

export interface PersonalDataMatch {
  type: PersonalDataType;
  /** Safe to show: never the full value. */
  masked: string;
  encoding: PersonalDataEncoding;
  /** JSON path (`user.mobile`, `items[0].tel`) or parameter name, when known. */
  path?: string;
  /** For `type: 'canary'`: which of the user's own values leaked, and in which form. */
  canary?: { id: string; label: string; form: CanaryForm };
}
