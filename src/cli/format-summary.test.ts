import { describe, expect, it } from 'vitest';
import { demoReport, violationOf } from '../../tests/support/reports';
import { applyBaselines } from '../core/config/apply-baselines';
import type { Baseline } from '../core/config/inspector-config-schema';
import { findingsOf } from '../core/engine/findings';
import type { ReportComparison } from '../core/report/compare-reports';
import { withCookieJar } from '../core/report/cookie-jar-outcome';
import { comparisonLines, formatSummary, MAX_LISTED_CHANGES } from './format-summary';

const report = demoReport();
const phone = violationOf(report, 'cookie-sensitive-in-clear', 'user_phone@');
const token = violationOf(report, 'cookie-login-insecure', 'token@');
const accepted = { reason: 'Tracked in PRIV-12', owner: 'web-team' };
const baselineFor = (v: typeof phone, expires: string): Baseline => ({
  ...accepted,
  rule: v.rule,
  subject: v.subject,
  expires,
});

describe('formatSummary with baselines', () => {
  const stale: Baseline = {
    ...accepted,
    rule: 'fingerprinting',
    subject: 'canvas@gone.js',
    expires: '2030-01-01',
  };
  const baselines = applyBaselines(
    report.violations,
    [baselineFor(phone, '2030-01-01'), baselineFor(token, '2020-01-01'), stale],
    new Date('2025-01-01'),
  );
  const text = formatSummary(report, { baselines, failOn: 'high' });

  it('leaves accepted violations out of the table and lists them with who accepted them until when', () => {
    const table = text.slice(0, text.indexOf('Suppressed by a baseline'));
    expect(table).not.toContain(phone.summary.slice(0, 40));
    expect(text).toContain(
      'Suppressed by a baseline (accepted, not failing): 1\n  cookie-sensitive-in-clear user_phone@www.jeejio.com/: until 2030-01-01, web-team: Tracked in PRIV-12',
    );
  });

  it('says which acceptances expired, keeps those violations in the table, and lists baselines that matched nothing', () => {
    expect(text).toMatch(/MEDIUM\s+cookie-login-insecure/);
    expect(text).toContain(
      'Expired acceptances (failing again): 1\n  cookie-login-insecure token@www.jeejio.com/: expired 2020-01-01, web-team: Tracked in PRIV-12',
    );
    expect(text).toContain(
      'Baselines that matched no violation: 1\n  fingerprinting canvas@gone.js (web-team)',
    );
  });

  it('ends with what fails the run at the threshold', () => {
    // Counted as problems: the violations one request or cookie makes of several rules fail once.
    const failingHigh = findingsOf(baselines.kept.filter((v) => v.severity === 'high')).length;
    expect(failingHigh).toBeLessThan(baselines.kept.filter((v) => v.severity === 'high').length);
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      `Failing: ${failingHigh} findings at or above --fail-on high.`,
    );
    const allAccepted = applyBaselines(
      report.violations,
      report.violations.map((v) => baselineFor(v, '2030-01-01')),
      new Date('2025-01-01'),
    );
    expect(formatSummary(report, { baselines: allAccepted, failOn: 'low' })).toMatch(
      /Passing: no finding at or above --fail-on low\.$/,
    );
  });
});

describe('formatSummary with advice', () => {
  it('lists advice apart from the violations, and it never counts as failing', () => {
    const report = demoReport();
    expect(report.advice?.map((a) => a.rule)).toContain('retention-too-long');
    const text = formatSummary(report, {
      baselines: applyBaselines(report.violations, [], new Date('2025-01-01')),
      failOn: 'low',
    });
    expect(text).toMatch(
      /Advice \(a bound from guidance, not the policy; never failing\): \d+\n\s+retention-too-long _ga@/,
    );
    expect(text).not.toMatch(/^LOW\s+retention-too-long/m);
    expect(text).toContain(`Failing: ${report.findings.length} findings at or above --fail-on low.`);
  });

  it('says whether the browser blocked third-party cookies', () => {
    // The demo jar held none of the third parties' cookies: Chromium blocks them in a fresh profile.
    expect(formatSummary(withCookieJar(demoReport(), []))).toContain(
      'Third-party cookies: the browser blocked them (4 refused, 0 stored, 0 partitioned, of 4).',
    );
    // A report the browser's jar was never read for (the extension's own) says nothing of it.
    expect(formatSummary(demoReport())).not.toContain('Third-party cookies');
  });

  it('names the browser an audit ran in, and nothing for a report the extension made', () => {
    const browser = {
      name: 'Firefox',
      version: '153.0',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0)',
    };
    expect(formatSummary({ ...demoReport(), browser })).toMatch(/^Browser: Firefox 153\.0$/m);
    expect(formatSummary(demoReport())).not.toContain('Browser:');
  });

  it('says before any finding that the evidence is incomplete, and what each limit dropped', () => {
    expect(formatSummary(demoReport())).not.toContain('Evidence incomplete');
    const page = 'https://www.jeejio.com/';
    const flooded = {
      ...demoReport(),
      evidence: {
        complete: false,
        losses: [{ cause: 'claim-rate' as const, count: 4_200, occurrences: 7, pages: [page] }],
      },
    };
    const text = formatSummary(flooded);
    expect(text).toContain('Evidence incomplete: limits dropped or cut some of what the pages did.');
    expect(text).toContain(
      "4200 reports from the page's scripts were dropped over the rate limit (1 page(s))",
    );
    expect(text.indexOf('Evidence incomplete')).toBeLessThan(text.indexOf(' findings: '));
  });

  it('says of a baseline for a rule that now gives advice that it matches nothing because advice never fails', () => {
    const report = demoReport();
    const retention = report.advice?.[0];
    if (!retention) throw new Error('no advice in the demo report');
    const baseline: Baseline = {
      ...accepted,
      rule: retention.rule,
      subject: retention.subject,
      expires: '2030-01-01',
    };
    const text = formatSummary(report, {
      baselines: applyBaselines(report.violations, [baseline], new Date('2025-01-01')),
      failOn: 'high',
    });
    expect(text).toContain(
      `Baselines that matched no violation: 1\n  retention-too-long ${retention.subject} (web-team; this rule gives advice now, which never fails)`,
    );
  });
});

