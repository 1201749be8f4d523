import { phrase } from '../wording/phrase';
import { who } from './describe';
import type { RuleFinding, RuleImplementation } from './rule';

/**
 * §4 lines 60-70: a third party that sets cookies on a Jeejio page learns of
 * your visit and can recognise you; allowed only for the recipients listed.
 */
export const thirdPartyRecipient: RuleImplementation = {
  type: 'third-party-recipient',
  triggeredBy: ['cookie'],
  evaluate(context) {
    const findings: RuleFinding[] = [];
    for (const cookie of context.cookies) {
      const o = cookie.observation;
      if (o.action === 'removed' || cookie.party !== 'third-party') continue;
      const host = o.domain.replace(/^\./, '');
      if (context.isFirstPartyHost(host)) continue;
      if (cookie.recipient && context.policy.allowedRecipients.includes(cookie.recipient)) continue;
      findings.push({
        evidence: [cookie],
        subject: `${o.name}@${o.domain}${o.path}`,
        summary: phrase('summary_third_party_recipient', o.name, who(cookie.classification.vendor, host)),
        severity: cookie.classification.vendor ? 'high' : 'medium',
      });
    }
    return findings;
  },
};
