import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { requestObservation as request } from '../../../tests/support/observations';
import { evaluatePolicy } from '../engine/evaluate-policy';
import type { Observation } from '../observations/observation';
import { prepareCanaries } from '../personal-data/find-personal-data';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import zh from '../wording/catalogues/zh_CN/messages.json';
import { catalogueLookup, renderPhrase } from '../wording/phrase';

const disclosure = (observation: Observation, options = {}) =>
  evaluatePolicy([observation], policy, options).violations.find((v) => v.rule === 'third-party-disclosure');

describe('identifying content of a request, with decoded payloads', () => {
  it('names a GA4 user id by its meaning once, not again by the generic name list', () => {
    const v = disclosure(
      request({ url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-X1&cid=1.2&uid=10086' }),
    );
    expect(v?.summary).toBe(
      "A request to Google Analytics (www.google-analytics.com) carries the account id in Google Analytics 4's payload field uid (1***6).",
    );
  });

  it('does not name an email twice when the personal-data scan finds the decoded field', () => {
    const v = disclosure(
      request({
        url: 'https://api.segment.io/v1/i',
        method: 'POST',
        requestBody: JSON.stringify({
          type: 'identify',
          anonymousId: 'a-1',
          traits: { email: 'alice@example.com' },
        }),
      }),
    );
    expect(v?.summary.match(/a\*\*\*\*@example\.com/g)).toHaveLength(1);
  });

  it('still judges an unknown endpoint by the generic parameter names', () => {
    const v = disclosure(request({ url: 'https://collect.tracker.example/c?user_id=10086' }));
    expect(v?.summary).toContain('your account identifier (user_id)');
    expect(v?.decoded).toBeUndefined();
  });

  it("keeps the user's own canary beside the decoded field, as it says whose email it is", () => {
    const canaries = prepareCanaries([
      { id: 'c0', label: 'my email', kind: 'email', value: 'alice@example.com' },
    ]);
    const hash = bytesToHex(sha256(utf8ToBytes('alice@example.com')));
    const v = disclosure(
      request({ url: `https://www.facebook.com/tr/?id=1234567890123&ev=PageView&ud[em]=${hash}` }),
      {
        canaries,
      },
    );
    expect(v?.summary).toContain('my email, SHA256-hashed');
    expect(v?.summary).toContain("a hashed email address in Meta Pixel's payload field ud[em]");
  });

  it('does not count a device id alone as an identity', () => {
    expect(
      disclosure(
        request({
          url: 'https://www.facebook.com/tr/?id=1234567890123&ev=PageView&fbp=fb.1.1700000000000.42',
        }),
      ),
    ).toBeUndefined();
  });

  it('words the decoded field in Chinese too', () => {
    const v = disclosure(
      request({ url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-X1&cid=1.2&uid=10086' }),
    );
    const text = v?.summaryPhrase && renderPhrase(v.summaryPhrase, catalogueLookup(zh));
    expect(text).toContain('Google Analytics 4 数据包字段 uid 中的账户标识（1***6）');
  });
});
