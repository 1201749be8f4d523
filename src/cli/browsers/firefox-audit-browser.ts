import type { Page } from 'puppeteer-core';
import type { ProxiedConnection } from '../../harness/host-rules-proxy';
import {
  type FirefoxLaunchOptions,
  launchFirefoxWithExtension,
} from '../../harness/launch-firefox-with-extension';
import type { FirstDocument } from '../confirm-host-rules';
import type { RequestEvents } from '../wait-for-quiet-network';
import type { AuditBrowser, AuditTab } from './audit-browser';
import { firefoxNavigationError } from './firefox-errors';

/** Firefox with the extension, driven by puppeteer-core over WebDriver BiDi. */
export async function launchFirefoxAudit(options: FirefoxLaunchOptions): Promise<AuditBrowser> {
  const session = await launchFirefoxWithExtension(options);
  const proxy = session.proxy;
  return {
    name: 'firefox',
    inspector: session.background,
    newTab: async () => firefoxTab(await session.browser.newPage(), proxy?.connections),
    // WebDriver BiDi lists a partitioned cookie without its partition; the extension's cookies API, asked for
    // every partition, names it (the audit build may read every site's cookies).
    cookies: async () => {
      const jar = (await session.background.evaluate(
        'browser.cookies.getAll({ partitionKey: {} })',
      )) as Array<{
        name: string;
        domain: string;
        path: string;
        partitionKey?: { topLevelSite?: string };
      }>;
      return jar.map((cookie) => ({
        name: cookie.name,
        domain: cookie.domain,
        path: cookie.path,
        ...(cookie.partitionKey?.topLevelSite && { partitioned: true }),
      }));
    },
    async readResource(url, timeoutMs) {
      const page = await session.browser.newPage();
      try {
        const response = await page.goto(url, { timeout: timeoutMs });
        return { status: response?.status() ?? 0, body: (await response?.text()) ?? '' };
      } finally {
        await page.close();
      }
    },
    close: () => session.close(),
  };
}

function firefoxTab(page: Page, connections: readonly ProxiedConnection[] | undefined): AuditTab {
  return {
    goto: async (url, timeoutMs) => {
      try {
        await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
      } catch (error) {
        throw new Error(firefoxNavigationError(error instanceof Error ? error.message : String(error)));
      }
    },
    url: () => page.url(),
    evaluate: (fn) => page.evaluate(fn) as never,
    onNavigated(listener) {
      const navigated = (frame: ReturnType<Page['mainFrame']>) => {
        if (frame === page.mainFrame()) listener(frame.url());
      };
      page.on('framenavigated', navigated);
      return () => page.off('framenavigated', navigated);
    },
    // puppeteer names the request events as the watch does; its overloads do not type as one signature.
    requests: page as unknown as RequestEvents,
    // Firefox reaches mapped hosts through the host-rules proxy, which knows where it connected each one.
    watchFirstDocument(url) {
      const from = connections?.length ?? 0;
      return {
        stop() {},
        async read(): Promise<FirstDocument> {
          const { hostname } = new URL(url);
          const connection = connections?.slice(from).find((c) => c.host === hostname);
          if (!connection)
            return { url, failure: 'the browser did not connect through the host-rules proxy' };
          if (connection.to === '~NOTFOUND') return { url, failure: 'the host rules refused the host' };
          if (connection.failure !== undefined) return { url, failure: connection.failure };
          const colon = connection.to.lastIndexOf(':');
          return {
            url,
            servedFrom: {
              ipAddress: connection.to.slice(0, colon),
              port: Number(connection.to.slice(colon + 1)),
            },
          };
        },
      };
    },
    screenshot: async () => new Uint8Array(await page.screenshot()),
    links: () => page.$$eval('a[href]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href)),
    close: () => page.close(),
  };
}
