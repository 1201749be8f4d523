// The browser build carries its own Buffer: the extension's pages export bundles with findings.csv too.
import { stringify } from 'csv-stringify/browser/esm/sync';
import { findingsOf } from '../engine/findings';
import { formatClauseLocation } from '../policy/policy-model';
import { type FormatInput, findingStatuses, statusOfFinding } from './format-input';
import { clip, listWithMore } from './text-bounds';

/** A list cell holds up to a hundred URLs or ids; the full lists are in report.json. */
const MAX_LIST_CELL_CHARS = 8000;

export const CSV_COLUMNS = [
  'severity',
  'rules',
  'clauses',
  'summary',
  'page_url',
  'pages',
  'evidence_ids',
  'verified',
  'status',
  'accepted_until',
  'accepted_by',
  'acceptance_reason',
  'finding_id',
  'violation_ids',
  'subjects',
] as const;

/**
 * The findings as a spreadsheet: one row per finding (one problem, listing
 * every rule and clause it breaks), accepted ones included with who accepted them and until when (status "accepted"), and
 * lapsed acceptances marked "acceptance-expired".
 *
 * RFC 4180: CRLF between records, fields with a comma, quote or line break
 * quoted, quotes doubled (csv-stringify). Cells are page-controlled text, so a
 * cell that a spreadsheet would run as a formula (starting with = + - @, tab
 * or carriage return) gets a leading single quote.
 */
export function toFindingsCsv({ report, baselines }: FormatInput): string {
  const statusOf = findingStatuses(baselines);
  const subjectOf = new Map(report.violations.map((v) => [v.id, v.subject]));
  const rows = findingsOf(report.violations).map((f) => {
    const status = statusOfFinding(f, statusOf);
    const baseline = status.state === 'open' ? undefined : status.baseline;
    return [
      f.severity,
      f.rules.join('; '),
      f.clauses.map((c) => formatClauseLocation(c)).join('; '),
      clip(f.summary),
      clip(f.pageUrls[0] ?? ''),
      clip(listWithMore(f.pageUrls), MAX_LIST_CELL_CHARS),
      clip(listWithMore(f.observationIds), MAX_LIST_CELL_CHARS),
      f.verified ? 'yes' : 'no',
      status.state,
      baseline?.expires ?? '',
      clip(baseline?.owner ?? ''),
      clip(baseline?.reason ?? ''),
      f.id,
      clip(listWithMore(f.violationIds), MAX_LIST_CELL_CHARS),
      // Each subject once: a cookie breaking two rules is one subject.
      clip(
        listWithMore([...new Set(f.violationIds.map((id) => subjectOf.get(id) ?? ''))]),
        MAX_LIST_CELL_CHARS,
      ),
    ];
  });
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows', escape_formulas: true });
}
