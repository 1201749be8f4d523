import type { Purpose } from '../classify/purpose';
import { phrase } from '../wording/phrase';
import { describePurpose, who } from './describe';
import { recipientOf } from './network-evidence';
import type { RuleFinding, RuleImplementation } from './rule';

/**
 * Purposes a request serves that no clause of the policy allows a Jeejio page
 * to send hits for. Statistics and security hits are declared (§7 line 95
 * lets beacons count visitors); they break a promise only by what they carry,
 * which other rules judge.
 */
const UNDECLARED_HIT_PURPOSES: ReadonlySet<Purpose> = new Set([
  'advertising',
  'session-replay',
  'fingerprinting',
]);

/**
 * §7 lines 92-95: beacons and cookies serve only the purposes the policy
 * lists. A hit to an advertising, session-replay or fingerprinting service
 * tells it of the visit whether or not a cookie comes with it (third-party
 * cookies are blocked in many browsers now, and the hit still leaves), so the
 * hit is judged by its own purpose. All hits to one recipient are one
 * finding, listing every request.
 */
export const undeclaredHitPurpose: RuleImplementation = {
  type: 'undeclared-hit-purpose',
  triggeredBy: ['request', 'beacon'],
  evaluate(context) {
    const findings: RuleFinding[] = [];
    for (const request of context.network) {
      const { purpose, vendor } = request.classification;
      if (!UNDECLARED_HIT_PURPOSES.has(purpose)) continue;
      if (context.policy.declaredCookiePurposes.includes(purpose)) continue;
      if (request.recipient && context.policy.allowedRecipients.includes(request.recipient)) continue;
      findings.push({
        evidence: [request],
        subject: `${recipientOf(request)}: ${purpose}`,
        summary: phrase(
          'summary_hit_undeclared_purpose',
          who(vendor, request.host, request.party),
          describePurpose(purpose),
        ),
      });
    }
    return findings;
  },
};
