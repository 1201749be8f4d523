import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JEEJIO_POLICY_2023_07 } from '../core/policy/jeejio-policy-2023-07';
import {
  type AuditScenarioName,
  SCENARIO_SETUPS,
  type ScenarioSetup,
} from '../core/scenarios/audit-scenario';
import { formatScenarioComparison } from '../core/scenarios/format-scenario-comparison';
import { compareScenarios, type ScenarioRun } from '../core/scenarios/scenario-comparison';
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
import { UsageError } from '../harness/usage-error';
import { AUDIT_USAGE, parseAuditArguments } from './audit-arguments';
import { createAuditProgress } from './audit-progress';
import { resolveAuditSettings } from './audit-settings';
import { ruleOptionsFromConfig } from './config-rule-options';
import { HostRulesNotApplied } from './confirm-host-rules';
import { type LoadedConfig, loadAuditConfig } from './load-audit-config';
import { LoginScriptError, loadLoginScript } from './login-script';
import { readBoundedFile } from './read-bounded-file';
import { readReportFile } from './read-report-file';
import { NOT_YET_AVAILABLE } from './render-formats';
import { type AuditResult, runAudit } from './run-audit';
import { MAX_URL_LIST_BYTES, parseUrlList } from './url-list';
import { writeAuditOutputs } from './write-audit-outputs';
import { writeAuditBundle } from './write-bundle';

/** `audit`: the exit code, or a thrown UsageError (exit 2, with the usage). */
export async function auditCommand(argv: string[]): Promise<number> {
  // `audit merge DIR...` joins the reports of shards: no browser, so its module is loaded alone.
  if (argv[0] === 'merge') return (await import('./merge-command')).mergeCommand(argv.slice(1));
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
  const previous = args.comparePath
    ? await readReportFile(args.comparePath, 'report to compare with')
    : undefined;
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
  const policy = loaded?.policy ?? JEEJIO_POLICY_2023_07;
  /** One visit of the pages, in one fresh browser: its files in `outDir`, its exit code. */
  const auditOnce = async (
    outDir: string,
    scenario?: ScenarioSetup,
  ): Promise<{ code: number; result?: AuditResult }> => {
    let result: AuditResult;
    try {
      result = await runAudit({
        urls: settings.urls,
        outDir,
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
        ...(login && {
          login: { script: login, path: args.loginPath ?? '', baseUrl: new URL(firstUrl).origin },
        }),
        ...(scenario && { scenario }),
        ...(args.repeat !== undefined && { repeat: args.repeat }),
        ...(args.dnsServer && { dnsServer: args.dnsServer }),
        progress: createAuditProgress(process.stderr, process.env),
      });
    } catch (error) {
      if (error instanceof HostRulesNotApplied) {
        console.error(`${error.message} No report was written.`);
        return { code: 2 };
      }
      if (error instanceof LoginScriptError) {
        console.error(`${error.message} No page was audited.`);
        return { code: 2 };
      }
      console.error(
        `The browser could not run the audit: ${error instanceof Error ? error.message : String(error)}`,
      );
      return { code: 2 };
    }
    const outputs = await writeAuditOutputs(result.report, {
      outDir,
      formats: args.formats,
      baselines: settings.baselines,
      failOn: settings.failOn,
      policy,
      ...(previous && { previous }),
      failOnNew: args.failOnNew === true,
      writeReportJson: false,
    });
    console.log(outputs.summary);
    console.log(`Report: ${outputs.written.join(', ')}`);
    const dns = outputs.report.dnsLookups;
    if (dns && (dns.aliases.length > 0 || dns.warnings.length > 0))
      console.log(
        `DNS (${dns.resolver}): ${dns.hosts.length} of the site's hosts asked for their CNAME; ${dns.aliases.map((a) => a.chain.join(' → ')).join(', ') || 'no alias'}; ${dns.warnings.length} failed (report.json: dnsLookups).`,
      );
    if (result.redactedValues > 0)
      console.log(
        `Credentials: ${result.redactedValues} ${plural(result.redactedValues, 'value')} (session and login cookies, tokens) ${result.redactedValues === 1 ? 'is a keyed mark' : 'are keyed marks'} in these files; --include-secrets keeps them in clear.`,
      );
    let code = outputs.exitCode;
    if (args.bundle !== undefined) {
      const bundle = await writeAuditBundle(args.bundle, { ...args, urls: settings.urls }, result);
      console.log(bundle.summary);
      // The bundle is written either way; a timestamp asked for and not obtained fails the run.
      if (bundle.timestampError !== undefined) {
        console.error(
          'Exit code 2: the trusted timestamp asked for (--tsa) was not obtained; the bundle was written without one (see above).',
        );
        code = 2;
      }
    }
    return { code, result: { ...result, report: outputs.report } };
  };
  if (!args.scenarios) return (await auditOnce(args.outDir)).code;
  if (previous && args.scenarios.length > 1)
    throw new UsageError('--compare compares one visit with an earlier run; give one --scenario with it.');
  return auditScenarios(args.scenarios, args.outDir, auditOnce);
}

/**
 * Visits the pages once per scenario, each in a fresh profile and folder of
 * its own, then compares each with the default visit: DIR/scenarios.json and
 * the summary. The exit code is the worst of the visits'.
 */
async function auditScenarios(
  asked: readonly AuditScenarioName[],
  outDir: string,
  auditOnce: (outDir: string, scenario?: ScenarioSetup) => Promise<{ code: number; result?: AuditResult }>,
): Promise<number> {
  const names: AuditScenarioName[] = ['default', ...asked.filter((name) => name !== 'default')];
  if (!asked.includes('default'))
    console.error('The default visit is added: every scenario is compared with it.');
  const runs: ScenarioRun[] = [];
  let code = 0;
  for (const name of names) {
    console.log(`\nScenario ${name}: ${SCENARIO_SETUPS[name].description}`);
    const visit = await auditOnce(join(outDir, name), SCENARIO_SETUPS[name]);
    code = Math.max(code, visit.code);
    if (visit.result) runs.push({ scenario: name, report: visit.result.report });
  }
  if (!runs.some((run) => run.scenario === 'default')) {
    console.error('The default visit failed, so the scenarios are not compared.');
    return Math.max(code, 2);
  }
  const differences = compareScenarios(runs);
  const path = join(outDir, 'scenarios.json');
  await writeFile(
    path,
    `${JSON.stringify({ scenarios: runs.map((run) => ({ name: run.scenario, report: join(run.scenario, 'report.json') })), differences }, null, 2)}\n`,
  );
  console.log(`\n${formatScenarioComparison(differences)}`);
  console.log(`Comparison: ${path}`);
  return code;
}
