import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { FailOn } from '../core/config/inspector-config-schema';
import { JEEJIO_POLICY_2023_07 } from '../core/policy/jeejio-policy-2023-07';
import { mergeReports, ReportMergeError } from '../core/report/merge-reports';
import { UsageError } from '../harness/usage-error';
import { isFailOn, parseComparisonOptions, parseFormats } from './audit-arguments';
import { usageErrorText } from './cli-usage';
import { loadAuditConfig } from './load-audit-config';
import { plainOptionError } from './nearest-word';
import { readReportFile } from './read-report-file';
import { writeAuditOutputs } from './write-audit-outputs';

export const MERGE_USAGE = `Usage: jeejio-privacy-inspector audit merge DIR... --out DIR [options]
       (in a clone of the repository: npm run audit -- merge DIR... --out DIR [options])

Merges the report.json of each DIR (the --out of an audit run with --shard i/n, given in
shard order) into one report, and writes it as an audit does: DIR/report.json and the
formats asked for, and the summary. Pages keep the order given; the same finding in several
shards is one, seen on each shard's pages; counts are recounted. Reports judged by another
rule set or policy are refused. Exit code as an audit's: 0, 1 (a finding at or above
--fail-on), 2 (usage, or a shard's page could not be loaded).

Options:
  --out DIR                Where to write the merged report.json and the formats (required)
  --format LIST            Comma-separated: json, html, junit, sarif, csv (as for an audit)
  --fail-on SEVERITY       high, medium or low (default low, or the config's failOn)
  --config FILE            inspector.config.json: its baselines, failOn and policy model
  --compare FILE           An earlier run's report.json: say what is new and what is gone
  --fail-on-new            With --compare: only new findings fail
  -h, --help               Show this help`;

const MERGE_OPTIONS = {
  out: { type: 'string' },
  format: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  config: { type: 'string' },
  compare: { type: 'string' },
  'fail-on-new': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `audit merge DIR... --out DIR`: the exit code; a usage error is said with merge's own usage (exit 2). */
export async function mergeCommand(argv: string[]): Promise<number> {
  try {
    return await merge(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(usageErrorText(error.message, MERGE_USAGE, 'audit merge'));
    return 2;
  }
}

async function merge(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(
      plainOptionError(error instanceof Error ? error.message : String(error), MERGE_OPTIONS),
    );
  }
  const { values, positionals: dirs } = parsed;
  if (values.help) {
    console.log(MERGE_USAGE);
    return 0;
  }
  if (dirs.length === 0) {
    throw new UsageError('Give the output folder of each shard to merge: audit merge DIR... --out DIR.');
  }
  if (!values.out) throw new UsageError('--out DIR is required: where the merged report goes.');
  const failOnGiven = values['fail-on'];
  if (failOnGiven !== undefined && !isFailOn(failOnGiven)) {
    throw new UsageError(`--fail-on must be high, medium or low, not ${failOnGiven}`);
  }
  const formats = parseFormats(values.format ?? []);
  const comparison = parseComparisonOptions(values);
  const loaded = values.config ? await loadAuditConfig(values.config) : undefined;
  const reports = [];
  const twice = dirs.find((dir, i) => dirs.findIndex((other) => resolve(other) === resolve(dir)) !== i);
  if (twice !== undefined)
    throw new UsageError(`${twice} is given twice: each shard's folder is merged once.`);
  for (const dir of dirs) reports.push(await readReportFile(join(dir, 'report.json'), 'shard report'));
  const previous = comparison.comparePath
    ? await readReportFile(comparison.comparePath, 'report to compare with')
    : undefined;
  let merged: ReturnType<typeof mergeReports>;
  try {
    merged = mergeReports(reports, new Date());
  } catch (error) {
    if (error instanceof ReportMergeError)
      throw new UsageError(`Cannot merge ${dirs.join(', ')}: ${error.message}`);
    throw error;
  }
  await mkdir(values.out, { recursive: true });
  const failOn: FailOn = failOnGiven ?? loaded?.config.failOn ?? 'low';
  const outputs = await writeAuditOutputs(merged, {
    outDir: values.out,
    formats,
    baselines: loaded?.config.baselines ?? [],
    failOn,
    policy: loaded?.policy ?? JEEJIO_POLICY_2023_07,
    ...(previous && { previous }),
    failOnNew: comparison.failOnNew === true,
    writeReportJson: true,
  });
  console.log(`Merged ${dirs.length} ${dirs.length === 1 ? 'report' : 'reports'}: ${dirs.join(', ')}`);
  console.log(outputs.summary);
  console.log(`Report: ${outputs.written.join(', ')}`);
  return outputs.exitCode;
}

function parse(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, strict: true, options: MERGE_OPTIONS });
}
