import type { BrowserContext, Page } from 'playwright-core';
import { type LaunchOptions, launchWithExtension } from '../../harness/launch-with-extension';
import { watchFirstDocument } from '../confirm-host-rules';
import { runLoginScript } from '../login-script';
import { ConsentDriver } from '../scenarios/consent-driver';
import type { RequestEvents } from '../wait-for-quiet-network';
import type { AuditBrowser, AuditTab } from './audit-browser';

export interface ChromiumAuditOptions extends LaunchOptions {
  /** Global Privacy Control: the Sec-GPC header and navigator.globalPrivacyControl (Chromium has neither). */
  gpc?: boolean;
  /** Answer the consent banners the rule set knows. */
  consent?: 'accept' | 'reject';
}

/** Chromium with the extension, driven by Playwright: the audit's default browser. */
export async function launchChromiumAudit(options: ChromiumAuditOptions): Promise<AuditBrowser> {
  const session = await launchWithExtension(options);
  let consent: ConsentDriver | undefined;
  try {
    if (options.gpc) await sendGlobalPrivacyControl(session.context);
    if (options.consent) consent = await ConsentDriver.install(session.context, options.consent);
  } catch (error) {
    await session.close();
    throw error;
  }
  return {
    name: 'chromium',
    inspector: session.worker,
    newTab: async () => chromiumTab(await session.context.newPage()),
    cookies: () => session.context.cookies(),
    async readResource(url, timeoutMs) {
      const page = await session.context.newPage();
      try {
        const response = await page.goto(url, { timeout: timeoutMs });
        return { status: response?.status() ?? 0, body: (await response?.text()) ?? '' };
      } finally {
        await page.close();
      }
    },
    ...(consent && { consentOutcomes: () => consent.results() }),
    login: (script, login) => runLoginScript(script, { context: session.context, ...login }),
    close: () => session.close(),
  };
}

/**
 * GPC as a browser that supports it sends it: the header on every request and
 * the property before the page's first script (an init script runs in the
 * page's own world at document start, in every frame).
 */
async function sendGlobalPrivacyControl(context: BrowserContext): Promise<void> {
  await context.setExtraHTTPHeaders({ 'Sec-GPC': '1' });
  // As source text: a function would be sent as compiled here, with helpers (esbuild's __name) the page lacks.
  await context.addInitScript({
    content:
      "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get() { return true; }, configurable: true, enumerable: true });",
  });
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
