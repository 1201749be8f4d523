/**
 * Names of request fields (URL query parameters, form and JSON body members)
 * whose value is a credential: what a login form posts and what an API takes
 * as a bearer of identity. Data, with where the convention is documented;
 * cookie and storage names are known to the classifier instead (role
 * `authentication`).
 */
export const CREDENTIAL_FIELD_NAMES: readonly { pattern: RegExp; source: string }[] = [
  {
    // Login forms: the password input's usual names.
    pattern: /^(password|passwd|pwd|pass|passcode|new_?password|old_?password|confirm_?password)$/i,
    source: 'https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html',
  },
  {
    // OAuth 2.0 and OpenID Connect parameters that carry a grant or a token.
    pattern: /^(access_token|refresh_token|id_token|code_verifier|client_secret|assertion)$/i,
    source: 'https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3',
  },
  {
    // Session ids and tokens passed in the URL or body, as sites name their own.
    pattern:
      /^(token|auth_?token|login_?token|session_?token|sessionid|session_id|jsessionid|phpsessid|sid|api_?key|apikey|secret|authorization)$/i,
    source:
      'https://owasp.org/www-community/vulnerabilities/Information_exposure_through_query_strings_in_url',
  },
];

export function isCredentialFieldName(name: string): boolean {
  return CREDENTIAL_FIELD_NAMES.some(({ pattern }) => pattern.test(name));
}
