import { describe, expect, it } from 'vitest';
import type { Report, Violation } from '../core/report/report-types';
import { describeFailingViolations, judgeViolations } from './judge-violations';

const RULES = ['cookie-sensitive-in-clear', 'cookie-undeclared-purpose', 'retention-too-long'];

function violation(rule: string, severity: Violation['severity'], subject: string): Violation {
  return {
    id: `${rule}:${subject}`,
    rule,
    subject,
    title: rule,
    severity,
    clause: {
      id: 'c',
      section: '§6',
      lines: { from: 89, to: 89 },
      title: 'Security measures',
      paraphrase: '',
    },
    alsoCites: [],
    summary: `${subject} breaks ${rule}`,
    explanation: '',
    pageUrl: 'https://www.jeejio.com/',
    pageUrls: ['https://www.jeejio.com/', 'https://open.jeejio.com/'],
    observationIds: ['o1'],
    verified: true,
  };
}

const report = {
  violations: [
    violation('cookie-sensitive-in-clear', 'high', 'user_phone@www.jeejio.com/'),
    violation('cookie-undeclared-purpose', 'medium', 'IDE@.doubleclick.net/'),
    violation('retention-too-long', 'low', 'lang@www.jeejio.com/'),
  ],
} as unknown as Report;

describe('judgeViolations', () => {
  it('fails on every violation by default', () => {
    expect(judgeViolations(report, undefined, RULES).failing).toHaveLength(3);
  });

  it('leaves out the rules excepted and those below failOn', () => {
    const judgement = judgeViolations(
      report,
      { except: ['cookie-sensitive-in-clear'], failOn: 'medium' },
      RULES,
    );
    expect(judgement.failing.map((v) => v.rule)).toEqual(['cookie-undeclared-purpose']);
    expect(judgement.ignored).toBe(2);
  });

  it('refuses a rule id the policy does not have, listing the ones it has', () => {
    expect(() => judgeViolations(report, { except: ['statistics-cookie'] }, RULES)).toThrow(
      'toHaveNoViolations: except names "statistics-cookie", which the policy has no rule for. Its rules are: cookie-sensitive-in-clear, cookie-undeclared-purpose, retention-too-long.',
    );
  });

  it('refuses misspelt options and severities', () => {
    expect(() => judgeViolations(report, { exclude: ['x'] }, RULES)).toThrow(/invalid options \(exclude: /);
    expect(() => judgeViolations(report, { failOn: 'critical' }, RULES)).toThrow(
      /invalid options \(failOn: /,
    );
  });
});

describe('describeFailingViolations', () => {
  it('names the rule, subject, clause, pages and summary of each failing violation', () => {
    const judgement = judgeViolations(report, { except: ['retention-too-long'] }, RULES);
    expect(describeFailingViolations(judgement)).toBe(
      [
        'Expected no privacy violations of any severity, except retention-too-long; found 2 finding(s) (2 rule violation(s)):',
        '',
        '  HIGH finding f-cookie-sensitive-in-clear:user_phone@www.jeejio.com/',
        '    cookie-sensitive-in-clear: user_phone@www.jeejio.com/',
        '      breaks §6 "Security measures" (line 89)',
        '    on https://www.jeejio.com/, https://open.jeejio.com/',
        '    user_phone@www.jeejio.com/ breaks cookie-sensitive-in-clear',
        '',
        '  MEDIUM finding f-cookie-undeclared-purpose:IDE@.doubleclick.net/',
        '    cookie-undeclared-purpose: IDE@.doubleclick.net/',
        '      breaks §6 "Security measures" (line 89)',
        '    on https://www.jeejio.com/, https://open.jeejio.com/',
        '    IDE@.doubleclick.net/ breaks cookie-undeclared-purpose',
        '',
        '1 other violation(s) left out by except.',
      ].join('\n'),
    );
  });

  it('shows control characters from a page as ?, so they cannot drive the terminal', () => {
    const hostile = {
      violations: [violation('cookie-sensitive-in-clear', 'high', 'a\u001b[2Jb\u202eexe')],
    } as unknown as Report;
    expect(describeFailingViolations(judgeViolations(hostile, {}, RULES))).toContain(
      'cookie-sensitive-in-clear: a?[2Jb?exe',
    );
  });

  it('counts the violations one cookie makes of two rules as one finding', () => {
    const recipient = { ...violation('cookie-sensitive-in-clear', 'high', 'IDE@x/'), findingId: 'f-ide' };
    const purpose = { ...violation('cookie-undeclared-purpose', 'high', 'IDE@x/'), findingId: 'f-ide' };
    const text = describeFailingViolations(
      judgeViolations({ violations: [recipient, purpose] } as unknown as Report, {}, RULES),
    );
    expect(text).toContain('found 1 finding(s) (2 rule violation(s))');
    expect(text.match(/ breaks §6/g)).toHaveLength(2);
  });
});
