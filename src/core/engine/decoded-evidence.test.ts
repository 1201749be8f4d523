import { describe, expect, it } from 'vitest';
import { requestObservation as request } from '../../../tests/support/observations';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { evaluatePolicy, MAX_DECODED_PER_VIOLATION } from './evaluate-policy';

const segmentIdentify = (userId: string, page = 'https://www.jeejio.com/') =>
  request({
    url: 'https://api.segment.io/v1/i',
    method: 'POST',
    pageUrl: page,
    requestBody: JSON.stringify({
      type: 'identify',
      userId,
      anonymousId: 'anon-1',
      traits: { email: 'alice@example.com' },
    }),
  });

const disclosure = (observations: ReturnType<typeof request>[]) =>
  evaluatePolicy(observations, policy).violations.find((v) => v.rule === 'third-party-disclosure');

describe('decoded payload evidence on violations', () => {
  it('names the vendor, the payload path, its meaning and the masked value', () => {
    const violation = disclosure([segmentIdentify('user-42')]);
    expect(violation?.decoded).toEqual([
      { vendor: 'Segment', path: 'userId', meaning: 'account-id', value: 'u*****2' },
      { vendor: 'Segment', path: 'traits.email', meaning: 'email', value: 'a****@example.com' },
    ]);
    expect(violation?.summary).toContain("the account id in Segment's payload field userId (u*****2)");
    expect(JSON.stringify(violation)).not.toContain('alice@example.com');
  });

  it('lists a field seen on every page once', () => {
    const violation = disclosure([
      segmentIdentify('user-42', 'https://www.jeejio.com/a'),
      segmentIdentify('user-42', 'https://www.jeejio.com/b'),
    ]);
    expect(violation?.pageUrls).toHaveLength(2);
    expect(violation?.decoded).toHaveLength(2);
    expect(violation?.decodedDropped).toBeUndefined();
  });

  it('keeps at most its bound of decoded fields and counts the rest', () => {
    const extra = 5;
    const observations = Array.from({ length: MAX_DECODED_PER_VIOLATION + extra }, (_, i) =>
      segmentIdentify(`user-${1000 + i}`),
    );
    const violation = disclosure(observations);
    expect(violation?.decoded).toHaveLength(MAX_DECODED_PER_VIOLATION);
    // The email is the same in every request, so only the account ids past the bound are left out.
    expect(violation?.decodedDropped).toBe(extra + 1);
  });
});
