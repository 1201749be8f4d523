import { phrase } from '../wording/phrase';
import { describePersonalData, hostAndPath } from './describe';
import type { RuleFinding, RuleImplementation } from './rule';

/** §6 line 89: personal data and login cookies must not travel unencrypted. */
export const plainHttp: RuleImplementation = {
  type: 'plain-http',
  triggeredBy: ['cookie', 'request', 'beacon'],
  evaluate(context) {
    const findings: RuleFinding[] = [];
    for (const request of context.network) {
      const o = request.observation;
      if (!o.url.startsWith('http:')) continue;
      const found = context.personalData(request);
      if (found.length === 0) continue;
      findings.push({
        evidence: [request],
        subject: `http:${hostAndPath(o.url)}`,
        summary: phrase('summary_plain_http_request', hostAndPath(o.url), describePersonalData(found)),
      });
    }
    for (const cookie of context.cookies) {
      const o = cookie.observation;
      if (o.action !== 'set-attempt' || !o.url?.startsWith('http:')) continue;
      if (cookie.classification.role !== 'authentication') continue;
      findings.push({
        evidence: [cookie],
        subject: `${o.name}@${o.domain}${o.path}`,
        summary: phrase('summary_plain_http_cookie', o.name, hostAndPath(o.url)),
      });
    }
    return findings;
  },
};
