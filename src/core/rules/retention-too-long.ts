import { phrase } from '../wording/phrase';
import { describePurpose } from './describe';
import type { RuleFinding, RuleImplementation } from './rule';

const DAY_MS = 86_400_000;

/**
 * Advice, on §7 lines 92-93: a cookie kept far longer than its declared
 * purpose needs collects more than the purpose justifies. The policy sets no
 * cookie lifetime; the bounds are the model's `retentionDays` (by default
 * about 13 months for statistics, a regulator's recommendation), so findings
 * are advice, not broken promises, and an auditor can set their own bounds.
 */
export const retentionTooLong: RuleImplementation = {
  type: 'retention-too-long',
  triggeredBy: ['cookie'],
  basis: 'guidance',
  evaluate({ cookies, policy }) {
    const findings: RuleFinding[] = [];
    for (const cookie of cookies) {
      const o = cookie.observation;
      if (o.action === 'removed' || o.expires === undefined) continue;
      const bound = policy.retentionDays[cookie.classification.purpose];
      if (bound === undefined) continue;
      const days = Math.floor((o.expires * 1000 - o.observedAt) / DAY_MS);
      if (!(days > bound)) continue;
      findings.push({
        evidence: [cookie],
        subject: `${o.name}@${o.domain}${o.path}`,
        summary: phrase(
          'summary_retention_too_long',
          o.name,
          describePurpose(cookie.classification.purpose),
          days,
          bound,
        ),
      });
    }
    return findings;
  },
};
