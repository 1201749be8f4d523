import { stringify } from 'csv-stringify/browser/esm/sync';
import type { ReportComparison } from '../report/compare-reports';
import { clip, listWithMore } from './text-bounds';

/** A list cell holds up to a hundred URLs or ids; the full lists are in report.json's comparison. */
const MAX_LIST_CELL_CHARS = 8000;

export const COMPARISON_CSV_COLUMNS = [
  'change',
  'what',
  'key',
  'severity',
  'intermittent',
  'summary',
  'vendor',
  'pages',
  'evidence_ids',
  'evidence_in',
] as const;

/**
 * What changed since the run compared with (--compare), as a spreadsheet: one
 * row per new or gone finding, third party, cookie and storage key. A new
 * row's evidence ids are in this run's report.json, a gone row's in the
 * earlier one. RFC 4180, formulas quoted, as findings.csv.
 */
export function toComparisonCsv(comparison: ReportComparison): string {
  const rows: string[][] = [];
  for (const change of ['new', 'gone'] as const) {
    const evidenceIn = change === 'new' ? 'this report' : 'the report compared with';
    for (const f of comparison.findings[change]) {
      rows.push([
        change,
        'finding',
        clip(f.keys.join('; ')),
        f.severity,
        f.intermittent ? 'yes' : 'no',
        clip(f.summary),
        '',
        cell(f.pageUrls),
        cell(f.observationIds),
        evidenceIn,
      ]);
    }
    for (const t of comparison.thirdParties[change]) {
      rows.push([
        change,
        'third-party',
        t.host,
        '',
        '',
        '',
        t.vendor ?? '',
        '',
        cell(t.observationIds),
        evidenceIn,
      ]);
    }
    for (const c of comparison.cookies[change]) {
      rows.push([
        change,
        'cookie',
        clip(`${c.name}@${c.domain}`),
        '',
        '',
        '',
        '',
        '',
        cell(c.observationIds),
        evidenceIn,
      ]);
    }
    for (const k of comparison.storageKeys[change]) {
      rows.push([
        change,
        'storage-key',
        clip(`${k.area} ${k.origin} ${k.key}`),
        '',
        '',
        '',
        '',
        '',
        cell(k.observationIds),
        evidenceIn,
      ]);
    }
  }
  return stringify([[...COMPARISON_CSV_COLUMNS], ...rows], {
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}

function cell(items: readonly string[]): string {
  return clip(listWithMore(items), MAX_LIST_CELL_CHARS);
}
