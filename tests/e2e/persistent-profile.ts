import { type BrowserContext, chromium, type Worker } from '@playwright/test';
import { findChromium } from '../../src/harness/find-chromium';
import { waitForInspectorReady } from '../../src/harness/launch-with-extension';
import { AUDIT_BUILD } from './fixtures';

/** The same profile each time, so the extension's IndexedDB outlives the browser. */
export async function launchInProfile(
  userDataDir: string,
  hostRules: string,
): Promise<{ context: BrowserContext; worker: Worker }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: [
      `--disable-extensions-except=${AUDIT_BUILD}`,
      `--load-extension=${AUDIT_BUILD}`,
      '--disable-gpu',
      `--host-resolver-rules=${hostRules}`,
      '--ignore-certificate-errors',
    ],
    ignoreHTTPSErrors: true,
    ...(process.getuid?.() === 0 ? { chromiumSandbox: false } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await waitForInspectorReady(worker);
  return { context, worker };
}
