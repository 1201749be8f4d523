import { phrase } from '../wording/phrase';
import { who } from './describe';
import { identifyingContent, payloadOf, problemSubject } from './network-evidence';
import type { RuleFinding, RuleImplementation } from './rule';

/** §7 line 95: web beacons collect page address, referrer, time on page, environment and display settings. */
export const beaconOverCollection: RuleImplementation = {
  type: 'beacon-over-collection',
  triggeredBy: ['beacon'],
  evaluate(context) {
    const findings: RuleFinding[] = [];
    for (const beacon of context.network) {
      if (beacon.observation.kind !== 'beacon') continue;
      const content = identifyingContent(beacon, context);
      if (!content) continue;
      findings.push({
        evidence: [beacon],
        subject: problemSubject(beacon, content),
        summary: phrase(
          'summary_beacon_over_collection',
          who(beacon.classification.vendor ?? payloadOf(beacon)?.vendor ?? null, beacon.host, beacon.party),
          content.what,
        ),
        ...(content.decoded.length > 0 && { decoded: content.decoded }),
      });
    }
    return findings;
  },
};
