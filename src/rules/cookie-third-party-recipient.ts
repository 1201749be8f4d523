import { classifyHost } from '../classify/classify-host';
import { isMonitoredHost } from '../sites/monitored-sites';
import type { CookieRule } from './rule';

/**
 * §4 lines 60-70: a third party setting cookies on a Jeejio page receives your
 * visit; that is allowed only for the kinds of recipient the policy lists.
 */
export const cookieThirdPartyRecipient: CookieRule = {
  id: 'cookie-third-party-recipient',
  title: 'Third-party cookie from a recipient the policy does not allow',
  clauseId: 'sharing.third-parties',
  severity: 'high',
  check({ observation, party }, policy) {
    if (observation.action === 'removed' || party !== 'third-party') return null;
    const host = observation.domain.replace(/^\./, '');
    if (isMonitoredHost(host, policy.firstPartyDomains)) return null;
    const known = classifyHost(host);
    if (known?.recipient && policy.allowedRecipients.includes(known.recipient)) return null;
    const who = known ? `${known.vendor} (${host})` : `the unlisted host ${host}`;
    return {
      summary: `Cookie "${observation.name}" is set by ${who}, a third party that is neither Jeejio nor a recipient the policy allows.`,
      severity: known ? 'high' : 'medium',
    };
  },
};
