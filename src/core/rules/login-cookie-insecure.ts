import { andList, phrase } from '../wording/phrase';
import type { RuleFinding, RuleImplementation } from './rule';

/**
 * §6 line 89: a login or session cookie on an HTTPS site must be Secure (never
 * sent over plain HTTP) and HttpOnly (not readable by scripts on the page).
 */
export const loginCookieInsecure: RuleImplementation = {
  type: 'login-cookie-insecure',
  triggeredBy: ['cookie'],
  evaluate({ cookies }) {
    const findings: RuleFinding[] = [];
    for (const cookie of cookies) {
      const { observation, classification } = cookie;
      if (observation.action === 'removed' || classification.role !== 'authentication') continue;
      if (!observation.pageUrl.startsWith('https:')) continue;
      const missing = [
        ...(observation.secure ? [] : ['Secure']),
        ...(observation.httpOnly ? [] : ['HttpOnly']),
      ];
      if (missing.length === 0) continue;
      const consequences = [
        ...(observation.secure ? [] : [phrase('phrase_consequence_http')]),
        ...(observation.httpOnly ? [] : [phrase('phrase_consequence_script')]),
      ];
      findings.push({
        evidence: [cookie],
        subject: `${observation.name}@${observation.domain}${observation.path}`,
        summary: phrase(
          'summary_login_cookie_insecure',
          observation.name,
          andList(missing),
          andList(consequences),
        ),
        severity: missing.length === 2 ? 'high' : 'medium',
      });
    }
    return findings;
  },
};
