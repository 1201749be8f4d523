import { describe, expect, it } from 'vitest';
import log from '../../../tests/support/fixtures/demo-session.json';
import {
  beaconObservation as beacon,
  cookieObservation as cookie,
  requestObservation as request,
} from '../../../tests/support/observations';
import type { RecordedLog } from '../observations/observation';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { buildReport } from '../report/build-report';
import { evaluatePolicy } from './evaluate-policy';
import { findingsOf } from './findings';

const PHONE = '13812345678';

describe('one finding per problem', () => {
  it('counts the recorded demo session as 15 problems, not 20 rule-by-rule violations', () => {
    const report = buildReport({
      tool: { name: 'test', version: '0' },
      policy,
      ...(log as unknown as RecordedLog),
      generatedAt: 0,
    });
    expect(report.violations).toHaveLength(20);
    expect(report.findings).toHaveLength(15);
    expect(report.summary.findings).toBe(15);
    expect(report.summary.violations).toBe(20);
    const baidu = report.findings.find((f) => f.rules.includes('statistics-identifiable'));
    // One Baidu Tongji beacon with a phone number breaks three promises: one finding citing each clause.
    expect(baidu?.rules.sort()).toEqual(
      ['beacon-over-collection', 'statistics-identifiable', 'third-party-disclosure'].sort(),
    );
    expect(baidu?.clauses.map((c) => c.section).sort()).toEqual(['§3', '§4', '§7']);
    // Every violation belongs to exactly one finding.
    expect(report.findings.flatMap((f) => f.violationIds).sort()).toEqual(
      report.violations.map((v) => v.id).sort(),
    );
  });

  it('makes a third-party cookie of an advertiser one finding citing §4 and §7', () => {
    const { violations } = evaluatePolicy(
      [cookie({ name: 'IDE', domain: '.doubleclick.net', value: 'AHWqTUm1234567890abcdef', httpOnly: true })],
      policy,
    );
    expect(violations.map((v) => v.rule).sort()).toEqual([
      'cookie-third-party-recipient',
      'cookie-undeclared-purpose',
    ]);
    const [finding, ...rest] = findingsOf(violations);
    expect(rest).toEqual([]);
    expect(finding?.clauses.map((c) => c.section).sort()).toEqual(['§4', '§7']);
    expect(finding?.severity).toBe('high');
  });

  it('keeps two recipients of one first-party identifier apart: a carried cookie does not link them', () => {
    const ga = cookie({
      name: 'uid_token',
      domain: '.jeejio.com',
      value: 'u7f3k9q2w8e5r1t6y4',
      httpOnly: false,
    });
    const { violations } = evaluatePolicy(
      [
        ga,
        beacon({ url: `https://collect.tracker.example/c?x=${ga.value}` }),
        beacon({ url: `https://beacon.adnet-two.example/c?x=${ga.value}` }),
      ],
      policy,
    );
    const disclosures = violations.filter((v) => v.rule === 'third-party-disclosure');
    expect(disclosures).toHaveLength(2);
    expect(new Set(disclosures.map((v) => v.findingId)).size).toBe(2);
  });

  it('makes six requests of one RUM SDK to three endpoints, each carrying a phone number, one finding', () => {
    const paths = ['/collect', '/speed', '/collect/pv'];
    const hits = [0, 1, 2, 3, 4, 5].map((n) =>
      beacon({
        url: `https://aegis.qq.com${paths[n % 3]}?id=demo&uin=${PHONE}&n=${n}`,
        pageUrl: `https://www.jeejio.com/p${n}`,
      }),
    );
    const { violations } = evaluatePolicy(hits, policy);
    // One violation per rule, not per endpoint: the recipient and the kind of data make the problem.
    expect(new Set(violations.map((v) => v.rule)).size).toBe(violations.length);
    expect(violations.length).toBeGreaterThan(1);
    const findings = findingsOf(violations);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.observationIds.sort()).toEqual(hits.map((h) => h.id).sort());
    expect(findings[0]?.pageUrls).toHaveLength(6);
  });

  it('keeps what one recipient receives apart by kind of data: a phone number and an account id are two problems', () => {
    const { violations } = evaluatePolicy(
      [
        beacon({ url: `https://collect.tracker.example/c?tel=${PHONE}` }),
        beacon({ url: 'https://collect.tracker.example/c?uid=acct-42' }),
      ],
      policy,
    );
    expect(findingsOf(violations)).toHaveLength(2);
  });

  it('reads a report from before findings as one finding per violation', () => {
    const { violations } = evaluatePolicy(
      [request({ url: `https://hm.baidu.com/hm.gif?ep=${PHONE}` })],
      policy,
    );
    const old = violations.map(({ findingId: _dropped, ...v }) => v);
    expect(findingsOf(old)).toHaveLength(old.length);
  });
});