describe('the findings table', () => {
  const report = demoReport();
  const text = formatSummary(report);

  it('names clauses as a reader looks them up', () => {
    expect(text).toContain('§7, line 95');
    expect(text).toMatch(/§7, lines 92–93/);
    expect(text).not.toMatch(/l\.\d/);
    expect(text).not.toContain('(s)');
  });

  it('never cuts what a finding says, so the leaked value stays in sight: a long summary goes on on the next lines', () => {
    const table = text.slice(text.indexOf('SEVERITY'), text.lastIndexOf('\n', text.indexOf(' findings: ')));
    const flattened = table.replace(/\n\s+/g, ' ');
    for (const finding of report.findings) expect(flattened).toContain(finding.summary);
    const widths = table.split('\n').map((line) => line.length);
    const header = table.split('\n').find((line) => line.startsWith('SEVERITY')) ?? '';
    expect(Math.max(...widths)).toBeLessThanOrEqual(header.indexOf('WHAT') + 72);
  });
});

describe('pages that could not be audited', () => {
  const failed = {
    ...demoReport(),
    pages: [],
    observations: [],
    violations: [],
    findings: [],
    errors: [
      {
        url: 'https://www.jeejio.com/',
        message: 'net::ERR_NAME_NOT_RESOLVED at https://www.jeejio.com/\nCall log: …',
      },
    ],
  };

  it('are named with why before the verdict, which speaks only of the pages audited', () => {
    const text = formatSummary(failed);
    expect(text).toContain('Not audited: 1 page could not be loaded, so nothing is known of it.');
    expect(text).toContain(
      '  https://www.jeejio.com/: net::ERR_NAME_NOT_RESOLVED at https://www.jeejio.com/',
    );
    expect(text).not.toContain('Call log');
    expect(text).toContain('No violations found on the pages that could be audited.');
    expect(text).not.toMatch(/^No violations found\.$/m);
  });
});

describe('formatSummary of a scenario', () => {
  it('says which scenario the visit was made in', () => {
    const text = formatSummary({ ...demoReport(), scenario: { name: 'gpc', description: 'GPC is on.' } });
    expect(text).toMatch(/^Scenario: gpc \(GPC is on\.\)$/m);
  });
});

describe('comparisonLines', () => {
  const comparison = (cookies: number, keys: number): ReportComparison => ({
    previous: { generatedAt: '2026-12-01T00:00:00.000Z', pages: 1, findings: 0 },
    findings: { new: [], gone: [] },
    thirdParties: { new: [], gone: [] },
    cookies: {
      new: Array.from({ length: cookies }, (_, i) => ({
        name: `c${i}`,
        domain: '.jeejio.com',
        observationIds: [`o${i}`],
      })),
      gone: [{ name: 'old\u001b[31m', domain: 'www.jeejio.com', observationIds: ['p1'] }],
    },
    storageKeys: {
      new: [],
      gone: Array.from({ length: keys }, (_, i) => ({
        origin: 'https://www.jeejio.com',
        area: 'localStorage',
        key: `k${i}`,
        observationIds: [`s${i}`],
      })),
    },
  });

  it('names the new and gone cookies and storage keys, not only their counts', () => {
    const text = comparisonLines(comparison(2, 1)).join('\n');
    expect(text).toContain('2 new, 2 gone third parties, cookies and storage keys');
    expect(text).toContain('  New cookie: c0 (.jeejio.com)\n  New cookie: c1 (.jeejio.com)');
    expect(text).toContain('  Gone cookie: old?[31m (www.jeejio.com)');
    expect(text).toContain('  Gone storage key: k0 (localStorage, https://www.jeejio.com)');
  });

  it('warns when the run compared with was judged by another rule set or policy, and not when alike', () => {
    const judged = { ruleSetVersion: '7', policy: { id: 'jeejio-privacy-policy', version: '2023-07-20' } };
    const c = { ...comparison(0, 0), previous: { ...comparison(0, 0).previous, ...judged } };
    expect(
      comparisonLines(c, { ...judged, policy: { ...judged.policy, sha256: 'x' } }).join('\n'),
    ).not.toContain('WARNING');
    const text = comparisonLines(c, {
      ...judged,
      ruleSetVersion: '8',
      policy: { ...judged.policy, sha256: 'x' },
    }).join('\n');
    expect(text).toContain(
      'WARNING: the run compared with was judged differently (rule set 7, this run 8): a finding may be new or gone because the rules changed, not the site.',
    );
  });

  it('lists at most ten of each and says how many more the report holds', () => {
    const lines = comparisonLines(comparison(MAX_LISTED_CHANGES + 5, 0));
    expect(lines.filter((l) => l.startsWith('  New cookie:'))).toHaveLength(MAX_LISTED_CHANGES);
    expect(lines).toContain("  …and 5 more new cookies in report.json's comparison");
  });
});
