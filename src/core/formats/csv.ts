// The browser build carries its own Buffer: the extension's pages export bundles with findings.csv too.
import { stringify } from 'csv-stringify/browser/esm/sync';
import { formatClauseLocation } from '../policy/policy-model';
import { type FormatInput, findingStatuses } from './format-input';
import { clip, listWithMore } from './text-bounds';

/** A list cell holds up to a hundred URLs or ids; the full lists are in report.json. */
const MAX_LIST_CELL_CHARS = 8000;

export const CSV_COLUMNS = [
  'severity',
  'rule',
  'clause',
  'summary',
  'page_url',
  'pages',
  'evidence_ids',
  'verified',
  'status',
  'accepted_until',
  'accepted_by',
  'acceptance_reason',
  'violation_id',
  'subject',
] as const;

/**
 * The findings as a spreadsheet: one row per violation, accepted ones
 * included with who accepted them and until when (status "accepted"), and
 * lapsed acceptances marked "acceptance-expired".
 *
 * RFC 4180: CRLF between records, fields with a comma, quote or line break
 * quoted, quotes doubled (csv-stringify). Cells are page-controlled text, so a
 * cell that a spreadsheet would run as a formula (starting with = + - @, tab
 * or carriage return) gets a leading single quote.
 */
export function toFindingsCsv({ report, baselines }: FormatInput): string {
  const statusOf = findingStatuses(baselines);
  const rows = report.violations.map((v) => {
    const status = statusOf(v.id);
    const baseline = status.state === 'open' ? undefined : status.baseline;
    return [
      v.severity,
      v.rule,
      formatClauseLocation(v.clause),
      clip(v.summary),
      clip(v.pageUrl),
      clip(listWithMore(v.pageUrls), MAX_LIST_CELL_CHARS),
      clip(listWithMore(v.observationIds), MAX_LIST_CELL_CHARS),
      v.verified ? 'yes' : 'no',
      status.state,
      baseline?.expires ?? '',
      clip(baseline?.owner ?? ''),
      clip(baseline?.reason ?? ''),
      v.id,
      clip(v.subject),
    ];
  });
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows', escape_formulas: true });
}
