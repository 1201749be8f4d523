import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { demoReport, HOSTILE_TEXT, hostileReport, violationOf } from '../../../tests/support/reports';
import { applyBaselines } from '../config/apply-baselines';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import type { Report } from '../report/report-types';
import { CSV_COLUMNS, toFindingsCsv } from './csv';
import { describePolicyRules } from './rule-descriptions';

const rules = describePolicyRules(policy);

/** The CSV as an RFC 4180 reader sees it: one record per row, keyed by the header. */
function rowsOf(csv: string): Record<(typeof CSV_COLUMNS)[number], string>[] {
  return parse(csv, { columns: true, record_delimiter: '\r\n', relax_quotes: false });
}

function withSummaries(report: Report, summaries: string[]): Report {
  return {
    ...report,
    violations: summaries.map(
      (summary, i) => ({ ...report.violations[0], id: `v-${i}`, findingId: `f-${i}`, summary }) as never,
    ),
  };
}

function rowOf(rows: ReturnType<typeof rowsOf>, violationId: string) {
  return rows.find((r) => r.violation_ids.split(' ').includes(violationId));
}

describe('toFindingsCsv', () => {
  it('has a header and one row per finding, with the columns a spreadsheet user needs', () => {
    const report = demoReport();
    const csv = toFindingsCsv({ report, rules });
    const rows = rowsOf(csv);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(report.findings.length);
    expect(rows.length).toBeLessThan(report.violations.length);
    const token = violationOf(report, 'cookie-login-insecure', 'token@');
    expect(rowOf(rows, token.id)).toEqual({
      severity: 'medium',
      rules: 'cookie-login-insecure',
      clauses: '§6, line 89',
      summary: token.summary,
      page_url: 'https://www.jeejio.com/',
      pages: token.pageUrls.join(' '),
      evidence_ids: token.observationIds.join(' '),
      verified: 'yes',
      status: 'open',
      accepted_until: '',
      accepted_by: '',
      acceptance_reason: '',
      finding_id: token.findingId,
      violation_ids: token.id,
      subjects: token.subject,
    });
    // DoubleClick's IDE cookie breaks two promises: one row naming both rules and both clauses.
    const ide = violationOf(report, 'cookie-third-party-recipient', 'IDE@');
    expect(rowOf(rows, ide.id)).toMatchObject({
      rules: 'cookie-third-party-recipient; cookie-undeclared-purpose',
      clauses: '§4, lines 60–70; §7, lines 92–93',
      // One cookie, so one subject, however many rules it breaks.
      subjects: ide.subject,
    });
  });

  it('ends every record with CRLF and quotes commas, quotes and line breaks (RFC 4180)', () => {
    const csv = toFindingsCsv({ report: withSummaries(demoReport(), ['a, "b"\r\nc', 'plain']), rules });
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain(',"a, ""b""\r\nc",');
    expect(rowsOf(csv).map((r) => r.summary)).toEqual(['a, "b"\r\nc', 'plain']);
  });

  it.each([
    ['=', '=SUM(A1:A9)'],
    ['+', '+1+cmd|calc'],
    ['-', '-2+3'],
    ['@', '@SUM(A1)'],
  ])('defuses a cell starting with %s by a leading single quote', (_start, summary) => {
    const rows = rowsOf(toFindingsCsv({ report: withSummaries(demoReport(), [summary]), rules }));
    expect(rows[0]?.summary).toBe(`'${summary}`);
  });

  it('keeps hostile text readable and bounds huge values', () => {
    const report = hostileReport();
    const csv = toFindingsCsv({ report, rules });
    expect(csv.length).toBeLessThan(200_000);
    const [hostile, huge] = rowsOf(csv);
    // UTF-8 cannot hold a lone surrogate: it reads back as U+FFFD. Everything else is kept as written.
    expect(hostile?.summary).toBe(`'${HOSTILE_TEXT.replace('\ud800', '\ufffd')}`);
    expect(hostile?.evidence_ids).toMatch(/\(and 4\d{3} more in report\.json\)$/);
    expect(huge?.summary.length).toBeLessThanOrEqual(2001);
    expect(huge?.page_url).toBe('not a URL <at all>');
  });

  it('says which findings a baseline accepts, by whom and until when, and which acceptances expired', () => {
    const report = demoReport();
    const phone = violationOf(report, 'cookie-sensitive-in-clear', 'user_phone@');
    const token = violationOf(report, 'cookie-login-insecure', 'token@');
    const base = { reason: '=Reviewed, see ticket', owner: '@privacy' };
    const baselines = applyBaselines(
      report.violations,
      [
        { ...base, rule: phone.rule, subject: phone.subject, expires: '2030-01-01' },
        { ...base, rule: token.rule, subject: token.subject, expires: '2020-01-01' },
      ],
      new Date('2025-01-01'),
    );
    const rows = rowsOf(toFindingsCsv({ report, rules, baselines }));
    expect(rowOf(rows, phone.id)).toMatchObject({
      status: 'accepted',
      accepted_until: '2030-01-01',
      accepted_by: "'@privacy",
      acceptance_reason: "'=Reviewed, see ticket",
    });
    expect(rowOf(rows, token.id)).toMatchObject({
      status: 'acceptance-expired',
      accepted_until: '2020-01-01',
    });
  });
});
