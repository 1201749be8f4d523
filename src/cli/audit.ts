import { AUDIT_USAGE, parseAuditArguments } from './audit-arguments';
import { AUDIT_EXTENSION_DIR, requireExtensionBuild } from './extension-build';
import { findChromium, UsageError } from './find-chromium';
import { formatSummary } from './format-summary';
import { auditExitCode, runAudit } from './run-audit';
import { writeAuditBundle } from './write-bundle';

async function main(argv: string[]): Promise<number> {
  const args = parseAuditArguments(argv);
  if (args.help) {
    console.log(AUDIT_USAGE);
    return 0;
  }
  const chromePath = findChromium();
  const extensionDir = requireExtensionBuild(args.extensionDir ?? AUDIT_EXTENSION_DIR);
  let result: Awaited<ReturnType<typeof runAudit>>;
  try {
    result = await runAudit({
      ...args,
      chromePath,
      extensionDir,
      screenshots: args.bundle !== undefined,
      log: (line) => console.error(line),
    });
  } catch (error) {
    console.error(
      `The browser could not run the audit: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
  console.log(formatSummary(result.report));
  console.log(`Report: ${result.reportPath}`);
  if (args.bundle !== undefined) console.log(await writeAuditBundle(args.bundle, args, result));
  return auditExitCode(result.report);
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
