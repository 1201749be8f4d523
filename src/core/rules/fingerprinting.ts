import { phrase } from '../wording/phrase';
import { vendorName } from '../wording/vendor-name';
import { hostAndPath } from './describe';
import type { RuleFinding, RuleImplementation } from './rule';

/**
 * §7 lines 92-93: "cookies and similar technologies, like device identifiers"
 * serve only the purposes the policy lists. A fingerprint is such an
 * identifier, made from the device itself, and the user cannot delete it.
 */
export const fingerprinting: RuleImplementation = {
  type: 'fingerprinting',
  triggeredBy: ['fingerprint'],
  evaluate({ fingerprints }) {
    const findings: RuleFinding[] = [];
    for (const item of fingerprints) {
      const { observation, classification } = item;
      const script = observation.scriptUrl ? hostAndPath(observation.scriptUrl) : 'an inline script';
      // The page's own words for what the script did stay in the evidence; the summary names the technique.
      const whose = !observation.scriptUrl
        ? phrase('phrase_inline_script')
        : classification.vendor
          ? phrase('phrase_script_of_vendor', vendorName(classification.vendor), script)
          : phrase('phrase_script', script);
      findings.push({
        evidence: [item],
        subject: `${observation.technique}@${script}`,
        summary: phrase('summary_fingerprinting', whose, phrase(`phrase_fp_${observation.technique}`)),
      });
    }
    return findings;
  },
};
