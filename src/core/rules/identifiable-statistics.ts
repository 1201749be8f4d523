import { phrase } from '../wording/phrase';
import { who } from './describe';
import { endpointOf, identifyingContent } from './network-evidence';
import type { RuleFinding, RuleImplementation } from './rule';

/** §3 line 57: usage statistics shared with others carry nothing that identifies you. */
export const identifiableStatistics: RuleImplementation = {
  type: 'identifiable-statistics',
  triggeredBy: ['request', 'beacon'],
  evaluate(context) {
    const findings: RuleFinding[] = [];
    for (const request of context.network) {
      if (request.classification.purpose !== 'statistics' || request.party !== 'third-party') continue;
      const what = identifyingContent(request, context);
      if (!what) continue;
      findings.push({
        evidence: [request],
        subject: endpointOf(request.observation.url),
        summary: phrase(
          'summary_identifiable_statistics',
          who(request.classification.vendor, request.host),
          what,
        ),
      });
    }
    return findings;
  },
};
