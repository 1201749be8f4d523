import type { CookieRule } from './rule';

/**
 * §6 line 89: a login or session cookie on an HTTPS site must be Secure (never
 * sent over plain HTTP) and HttpOnly (not readable by scripts on the page).
 */
export const cookieLoginInsecure: CookieRule = {
  id: 'cookie-login-insecure',
  title: 'Login cookie without Secure or HttpOnly',
  clauseId: 'security.encryption',
  severity: 'high',
  check({ observation, classification }) {
    if (observation.action === 'removed' || classification.role !== 'authentication') return null;
    if (!observation.pageUrl.startsWith('https:')) return null;
    const missing = [!observation.secure && 'Secure', !observation.httpOnly && 'HttpOnly'].filter(Boolean);
    if (missing.length === 0) return null;
    const consequences = [
      !observation.secure && 'can travel over unencrypted HTTP',
      !observation.httpOnly && 'can be read by any script on the page',
    ].filter(Boolean);
    return {
      summary: `Login cookie "${observation.name}" lacks ${missing.join(' and ')}, so it ${consequences.join(' and ')}.`,
      severity: missing.length === 2 ? 'high' : 'medium',
    };
  },
};
