import { join } from 'node:path';
import { type BrowserContext, test as base, type Page, type Worker } from '@playwright/test';
import type { Report } from '../../src/core/report/report-types';
import { type DemoSite, startDemoSite } from '../../src/demo-site/server';
import { PROJECT_ROOT } from '../../src/harness/extension-build';
import { findChromium } from '../../src/harness/find-chromium';
import { inInspector } from '../../src/harness/in-inspector';
import {
  type ExtensionSession,
  launchWithExtension,
  waitForInspectorReady,
} from '../../src/harness/launch-with-extension';

export const ROOT = PROJECT_ROOT;
/** The build users install: Jeejio hosts only, all sites optional. */
export const STORE_BUILD = join(ROOT, '.output/chrome-mv3');
/** The build the audit loads: all sites granted up front. */
export const AUDIT_BUILD = join(ROOT, '.output/chrome-mv3-audit');

interface Fixtures {
  extensionDir: string;
  extension: ExtensionSession;
  page: Page;
}

/** The demo site over HTTPS, one per test worker: every suite's fixture pages (the Firefox suite's too). */
export const demoSiteFixture: [
  (args: object, use: (site: DemoSite) => Promise<void>) => Promise<void>,
  { scope: 'worker' },
] = [
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
  async ({}, use: (site: DemoSite) => Promise<void>) => {
    const site = await startDemoSite();
    await use(site);
    await site.close();
  },
  { scope: 'worker' },
];

export const test = base.extend<Fixtures, { demoSite: DemoSite }>({
  demoSite: demoSiteFixture,
  extensionDir: AUDIT_BUILD,
  extension: async ({ demoSite, extensionDir }, use) => {
    const session = await launchWithExtension({
      chromePath: findChromium(),
      extensionDir,
      hostRules: demoSite.hostRules,
      ignoreHttpsErrors: true,
    });
    await use(session);
    await session.close();
  },
  page: async ({ extension }, use) => {
    await use(await extension.context.newPage());
  },
});

export const expect = test.expect;

/** The extension's background worker as it is now: after a stop, Chromium starts a new one. */
export async function liveWorker(context: BrowserContext): Promise<Worker> {
  for (let attempt = 0; attempt < 50; attempt++) {
    for (const worker of context.serviceWorkers().reverse()) {
      // Evaluating in a stopped worker never settles, so liveness is asked with a deadline.
      const alive = worker.evaluate(() => true).catch(() => false);
      if (await Promise.race([alive, new Promise<boolean>((r) => setTimeout(() => r(false), 1000))])) {
        await waitForInspectorReady(worker);
        return worker;
      }
    }
    // A stopped worker restarts on its next event; opening an extension page gives it one.
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('No live extension service worker');
}

export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await worker.evaluate(async (pageUrl) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === pageUrl)?.id;
  }, url);
  if (id === undefined) throw new Error(`No tab shows ${url}`);
  return id;
}

export async function badgeText(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

export async function exportReport(context: BrowserContext): Promise<Report> {
  const worker = await liveWorker(context);
  return inInspector(worker, (inspector) => inspector.exportReport());
}

/** One of the extension's own pages (popup.html, options.html, report.html...), opened in a tab. */
export async function openExtensionPage(extension: ExtensionSession, path: string): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/${path}`);
  return page;
}

/** The popup, opened as a page for the given tab, once it has shown its verdict. */
export async function openPopup(extension: ExtensionSession, tabId: number): Promise<Page> {
  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tabId=${tabId}`);
  await popup.getByTestId('verdict').waitFor({ timeout: 15_000 });
  return popup;
}

/** Loads a page and waits until its network has been quiet for a moment. */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
}

/** The audit build in a browser whose interface language is Chinese (Chromium takes it at launch). */
export function launchInChinese(demoSite: DemoSite): Promise<ExtensionSession> {
  return launchWithExtension({
    chromePath: findChromium(),
    extensionDir: AUDIT_BUILD,
    hostRules: demoSite.hostRules,
    ignoreHttpsErrors: true,
    language: 'zh_CN',
  });
}
