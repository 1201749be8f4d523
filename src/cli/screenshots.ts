import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startDemoSite } from '../demo-site/server.js';
import {
  AUDIT_EXTENSION_DIR,
  PROJECT_ROOT,
  requireExtensionBuild,
  STORE_EXTENSION_DIR,
} from '../harness/extension-build';
import { findChromium } from '../harness/find-chromium';
import { type ExtensionSession, launchWithExtension } from '../harness/launch-with-extension';

/**
 * Takes the screenshots in docs/screenshots/ (`npm run screenshots`): the popup
 * at 420 and 800 px in English and Chinese, light and dark, on the demo home
 * page (audit build, every site granted) and in the store build (Jeejio hosts
 * only), and the report and settings pages. Each language is its own browser,
 * since Chromium takes the interface language at launch.
 */
const OUT = join(PROJECT_ROOT, 'docs/screenshots');
const PAGE = 'https://www.jeejio.com/';

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const site = await startDemoSite();
  const launch = (extensionDir: string, language: 'en' | 'zh_CN') =>
    launchWithExtension({
      chromePath: findChromium(),
      extensionDir: requireExtensionBuild(extensionDir),
      hostRules: site.hostRules,
      ignoreHttpsErrors: true,
      ...(language === 'zh_CN' && { language }),
    });
  try {
    for (const language of ['en', 'zh_CN'] as const) {
      const tag = language === 'en' ? 'en' : 'zh-CN';
      const audit = await launch(AUDIT_EXTENSION_DIR, language);
      try {
        const tabId = await visitAndFindTab(audit, PAGE);
        for (const width of [420, 800])
          for (const scheme of ['light', 'dark'] as const)
            await shoot(
              audit,
              `popup.html?tabId=${tabId}`,
              `popup-${tag}-${width}-${scheme}.png`,
              width,
              scheme,
            );
        await shoot(audit, 'report.html', `report-${tag}-light.png`, 1000, 'light');
        await shoot(audit, 'options.html', `settings-${tag}-light.png`, 800, 'light');
      } finally {
        await audit.close();
      }
      const store = await launch(STORE_EXTENSION_DIR, language);
      try {
        const tabId = await visitAndFindTab(store, PAGE);
        await shoot(store, `popup.html?tabId=${tabId}`, `popup-store-${tag}-420-light.png`, 420, 'light');
      } finally {
        await store.close();
      }
    }
    console.log(`Screenshots in ${OUT}`);
  } finally {
    await site.close();
  }
}

async function visitAndFindTab(extension: ExtensionSession, url: string): Promise<number> {
  const page = await extension.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  // The storage readings wait for an idle moment after load; the popup then shows the whole page.
  await page.waitForTimeout(2_000);
  const worker =
    extension.context.serviceWorkers()[0] ?? (await extension.context.waitForEvent('serviceworker'));
  const tabId = await worker.evaluate(
    async (pageUrl) => (await chrome.tabs.query({})).find((t) => t.url === pageUrl)?.id,
    url,
  );
  if (tabId === undefined) throw new Error(`No tab shows ${url}`);
  return tabId;
}

async function shoot(
  extension: ExtensionSession,
  path: string,
  file: string,
  width: number,
  scheme: 'light' | 'dark',
): Promise<void> {
  const page = await openAt(
    extension.context,
    `chrome-extension://${extension.extensionId}/${path}`,
    width,
    scheme,
  );
  await page.screenshot({ path: join(OUT, file), fullPage: true });
  await page.close();
}

async function openAt(
  context: BrowserContext,
  url: string,
  width: number,
  scheme: 'light' | 'dark',
): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 600 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  return page;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
