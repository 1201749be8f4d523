import { join } from 'node:path';
import { DEMO_PAGES } from '../demo-site/demo-pages.js';
import { startDemoSite } from '../demo-site/server.js';
import {
  AUDIT_EXTENSION_DIR,
  FIREFOX_AUDIT_EXTENSION_DIR,
  PROJECT_ROOT,
  requireExtensionBuild,
} from '../harness/extension-build';
import { findChromium } from '../harness/find-chromium';
import { findFirefox } from '../harness/find-firefox';
import { chromiumSandboxOff } from '../harness/launch-with-extension';
import { createAuditProgress } from './audit-progress';
import { AUDIT_BROWSERS } from './browsers/audit-browser';
import { formatSummary } from './format-summary';
import { nearestWord } from './nearest-word';
import { runAudit } from './run-audit';

/**
 * Serves the demo Jeejio site over HTTPS, audits it with the built extension
 * and prints the findings. The demo site breaks rules on purpose, so a run
 * that finds them is a success (exit 0).
 */
async function main(): Promise<void> {
  // `npm run demo -- --browser firefox` audits the demo in Firefox instead.
  const browserAt = process.argv.indexOf('--browser');
  const inFirefox = browserAt >= 0 && process.argv[browserAt + 1] === 'firefox';
  const named = process.argv[browserAt + 1];
  if (browserAt >= 0 && !inFirefox && named !== 'chromium') {
    const near = named === undefined ? undefined : nearestWord(named, AUDIT_BROWSERS);
    console.error(
      `--browser takes chromium or firefox, not ${named ?? 'nothing'}${near ? `; did you mean ${near}?` : '.'}`,
    );
    process.exit(2);
  }
  const browser = inFirefox
    ? { browser: 'firefox' as const, chromePath: '', firefoxPath: findFirefox() }
    : { chromePath: findChromium() };
  const extensionDir = requireExtensionBuild(inFirefox ? FIREFOX_AUDIT_EXTENSION_DIR : AUDIT_EXTENSION_DIR);
  const sandboxOff = inFirefox ? undefined : chromiumSandboxOff();
  if (sandboxOff !== undefined) console.error(`Warning: ${sandboxOff}`);
  const site = await startDemoSite();
  console.log(`Demo site on 127.0.0.1:${site.port}, answering for *.jeejio.com and its third parties.`);
  const pages = DEMO_PAGES.filter((p) => !p.url.includes('/stream'));
  for (const p of pages) console.log(`  ${p.url}  ${p.description}`);
  try {
    const { report, reportPath } = await runAudit({
      urls: pages.map((p) => p.url),
      outDir: join(PROJECT_ROOT, 'audit-out/demo'),
      ...browser,
      extensionDir,
      hostRules: site.hostRules,
      ignoreHttpsErrors: true,
      progress: createAuditProgress(process.stderr, process.env),
    });
    console.log(`\n${formatSummary(report)}\nReport: ${reportPath}`);
    if (report.errors?.length) process.exitCode = 1;
  } finally {
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
