import { toFindingsCsv } from '../formats/csv';
import { toReportHtml } from '../formats/report-html';
import type { Observation, PageVisit } from '../observations/observation';
import type { Report } from '../report/report-types';
import { FINDINGS_FILE, HAR_FILE, REPORT_HTML_FILE } from './bundle-layout';
import { buildHar } from './har';

/** What the files made from the report and the chain are made from. */
export interface DerivedSources {
  report: Report;
  pages: readonly PageVisit[];
  observations: readonly Observation[];
  /** The screenshots' paths in the bundle, as report.html names them. */
  screenshots: readonly string[];
}

const encoder = new TextEncoder();

/**
 * The bundle's files that are made from report.json and the chained
 * observations, each made one way only: the exporter writes them so, and the
 * verifier makes them again to say where a changed one differs.
 */
const MAKERS = {
  [REPORT_HTML_FILE]: ({ report, screenshots }: DerivedSources) =>
    toReportHtml({ report, rules: [], screenshots }),
  [HAR_FILE]: ({ report, pages, observations }: DerivedSources) =>
    JSON.stringify(buildHar({ pages, observations }, report.tool)),
  [FINDINGS_FILE]: ({ report }: DerivedSources) => toFindingsCsv({ report, rules: [] }),
} as const;

export type DerivedPath = keyof typeof MAKERS;

export function isDerivedPath(path: string): path is DerivedPath {
  return Object.hasOwn(MAKERS, path);
}

export function derivedFile(path: DerivedPath, sources: DerivedSources): Uint8Array<ArrayBuffer> {
  return encoder.encode(MAKERS[path](sources));
}

/** Where two files first differ, as an editor counts lines (from 1), and the byte offset (from 0). */
export function firstDifference(
  actual: Uint8Array,
  expected: Uint8Array,
): { line: number; offset: number } | undefined {
  const length = Math.min(actual.length, expected.length);
  let offset = 0;
  while (offset < length && actual[offset] === expected[offset]) offset++;
  if (offset === length && actual.length === expected.length) return undefined;
  let line = 1;
  for (let i = 0; i < offset; i++) if (actual[i] === 0x0a) line++;
  return { line, offset };
}
