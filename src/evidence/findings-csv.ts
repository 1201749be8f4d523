import type { Violation } from '../report/report-types';

const COLUMNS = [
  'violation_id',
  'rule',
  'severity',
  'verified',
  'clause_id',
  'section',
  'lines',
  'clause_title',
  'title',
  'summary',
  'page_url',
  'page_urls',
  'observation_ids',
] as const;

/**
 * One row per violation, for a spreadsheet. RFC 4180: CRLF line ends, a
 * field quoted when it holds a comma, a quote or a line break, quotes
 * doubled. Lists (pages, observation ids) are joined with spaces, which no
 * URL or id contains.
 */
export function buildFindingsCsv(violations: readonly Violation[]): string {
  const rows = violations.map((v) => [
    v.id,
    v.rule,
    v.severity,
    String(v.verified),
    v.clause.id,
    v.clause.section,
    v.clause.lines.from === v.clause.lines.to
      ? String(v.clause.lines.from)
      : `${v.clause.lines.from}-${v.clause.lines.to}`,
    v.clause.title,
    v.title,
    v.summary,
    v.pageUrl,
    v.pageUrls.join(' '),
    v.observationIds.join(' '),
  ]);
  return [COLUMNS, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
 * return before one) as a formula, and the text here comes from the audited
 * site: a cookie named `=HYPERLINK(...)` must stay text. A leading apostrophe
 * is what spreadsheets themselves use to mark a cell as text (OWASP's advice).
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
