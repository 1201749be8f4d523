import { classifyCookie } from '../classify/classify-cookie';
import { partyOf } from '../classify/party';
import type { CookieObservation, Observation } from '../observations/observation';
import { clauseById, type PolicyModel } from '../policy/policy-model';
import { COOKIE_RULES } from '../rules/cookie-rules';
import { type ClassifiedCookie, type CookieRule, SEVERITY_ORDER } from '../rules/rule';
import { stableId } from '../util/stable-id';
import type { Violation } from './report-types';

export function classifyCookieObservation(observation: CookieObservation): ClassifiedCookie {
  return {
    observation,
    classification: classifyCookie({ name: observation.name, domain: observation.domain }),
    party: partyOf(observation.domain, observation.pageUrl),
  };
}

/**
 * Runs every rule on every cookie observation. The same cookie seen several
 * ways (in the jar, as a change, as a Set-Cookie header) and on several pages
 * of one session is one violation citing all its observations and pages: a
 * cookie set on the home page and sent again to the next page is one finding.
 */
export function findViolations(
  observations: readonly Observation[],
  policy: PolicyModel,
  rules: readonly CookieRule[] = COOKIE_RULES,
): Violation[] {
  const byKey = new Map<string, Violation>();
  for (const observation of observations) {
    if (observation.kind !== 'cookie') continue;
    const cookie = classifyCookieObservation(observation);
    for (const rule of rules) {
      const hit = rule.check(cookie, policy);
      if (!hit) continue;
      const identity = [rule.id, observation.name, observation.domain, observation.path];
      const key = identity.join('\u0000');
      const severity = hit.severity ?? rule.severity;
      const existing = byKey.get(key);
      if (existing) {
        existing.observationIds.push(observation.id);
        if (!existing.pageUrls.includes(observation.pageUrl)) existing.pageUrls.push(observation.pageUrl);
        if (rank(severity) < rank(existing.severity)) {
          existing.severity = severity;
          existing.summary = hit.summary;
        }
        continue;
      }
      const clause = clauseById(policy, rule.clauseId);
      byKey.set(key, {
        id: stableId('v', identity),
        rule: rule.id,
        title: rule.title,
        severity,
        clause: {
          id: clause.id,
          section: clause.section,
          lines: clause.lines,
          title: clause.title,
          paraphrase: clause.paraphrase,
        },
        summary: hit.summary,
        pageUrl: observation.pageUrl,
        pageUrls: [observation.pageUrl],
        observationIds: [observation.id],
      });
    }
  }
  return [...byKey.values()].sort(
    (a, b) => rank(a.severity) - rank(b.severity) || a.rule.localeCompare(b.rule),
  );
}

function rank(severity: Violation['severity']): number {
  return SEVERITY_ORDER.indexOf(severity);
}
