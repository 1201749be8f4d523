import { phrase } from '../wording/phrase';
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
  title: 'Browser fingerprinting, which the policy does not declare',
  explanation:
    'The policy treats device identifiers as a technology like cookies, used only for the purposes it lists. A script that reads back a canvas after drawing text, probes the audio stack, asks for the graphics card or tests which fonts are installed builds an identifier out of your device itself: one you cannot see or delete, and that no listed purpose needs.',
  evaluate({ fingerprints }) {
    const findings: RuleFinding[] = [];
    for (const item of fingerprints) {
      const { observation, classification } = item;
      const script = observation.scriptUrl ? hostAndPath(observation.scriptUrl) : 'an inline script';
      // The page's own words for what the script did stay in the evidence; the summary names the technique.
      const whose = !observation.scriptUrl
        ? phrase('phrase_inline_script')
        : classification.vendor
          ? phrase('phrase_script_of_vendor', classification.vendor, script)
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
