import type { Page } from 'playwright-core';
import { type LaunchOptions, launchWithExtension } from '../../harness/launch-with-extension';
import { watchFirstDocument } from '../confirm-host-rules';
import { runLoginScript } from '../login-script';
import type { RequestEvents } from '../wait-for-quiet-network';
import type { AuditBrowser, AuditTab } from './audit-browser';

/** Chromium with the extension, driven by Playwright: the audit's default browser. */
export async function launchChromiumAudit(options: LaunchOptions): Promise<AuditBrowser> {
  const session = await launchWithExtension(options);
  return {
    name: 'chromium',
    inspector: session.worker,
    newTab: async () => chromiumTab(await session.context.newPage()),
    cookies: () => session.context.cookies(),
    login: (script, login) => runLoginScript(script, { context: session.context, ...login }),
    close: () => session.close(),
  };
}

function chromiumTab(page: Page): AuditTab {
  return {
    goto: async (url, timeoutMs) => {
      await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    },
    url: () => page.url(),
    evaluate: (fn) => page.evaluate(fn),
    onNavigated(listener) {
      const navigated = (frame: ReturnType<Page['mainFrame']>) => {
        if (frame === page.mainFrame()) listener(frame.url());
      };
      page.on('framenavigated', navigated);
      return () => page.off('framenavigated', navigated);
    },
    // Playwright names the request events as the watch does; its overloads do not type as one signature.
    requests: page as unknown as RequestEvents,
    watchFirstDocument: (url) => watchFirstDocument(page, url),
    screenshot: async () => new Uint8Array(await page.screenshot()),
    links: () => page.$$eval('a[href]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href)),
    close: () => page.close(),
  };
}
