import { phrase } from '../wording/phrase';
import { who } from './describe';
import { identifyingContent, payloadOf, problemSubject } from './network-evidence';
import type { RuleFinding, RuleImplementation } from './rule';

/**
 * §3 line 57: usage statistics shared with others carry nothing that identifies you.
 *
 * Statistics go to others when the collector is a third party's, and also
 * when an analytics vendor's SDK payload names the account on a collector
 * served from the site's own domain (Sensors Data's `sa.<site>`, a proxied
 * Segment or GA4): the data lands in the vendor's product all the same. A
 * first-party endpoint no vendor table recognises is the site's own business.
 */
export const identifiableStatistics: RuleImplementation = {
  type: 'identifiable-statistics',
  triggeredBy: ['request', 'beacon'],
  evaluate(context) {
    const findings: RuleFinding[] = [];
    for (const request of context.network) {
      const payload = payloadOf(request);
      const statistics = request.classification.purpose === 'statistics' || payload?.purpose === 'statistics';
      if (!statistics) continue;
      const content = identifyingContent(request, context);
      if (!content) continue;
      if (
        request.party !== 'third-party' &&
        (payload?.purpose !== 'statistics' || content.decoded.length === 0)
      )
        continue;
      findings.push({
        evidence: [request],
        subject: problemSubject(request, content),
        summary: phrase(
          'summary_identifiable_statistics',
          who(request.classification.vendor ?? payload?.vendor ?? null, request.host, request.party),
          content.what,
        ),
        ...(content.decoded.length > 0 && { decoded: content.decoded }),
      });
    }
    return findings;
  },
};
