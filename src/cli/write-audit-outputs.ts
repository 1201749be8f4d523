import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyBaselines } from '../core/config/apply-baselines';
import { auditExitCode, violationsThatMayFail } from '../core/config/exit-code';
import type { Baseline, FailOn } from '../core/config/inspector-config-schema';
import { describePolicyRules } from '../core/formats/rule-descriptions';
import type { PolicyModel } from '../core/policy/policy-model';
import { compareReports } from '../core/report/compare-reports';
import type { Report } from '../core/report/report-types';
import type { OutputFormat } from './audit-arguments';
import { formatSummary } from './format-summary';
import { renderFormats } from './render-formats';

export interface AuditOutputOptions {
  outDir: string;
  formats: readonly OutputFormat[];
  baselines: readonly Baseline[];
  failOn: FailOn;
  /** The policy the report was judged by, for the rules the CI formats list. */
  policy: PolicyModel;
  /** The earlier run's report (--compare): what is new and gone since it goes into every output. */
  previous?: Report;
  failOnNew: boolean;
  /** Whether report.json is still to be written (an audit has written it already unless compared). */
  writeReportJson: boolean;
}

export interface AuditOutputs {
  report: Report;
  /** Every file written, report.json first. */
  written: string[];
  summary: string;
  exitCode: 0 | 1 | 2;
}

/**
 * What an audit writes and prints once it has its report, and what `audit
 * merge` writes for the merged one alike: report.json (with the comparison
 * when compared), the formats asked for, the summary, and the exit code.
 */
export async function writeAuditOutputs(given: Report, options: AuditOutputOptions): Promise<AuditOutputs> {
  const report: Report = options.previous
    ? { ...given, comparison: compareReports(options.previous, given) }
    : given;
  const reportPath = join(options.outDir, 'report.json');
  if (options.writeReportJson || options.previous) {
    await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  }
  const baselines = applyBaselines(report.violations, options.baselines, new Date());
  const rules = describePolicyRules(options.policy);
  const written = [reportPath];
  const input = { report, rules, baselines, failOnNew: options.failOnNew };
  for (const file of renderFormats(options.formats, input)) {
    const path = join(options.outDir, file.fileName);
    await writeFile(path, file.content);
    written.push(path);
  }
  return {
    report,
    written,
    summary: formatSummary(report, { baselines, failOn: options.failOn, failOnNew: options.failOnNew }),
    exitCode: auditExitCode({
      violations: violationsThatMayFail(baselines.kept, report.comparison, options.failOnNew),
      failOn: options.failOn,
      pageErrors: report.errors?.length ?? 0,
    }),
  };
}
