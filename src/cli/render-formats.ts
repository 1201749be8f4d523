import { toFindingsCsv } from '../core/formats/csv';
import type { FormatInput } from '../core/formats/format-input';
import { toJUnitXml } from '../core/formats/junit';
import { toReportHtml } from '../core/formats/report-html';
import { toSarif } from '../core/formats/sarif';
import type { OutputFormat } from './audit-arguments';

export interface RenderedFile {
  format: OutputFormat;
  fileName: string;
  content: string;
}

/** Each format's file in the output directory and how it is made; json is report.json, written with the log. */
const RENDERERS: Partial<Record<OutputFormat, { fileName: string; render: (input: FormatInput) => string }>> =
  {
    junit: { fileName: 'report.junit.xml', render: toJUnitXml },
    sarif: { fileName: 'report.sarif', render: (input) => `${JSON.stringify(toSarif(input), null, 2)}\n` },
    csv: { fileName: 'findings.csv', render: toFindingsCsv },
    html: { fileName: 'report.html', render: toReportHtml },
  };

/** Formats asked for that cannot be made yet: said so, never faked. (None, now that html is made.) */
export const NOT_YET_AVAILABLE: readonly OutputFormat[] = [];

/** The files for the formats asked for, besides report.json. */
export function renderFormats(formats: readonly OutputFormat[], input: FormatInput): RenderedFile[] {
  return formats.flatMap((format) => {
    const renderer = RENDERERS[format];
    return renderer ? [{ format, fileName: renderer.fileName, content: renderer.render(input) }] : [];
  });
}
