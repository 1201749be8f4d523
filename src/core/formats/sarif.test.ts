import { describe, expect, it } from 'vitest';
import { sarifProblems } from '../../../tests/schemas/format-validators';
import { demoReport, hostileReport, violationOf } from '../../../tests/support/reports';
import { applyBaselines } from '../config/apply-baselines';
import { findingsOf } from '../engine/findings';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { describePolicyRules } from './rule-descriptions';
import { toSarif } from './sarif';

const rules = describePolicyRules(policy);

describe('toSarif', () => {
  it('follows the SARIF 2.1.0 schema', () => {
    expect(sarifProblems(toSarif({ report: demoReport(), rules }))).toEqual([]);
  });

  it('describes every rule of the policy with the clause it enforces', () => {
    const [run] = toSarif({ report: demoReport(), rules }).runs;
    const described = run?.tool.driver.rules ?? [];
    expect(described.map((r) => r.id)).toEqual(policy.rules.map((r) => r.id));
    expect(described.find((r) => r.id === 'cookie-login-insecure')).toMatchObject({
      name: 'CookieLoginInsecure',
      shortDescription: { text: 'Login cookie without Secure or HttpOnly' },
      fullDescription: { text: expect.stringContaining('HttpOnly') },
      help: { text: expect.stringContaining('The policy, §6, line 89') },
      defaultConfiguration: { level: 'error' },
      properties: {
        severity: 'high',
        clause: { id: 'security.encryption', section: '§6', lines: { from: 89, to: 89 } },
      },
    });
    expect(described.find((r) => r.id === 'retention-too-long')?.defaultConfiguration?.level).toBe('note');
    expect(described.find((r) => r.id === 'policy-drift')?.defaultConfiguration?.level).toBe('warning');
  });

  it('gives each finding one result, at its pages and the URLs its evidence came from, naming every clause', () => {
    const report = demoReport();
    const [run] = toSarif({ report, rules }).runs;
    expect(run?.results).toHaveLength(report.findings.length);
    expect(report.findings.length).toBeLessThan(report.violations.length);
    // DoubleClick's IDE cookie breaks §4 and §7: one result under the lead rule, citing both.
    const ide = violationOf(report, 'cookie-undeclared-purpose', 'IDE@');
    const lead = violationOf(report, 'cookie-third-party-recipient', 'IDE@');
    const result = run?.results?.find((r) => r.partialFingerprints?.['jeejioFindingId/v1'] === ide.findingId);
    const uris = result?.locations?.map((l) => l.physicalLocation?.artifactLocation?.uri);
    expect(uris?.slice(0, ide.pageUrls.length)).toEqual(ide.pageUrls);
    expect(uris).toContain('https://ad.doubleclick.net/pixel.gif');
    expect(result).toMatchObject({
      ruleId: 'cookie-third-party-recipient',
      level: 'error',
      message: { text: expect.stringMatching(/^.+ Breaks §4, lines 60–70 .+; §7, lines 92–93 .+\.$/) },
      properties: {
        findingId: ide.findingId,
        rules: ['cookie-third-party-recipient', 'cookie-undeclared-purpose'],
        violationIds: [lead.id, ide.id],
        subjects: [lead.subject, ide.subject],
      },
    });
    expect(result?.message.text?.startsWith(lead.summary)).toBe(true);
    expect(result?.suppressions).toBeUndefined();
    expect(run?.tool.driver.rules?.[result?.ruleIndex ?? -1]?.id).toBe('cookie-third-party-recipient');
  });

  it('maps a violation rated below its rule to the lower level', () => {
    const report = demoReport();
    const token = violationOf(report, 'cookie-login-insecure', 'token@');
    expect(token.severity).toBe('medium');
    const result = toSarif({ report, rules }).runs[0]?.results?.find((r) =>
      r.properties?.violationIds.includes(token.id),
    );
    expect(result?.level).toBe('warning');
  });

  it('suppresses what a baseline accepts and marks what it no longer does', () => {
    const report = demoReport();
    const phone = violationOf(report, 'cookie-sensitive-in-clear', 'user_phone@');
    const ide = violationOf(report, 'cookie-undeclared-purpose', 'IDE@');
    const ideRecipient = violationOf(report, 'cookie-third-party-recipient', 'IDE@');
    const base = { reason: 'Vendor contract under review', owner: 'privacy-office' };
    const baselines = applyBaselines(
      report.violations,
      [
        { ...base, rule: phone.rule, violationId: phone.id, expires: '2031-12-31' },
        { ...base, rule: ide.rule, subject: ide.subject, expires: '2024-12-31' },
        { ...base, rule: ideRecipient.rule, subject: ideRecipient.subject, expires: '2024-12-31' },
      ],
      new Date('2025-01-01T08:00:00Z'),
    );
    const log = toSarif({ report, rules, baselines });
    expect(sarifProblems(log)).toEqual([]);
    const resultOf = (id: string) =>
      log.runs[0]?.results?.find((r) => r.properties?.violationIds.includes(id));
    expect(resultOf(phone.id)?.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'Vendor contract under review',
        properties: { owner: 'privacy-office', expires: '2031-12-31' },
      },
    ]);
    expect(resultOf(ide.id)?.suppressions).toBeUndefined();
    expect(resultOf(ide.id)?.properties?.acceptanceExpired).toEqual({ ...base, expires: '2024-12-31' });
  });

  it('stays valid with hostile, huge and unparseable values', () => {
    const report = hostileReport();
    const log = toSarif({ report, rules });
    expect(sarifProblems(log)).toEqual([]);
    const [hostile, huge] = log.runs[0]?.results ?? [];
    expect(JSON.stringify(log).length).toBeLessThan(500_000);
    expect(huge?.message.text?.length).toBeLessThanOrEqual(2000);
    // A page address that is no URI is left out of the locations, not written broken.
    expect(huge?.locations?.map((l) => l.physicalLocation?.artifactLocation?.uri)).not.toContain(
      'not a URL <at all>',
    );
    const hostileFinding = findingsOf(report.violations)[0];
    expect(hostile?.properties?.observationIds).toHaveLength(100);
    expect(hostile?.properties?.moreObservations).toBe((hostileFinding?.observationIds.length ?? 0) - 100);
  });

  it('reports pages that could not be loaded as failed tool notifications', () => {
    const report = {
      ...demoReport(),
      errors: [{ url: 'https://www.jeejio.com/down', message: 'timed out' }],
    };
    const log = toSarif({ report, rules });
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0]?.invocations?.[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [
        {
          level: 'error',
          message: { text: expect.stringContaining('Could not load https://www.jeejio.com/down: timed out') },
        },
      ],
    });
  });
});
