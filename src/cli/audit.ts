import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyBaselines } from '../core/config/apply-baselines';
import { auditExitCode } from '../core/config/exit-code';
import { describePolicyRules } from '../core/formats/rule-descriptions';
import { JEEJIO_POLICY_2023_07 } from '../core/policy/jeejio-policy-2023-07';
import { plural } from '../core/wording/plural';
import {
  AUDIT_EXTENSION_DIR,
  extensionBuildWarning,
  FIREFOX_AUDIT_EXTENSION_DIR,
  requireExtensionBuild,
} from '../harness/extension-build';
import { findChromium } from '../harness/find-chromium';
import { findFirefox } from '../harness/find-firefox';
import { chromiumSandboxOff } from '../harness/launch-with-extension';
import { AUDIT_USAGE, parseAuditArguments } from './audit-arguments';
import { createAuditProgress } from './audit-progress';
import { resolveAuditSettings } from './audit-settings';
import { ruleOptionsFromConfig } from './config-rule-options';
import { HostRulesNotApplied } from './confirm-host-rules';
import { formatSummary } from './format-summary';
import { type LoadedConfig, loadAuditConfig } from './load-audit-config';
import { LoginScriptError, loadLoginScript } from './login-script';
import { readBoundedFile } from './read-bounded-file';
import { NOT_YET_AVAILABLE, renderFormats } from './render-formats';
import { runAudit } from './run-audit';
import { MAX_URL_LIST_BYTES, parseUrlList } from './url-list';
import { writeAuditBundle } from './write-bundle';

/** `audit`: the exit code, or a thrown UsageError (exit 2, with the usage). */
export async function auditCommand(argv: string[]): Promise<number> {
  const args = parseAuditArguments(argv);
  if (args.help) {
    console.log(AUDIT_USAGE);
    return 0;
  }
  // Everything the user wrote is checked before a browser starts.
  const loaded: LoadedConfig | undefined = args.configPath
    ? await loadAuditConfig(args.configPath)
    : undefined;
  const listed = args.urlsFile
    ? parseUrlList(await readBoundedFile(args.urlsFile, MAX_URL_LIST_BYTES, 'URL list'), args.urlsFile)
    : undefined;
  for (const warning of listed?.warnings ?? []) console.error(warning);
  const settings = resolveAuditSettings(args, loaded?.config, listed?.urls);
  const login = args.loginPath ? await loadLoginScript(args.loginPath) : undefined;
  const inFirefox = args.browser === 'firefox';
  const browserPath = inFirefox
    ? { chromePath: '', firefoxPath: findFirefox() }
    : { chromePath: findChromium() };
  const extensionDir = requireExtensionBuild(
    args.extensionDir ?? (inFirefox ? FIREFOX_AUDIT_EXTENSION_DIR : AUDIT_EXTENSION_DIR),
  );
  const buildWarning = extensionBuildWarning(extensionDir);
  if (buildWarning !== undefined) console.error(`Warning: ${buildWarning}`);
  const sandboxOff = inFirefox ? undefined : chromiumSandboxOff();
  if (sandboxOff !== undefined) console.error(`Warning: ${sandboxOff}`);
  if (args.shard) {
    const { index, total } = args.shard;
    console.error(
      `Shard ${index}/${total}: ${settings.urls.length} of the ${settings.listedUrls.length} URLs.`,
    );
    if (settings.urls.length === 0) {
      // More shards than URLs: Playwright passes an empty shard too, so CI matrices need not know the count.
      console.log(`Shard ${index}/${total} has no URL to audit; nothing to do.`);
      return 0;
    }
  }
  for (const format of args.formats.filter((f) => NOT_YET_AVAILABLE.includes(f))) {
    console.error(`The ${format} report is not yet available; skipping it (json, junit, sarif and csv are).`);
  }
  const firstUrl = settings.listedUrls[0] ?? '';
  const ruleOptions = loaded ? ruleOptionsFromConfig(loaded.config) : undefined;
  let result: Awaited<ReturnType<typeof runAudit>>;
  try {
    result = await runAudit({
      urls: settings.urls,
      outDir: args.outDir,
      ignoreHttpsErrors: args.ignoreHttpsErrors,
      ...(settings.hostRules !== undefined && { hostRules: settings.hostRules }),
      ...(args.pageTimeoutMs !== undefined && { pageTimeoutMs: args.pageTimeoutMs }),
      ...(loaded?.policy && { policy: loaded.policy }),
      ...(ruleOptions && { ruleOptions }),
      ...browserPath,
      ...(args.browser && { browser: args.browser }),
      extensionDir,
      screenshots: args.bundle !== undefined,
      ...(args.crawl !== undefined && { crawl: args.crawl }),
      ...(args.concurrency !== undefined && { concurrency: args.concurrency }),
      ...(args.dwellMs !== undefined && { dwellMs: args.dwellMs }),
      ...(args.thirdPartyCookies && { thirdPartyCookies: args.thirdPartyCookies }),
      ...(args.includeSecrets && { includeSecrets: true }),
      ...(args.dnsServer && { dnsServer: args.dnsServer }),
      ...(login && {
        login: { script: login, path: args.loginPath ?? '', baseUrl: new URL(firstUrl).origin },
      }),
      progress: createAuditProgress(process.stderr, process.env),
    });
  } catch (error) {
    if (error instanceof HostRulesNotApplied) {
      console.error(`${error.message} No report was written.`);
      return 2;
    }
    if (error instanceof LoginScriptError) {
      console.error(`${error.message} No page was audited.`);
      return 2;
    }
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
  const dns = report.dnsLookups;
  if (dns && (dns.aliases.length > 0 || dns.warnings.length > 0))
    console.log(
      `DNS (${dns.resolver}): ${dns.hosts.length} of the site's hosts asked for their CNAME; ${dns.aliases.map((a) => a.chain.join(' → ')).join(', ') || 'no alias'}; ${dns.warnings.length} failed (report.json: dnsLookups).`,
    );
  if (result.redactedValues > 0)
    console.log(
      `Credentials: ${result.redactedValues} ${plural(result.redactedValues, 'value')} (session and login cookies, tokens) ${result.redactedValues === 1 ? 'is a keyed mark' : 'are keyed marks'} in these files; --include-secrets keeps them in clear.`,
    );
  if (args.bundle !== undefined)
    console.log(await writeAuditBundle(args.bundle, { ...args, urls: settings.urls }, result));
  return auditExitCode({
    violations: baselines.kept,
    failOn: settings.failOn,
    pageErrors: report.errors?.length ?? 0,
  });
}
