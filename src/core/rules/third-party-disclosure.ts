import { phrase } from '../wording/phrase';
import { who } from './describe';
import { identifyingContent, payloadOf, problemSubject } from './network-evidence';
import type { RuleFinding, RuleImplementation } from './rule';

/** §4 lines 60-70: identifiers and personal information go only to the recipients listed, or with consent. */
export const thirdPartyDisclosure: RuleImplementation = {
  type: 'third-party-disclosure',
  triggeredBy: ['request', 'beacon'],
  evaluate(context) {
    const findings: RuleFinding[] = [];
    const cookiesById = new Map(context.cookies.map((c) => [c.observation.id, c]));
    for (const request of context.network) {
      const o = request.observation;
      // A cloaked collector (classified by its canonical name) has a Jeejio name, but the data goes to the
      // server the canonical name belongs to: that server is the recipient judged.
      const receiver = request.party === 'third-party' ? (o.canonicalName ?? request.host) : request.host;
      if (request.party !== 'third-party' || context.isFirstPartyHost(receiver)) continue;
      if (request.recipient && context.policy.allowedRecipients.includes(request.recipient)) continue;
      const content = identifyingContent(request, context);
      if (!content) continue;
      const cookies = context.cookieIdsSentIn(o.id).flatMap((id) => cookiesById.get(id) ?? []);
      findings.push({
        evidence: [request, ...cookies],
        subject: problemSubject(request, content),
        summary: phrase(
          'summary_third_party_disclosure',
          who(request.classification.vendor ?? payloadOf(request)?.vendor ?? null, request.host),
          content.what,
        ),
        ...(content.decoded.length > 0 && { decoded: content.decoded }),
      });
    }
    return findings;
  },
};
