import type { CookieRule } from './rule';

/** §7 lines 92-93: cookies only for the purposes the policy lists. */
export const cookieUndeclaredPurpose: CookieRule = {
  id: 'cookie-undeclared-purpose',
  title: 'Cookie used for a purpose the policy does not declare',
  clauseId: 'cookies.declared-purposes',
  severity: 'high',
  check({ observation, classification }, policy) {
    if (observation.action === 'removed') return null;
    const { purpose, vendor, crossSite } = classification;
    const who = vendor ? `${vendor}'s` : 'A';
    if (purpose !== 'unknown' && !policy.declaredCookiePurposes.includes(purpose)) {
      return {
        summary: `${who} cookie "${observation.name}" serves ${describePurpose(purpose)}, which the policy does not list as a use of cookies.`,
        severity: purpose === 'advertising' || crossSite ? 'high' : 'medium',
      };
    }
    if (crossSite) {
      return {
        summary: `${who} cookie "${observation.name}" follows you across websites; the policy lists no cross-site tracking among its cookie purposes.`,
      };
    }
    return null;
  },
};

function describePurpose(purpose: string): string {
  switch (purpose) {
    case 'advertising':
      return 'advertising';
    case 'social':
      return 'social-network tracking';
    case 'session-replay':
      return 'session recording (replaying what you do on the page)';
    case 'fingerprinting':
      return 'browser fingerprinting';
    default:
      return purpose;
  }
}
