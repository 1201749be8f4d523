import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Screenshot } from '../evidence/build-bundle';
import type { Inspector } from '../extension/start-inspector';
import type { RecordedLog } from '../observations/observation';
import type { PolicyModel } from '../policy/policy-model';
import { buildReport } from '../report/build-report';
import type { Report } from '../report/report-types';
import { CrawlFrontier } from './crawl-frontier';
import { launchWithExtension } from './launch-with-extension';

export interface AuditOptions {
  urls: string[];
  outDir: string;
  chromePath: string;
  extensionDir: string;
  hostRules?: string;
  ignoreHttpsErrors?: boolean;
  /** How long a page may take to load and fall quiet. */
  pageTimeoutMs?: number;
  /**
   * Another policy model to judge by than the one built into the extension:
   * the report is then rebuilt from the recorded log, as anyone can with
   * observations.json.
   */
  policy?: PolicyModel;
  /** Takes a screenshot of each page once it is quiet, as evidence of what it showed. */
  screenshots?: boolean;
  /** Follow same-site links breadth-first until this many pages were visited (the URLs given count). */
  crawl?: number;
  log?: (line: string) => void;
}

export interface AuditResult {
  report: Report;
  reportPath: string;
  /** What the extension recorded, from which the report was built. */
  recorded: RecordedLog;
  screenshots: Screenshot[];
  /** The browser that ran the audit, as it names itself. */
  userAgent: string;
}

/** Quiet means no network request for this long, as Playwright's "networkidle" defines it. */
const SETTLE_AFTER_QUIET_MS = 300;

/** Visits each URL in Chromium with the extension, then writes the extension's own report. */
export async function runAudit(options: AuditOptions): Promise<AuditResult> {
  const log = options.log ?? (() => {});
  const timeout = options.pageTimeoutMs ?? 30_000;
  const session = await launchWithExtension(options);
  const errors: { url: string; message: string }[] = [];
  let report: Report;
  let recorded: RecordedLog;
  let userAgent: string;
  const screenshots: Screenshot[] = [];
  try {
    const page = await session.context.newPage();
    const frontier = new CrawlFrontier(options.urls, options.crawl ?? options.urls.length);
    for (let i = 0, url = frontier.next(); url !== undefined; i++, url = frontier.next()) {
      log(`Visiting ${url}`);
      try {
        await page.goto(url, { waitUntil: 'load', timeout });
        await page.waitForLoadState('networkidle', { timeout }).catch(() => {
          log(`  ${url} did not fall quiet within ${timeout} ms; reading what was seen so far.`);
        });
        await page.waitForTimeout(SETTLE_AFTER_QUIET_MS);
        if (options.screenshots) {
          screenshots.push({ name: `page-${i + 1}.png`, bytes: new Uint8Array(await page.screenshot()) });
        }
        if (options.crawl !== undefined) {
          frontier.addLinks(
            await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href)),
          );
        }
      } catch (error) {
        const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
        errors.push({ url, message });
        log(`  Could not load ${url}: ${message}`);
      }
    }
    [report, recorded, userAgent] = await session.worker.evaluate(async () => {
      const { jeejioInspector } = globalThis as unknown as { jeejioInspector: Inspector };
      return [
        await jeejioInspector.exportReport(),
        await jeejioInspector.exportLog(),
        navigator.userAgent,
      ] as const;
    });
  } finally {
    await session.close();
  }
  if (options.policy) {
    report = buildReport({ tool: report.tool, policy: options.policy, ...recorded, generatedAt: Date.now() });
  }
  if (errors.length > 0) report.errors = errors;
  await mkdir(options.outDir, { recursive: true });
  const reportPath = join(options.outDir, 'report.json');
  await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  // The raw log lets anyone rebuild the report with this or a later rule set.
  await writeFile(join(options.outDir, 'observations.json'), `${JSON.stringify(recorded)}\n`);
  return { report, reportPath, recorded, screenshots, userAgent };
}
