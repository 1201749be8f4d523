import { findSensitiveData, type SensitiveDataType } from '../personal-data/find-sensitive-data';
import type { CookieRule } from './rule';

const LABELS: Record<SensitiveDataType, string> = {
  'phone-number': 'a phone number',
  'id-number': 'an ID card number',
  password: 'a password',
  email: 'an email address',
};

/** §6 line 89 (encryption), with §2 line 39 naming the phone number sensitive. */
export const cookieSensitiveInClear: CookieRule = {
  id: 'cookie-sensitive-in-clear',
  title: 'Personal information stored in clear in a cookie',
  clauseId: 'security.encryption',
  severity: 'high',
  check({ observation }) {
    if (observation.action === 'removed') return null;
    const found = findSensitiveData(observation.name, observation.value);
    if (found.length === 0) return null;
    const what = [...new Set(found.map((f) => LABELS[f.type]))].join(' and ');
    const shown = found.map((f) => f.masked).join(', ');
    const onlyEmail = found.every((f) => f.type === 'email');
    return {
      summary: `Cookie "${observation.name}" holds ${what} in readable form (${shown}), where the policy promises encryption.`,
      severity: onlyEmail ? 'medium' : 'high',
    };
  },
};
