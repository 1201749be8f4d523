import { cookieLoginInsecure } from './cookie-login-insecure';
import { cookieSensitiveInClear } from './cookie-sensitive-in-clear';
import { cookieThirdPartyRecipient } from './cookie-third-party-recipient';
import { cookieUndeclaredPurpose } from './cookie-undeclared-purpose';
import type { CookieRule } from './rule';

/** Bumped whenever a rule is added or changes its verdicts. */
export const RULE_SET_VERSION = '1';

export const COOKIE_RULES: readonly CookieRule[] = [
  cookieUndeclaredPurpose,
  cookieSensitiveInClear,
  cookieLoginInsecure,
  cookieThirdPartyRecipient,
];
