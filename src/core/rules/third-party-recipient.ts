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
  title: 'Third-party cookie from a recipient the policy does not allow',
  explanation:
    'A third party that sets a cookie on a Jeejio page learns that you visited it and can recognise you the next time. The policy allows sharing only with certification partners, affiliates, push-notification and payment providers, or with your consent; any other third party setting cookies receives more than the policy permits.',
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
