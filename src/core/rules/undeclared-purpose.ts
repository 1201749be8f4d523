import { phrase } from '../wording/phrase';
import { vendorName } from '../wording/vendor-name';
import { describePurpose } from './describe';
import type { RuleFinding, RuleImplementation } from './rule';

/** §7 lines 92-93: cookies only for the purposes the policy lists. */
export const undeclaredPurpose: RuleImplementation = {
  type: 'undeclared-purpose',
  triggeredBy: ['cookie'],
  evaluate({ cookies, policy }) {
    const findings: RuleFinding[] = [];
    for (const cookie of cookies) {
      const { observation, classification } = cookie;
      if (observation.action === 'removed') continue;
      const { purpose, vendor, crossSite } = classification;
      const undeclared = purpose !== 'unknown' && !policy.declaredCookiePurposes.includes(purpose);
      if (!undeclared && !crossSite) continue;
      const subject = `${observation.name}@${observation.domain}${observation.path}`;
      if (undeclared) {
        findings.push({
          evidence: [cookie],
          subject,
          summary: vendor
            ? phrase(
                'summary_cookie_purpose_vendor',
                vendorName(vendor),
                observation.name,
                describePurpose(purpose),
              )
            : phrase('summary_cookie_purpose', observation.name, describePurpose(purpose)),
          severity: purpose === 'advertising' || crossSite ? 'high' : 'medium',
        });
      } else {
        findings.push({
          evidence: [cookie],
          subject,
          summary: vendor
            ? phrase('summary_cookie_cross_site_vendor', vendorName(vendor), observation.name)
            : phrase('summary_cookie_cross_site', observation.name),
        });
      }
    }
    return findings;
  },
};
