import { toComparisonCsv } from '../core/formats/comparison-csv';
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

interface Renderer {
  format: OutputFormat;
  fileName: string;
  /** The file's content, or undefined when the report has nothing for it. */
  render: (input: FormatInput) => string | undefined;
}

/** Each format's files in the output directory and how they are made; json is report.json, written with the log. */
const RENDERERS: readonly Renderer[] = [
  { format: 'junit', fileName: 'report.junit.xml', render: toJUnitXml },
  {
    format: 'sarif',
    fileName: 'report.sarif',
    render: (input) => `${JSON.stringify(toSarif(input), null, 2)}\n`,
  },
  { format: 'csv', fileName: 'findings.csv', render: toFindingsCsv },
  // Only when compared with an earlier run (--compare): what is new and gone, a row each.
  {
    format: 'csv',
    fileName: 'comparison.csv',
    render: ({ report }) => (report.comparison ? toComparisonCsv(report.comparison) : undefined),
  },
  { format: 'html', fileName: 'report.html', render: toReportHtml },
];

/** Formats asked for that cannot be made yet: said so, never faked. (None, now that html is made.) */
export const NOT_YET_AVAILABLE: readonly OutputFormat[] = [];

/** The files for the formats asked for, besides report.json. */
export function renderFormats(formats: readonly OutputFormat[], input: FormatInput): RenderedFile[] {
  return formats.flatMap((format) =>
    RENDERERS.filter((r) => r.format === format).flatMap((r) => {
      const content = r.render(input);
      return content === undefined ? [] : [{ format, fileName: r.fileName, content }];
    }),
  );
}
