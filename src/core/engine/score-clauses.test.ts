import { describe, expect, it } from 'vitest';
import { cookieObservation, storageObservation } from '../../../tests/support/observations';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { evaluatePolicy } from './evaluate-policy';

function statusOf(scorecard: ReturnType<typeof evaluatePolicy>['scorecard'], id: string) {
  return scorecard.find((c) => c.clauseId === id)?.status;
}

describe('the policy scorecard', () => {
  it('lists every clause exactly once', () => {
    const { scorecard } = evaluatePolicy([], policy);
    expect(scorecard.map((c) => c.clauseId)).toEqual(policy.clauses.map((c) => c.id));
  });

  it('marks clauses violated, kept, not observed and not checkable', () => {
    const { scorecard } = evaluatePolicy(
      [
        cookieObservation({ name: '_fbp', domain: '.jeejio.com', httpOnly: false }),
        storageObservation({ key: 'search_history' }),
      ],
      policy,
    );
    expect(statusOf(scorecard, 'cookies.declared-purposes')).toBe('violated');
    expect(statusOf(scorecard, 'storage.search-history')).toBe('kept');
    expect(statusOf(scorecard, 'security.encryption')).toBe('kept');
    expect(statusOf(scorecard, 'beacons.declared-collection')).toBe('not-observed');
    expect(statusOf(scorecard, 'minors.guardian-consent')).toBe('not-checkable');
    expect(scorecard.find((c) => c.clauseId === 'minors.guardian-consent')?.note).toMatch(/age/);
  });

  it('reports the two effective dates the policy states as its own inconsistency', () => {
    const verdict = evaluatePolicy([], policy).scorecard.find(
      (c) => c.clauseId === 'document.effective-date',
    );
    // A fact about the document, not something a page did: never counted among the clauses pages broke.
    expect(verdict).toMatchObject({ status: 'contradicts-itself', violations: 0 });
    expect(verdict?.note).toMatch(/17 July 2023.*20 July 2023/);
  });

  it('counts a violation against the clauses it also rests on', () => {
    const { scorecard } = evaluatePolicy(
      [cookieObservation({ name: 'user_phone', value: '13812345678' })],
      policy,
    );
    expect(statusOf(scorecard, 'personal-information.sensitive')).toBe('violated');
  });
});
