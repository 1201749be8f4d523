import { MAX_REPORT_BYTES, parseReport, ReportFileError } from '../core/report/parse-report';
import type { Report } from '../core/report/report-types';
import { UsageError } from '../harness/usage-error';
import { readBoundedFile } from './read-bounded-file';

/**
 * An earlier run's report.json (for --compare, or a shard's for `audit merge`),
 * read and checked: a missing, oversized or garbled file is a usage error
 * naming it and what is wrong (exit 2), never a stack trace.
 */
export async function readReportFile(path: string, what: string): Promise<Report> {
  const text = await readBoundedFile(path, MAX_REPORT_BYTES, what);
  try {
    return parseReport(text);
  } catch (error) {
    if (error instanceof ReportFileError)
      throw new UsageError(`The ${what} ${path} cannot be used. ${error.message}`);
    throw error;
  }
}
