import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyBaselines } from '../config/apply-baselines';
import { auditExitCode } from '../config/exit-code';
import { JEEJIO_POLICY_2023_07 } from '../policy/jeejio-policy-2023-07';
import { describePolicyRules } from '../report-formats/rule-descriptions';
import { AUDIT_USAGE, parseAuditArguments } from './audit-arguments';
import { resolveAuditSettings } from './audit-settings';
import { AUDIT_EXTENSION_DIR, requireExtensionBuild } from './extension-build';
import { findChromium, UsageError } from './find-chromium';
import { formatSummary } from './format-summary';
import { type LoadedConfig, loadAuditConfig } from './load-audit-config';
import { NOT_YET_AVAILABLE, renderFormats } from './render-formats';
import { runAudit } from './run-audit';
import { writeAuditBundle } from './write-bundle';

async function main(argv: string[]): Promise<number> {
  const args = parseAuditArguments(argv);
  if (args.help) {
    console.log(AUDIT_USAGE);
    return 0;
  }
  // Everything the user wrote is checked before a browser starts.
  const loaded: LoadedConfig | undefined = args.configPath
    ? await loadAuditConfig(args.configPath)
    : undefined;
  const settings = resolveAuditSettings(args, loaded?.config);
  const chromePath = findChromium();
  const extensionDir = requireExtensionBuild(args.extensionDir ?? AUDIT_EXTENSION_DIR);
  for (const format of args.formats.filter((f) => NOT_YET_AVAILABLE.includes(f))) {
    console.error(`The ${format} report is not yet available; skipping it (json, junit, sarif and csv are).`);
  }
  let result: Awaited<ReturnType<typeof runAudit>>;
  try {
    result = await runAudit({
      urls: settings.urls,
      outDir: args.outDir,
      ignoreHttpsErrors: args.ignoreHttpsErrors,
      ...(settings.hostRules !== undefined && { hostRules: settings.hostRules }),
      ...(args.pageTimeoutMs !== undefined && { pageTimeoutMs: args.pageTimeoutMs }),
      ...(loaded?.policy && { policy: loaded.policy }),
      chromePath,
      extensionDir,
      screenshots: args.bundle !== undefined,
      ...(args.crawl !== undefined && { crawl: args.crawl }),
      log: (line) => console.error(line),
    });
  } catch (error) {
    console.error(
      `The browser could not run the audit: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
  const { report, reportPath } = result;
  const baselines = applyBaselines(report.violations, settings.baselines, new Date());
  const rules = describePolicyRules(loaded?.policy ?? JEEJIO_POLICY_2023_07);
  const written = [reportPath];
  for (const file of renderFormats(args.formats, { report, rules, baselines })) {
    const path = join(args.outDir, file.fileName);
    await writeFile(path, file.content);
    written.push(path);
  }
  console.log(formatSummary(report, { baselines, failOn: settings.failOn }));
  console.log(`Report: ${written.join(', ')}`);
  if (args.bundle !== undefined) console.log(await writeAuditBundle(args.bundle, args, result));
  return auditExitCode({
    violations: baselines.kept,
    failOn: settings.failOn,
    pageErrors: report.errors?.length ?? 0,
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${AUDIT_USAGE}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(2);
  },
);
