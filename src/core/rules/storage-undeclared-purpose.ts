import { phrase } from '../wording/phrase';
import { vendorName } from '../wording/vendor-name';
import { describePurpose } from './describe';
import type { RuleFinding, RuleImplementation } from './rule';

/** §7 line 93: browser local storage counts as cookies, so the same purposes bind it. */
export const storageUndeclaredPurpose: RuleImplementation = {
  type: 'storage-undeclared-purpose',
  triggeredBy: ['storage'],
  evaluate(context) {
    const findings: RuleFinding[] = [];
    for (const item of context.storage) {
      const { observation, classification } = item;
      if (observation.action === 'removed' || observation.action === 'cleared') continue;
      if (context.isDeclaredStorageKey(observation.key)) continue;
      const { purpose, vendor } = classification;
      if (purpose === 'unknown' || context.policy.declaredCookiePurposes.includes(purpose)) continue;
      findings.push({
        evidence: [item],
        subject: `${observation.area}:${observation.origin}:${observation.key}`,
        summary: vendor
          ? phrase(
              'summary_storage_purpose_vendor',
              vendorName(vendor),
              observation.area,
              observation.key,
              describePurpose(purpose),
            )
          : phrase('summary_storage_purpose', observation.area, observation.key, describePurpose(purpose)),
        severity: purpose === 'advertising' ? 'high' : 'medium',
      });
    }
    return findings;
  },
};
