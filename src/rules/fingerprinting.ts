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
      const whose = classification.vendor ? `${classification.vendor}'s script ${script}` : script;
      findings.push({
        evidence: [item],
        subject: `${observation.technique}@${script}`,
        summary: `${capitalize(whose)} ${observation.detail}, a way to fingerprint your browser that the policy does not declare.`,
      });
    }
    return findings;
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
