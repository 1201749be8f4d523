import { policyLineHashes } from '../policy/policy-text';
import { phrase } from '../wording/phrase';
import type { RuleFinding, RuleImplementation } from './rule';

/**
 * §10 lines 101-102: updates are published on the Jeejio website. When the
 * live policy page no longer contains lines of the modelled version, the
 * policy has changed and every verdict here may rest on outdated promises.
 */
export const policyDrift: RuleImplementation = {
  type: 'policy-drift',
  triggeredBy: ['policy-text'],
  evaluate({ policy, policyTexts }) {
    const findings: RuleFinding[] = [];
    const modelled = policy.sourceLineHashes;
    if (!modelled) return findings;
    for (const page of policyTexts) {
      const live = new Set(policyLineHashes(page.observation.text));
      const missing = modelled.flatMap((hash, i) => (hash !== '' && !live.has(hash) ? [i + 1] : []));
      if (missing.length === 0) continue;
      const total = modelled.filter((h) => h !== '').length;
      findings.push({
        evidence: [page],
        subject: page.observation.url,
        summary: phrase(
          'summary_policy_drift',
          page.observation.url,
          missing.length,
          total,
          formatLineRanges(missing),
        ),
        severity: missing.length > total / 2 ? 'high' : 'medium',
      });
    }
    return findings;
  },
};

/** [1,2,3,7,9,10] → "1–3, 7, 9–10" */
export function formatLineRanges(lines: readonly number[]): string {
  const ranges: string[] = [];
  let start = lines[0];
  let previous = start;
  for (const line of [...lines.slice(1), Number.NaN]) {
    if (start === undefined || previous === undefined) break;
    if (line === previous + 1) {
      previous = line;
      continue;
    }
    ranges.push(start === previous ? `${start}` : `${start}–${previous}`);
    start = line;
    previous = line;
  }
  return ranges.join(', ');
}
