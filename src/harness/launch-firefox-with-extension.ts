import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { parseHostRules } from '../core/config/host-rules';
import { ExtensionBackground } from './firefox/extension-background';
import { RemoteDebuggingClient } from './firefox/remote-debugging-client';
import { firefoxProxyPreferences, type HostRulesProxy, startHostRulesProxy } from './host-rules-proxy';
import { waitForInspectorReady } from './launch-with-extension';

export interface FirefoxLaunchOptions {
  firefoxPath: string;
  extensionDir: string;
  /** Chromium's host-resolver-rules syntax; Firefox gets them through a loopback proxy (see host-rules-proxy.ts). */
  hostRules?: string;
  ignoreHttpsErrors?: boolean;
  /**
   * Allow or block third-party cookies (network.cookie.cookieBehavior 0 or 1);
   * unset, Firefox's default stands: Total Cookie Protection, which keeps
   * third parties' cookies, partitioned by the site they were set on.
   */
  thirdPartyCookies?: 'allow' | 'block';
  /** More preferences (a test's DNS-over-HTTPS server, for instance). */
  preferences?: Record<string, string | number | boolean>;
}

export interface FirefoxExtensionSession {
  browser: Browser;
  /** The add-on's background page: `inInspector(session.background, …)` as with Chromium's worker. */
  background: ExtensionBackground;
  /** The proxy that applies the host rules, when there are any. */
  proxy?: HostRulesProxy;
  close(): Promise<void>;
}

/**
 * Firefox's cookieBehavior: 0 accepts all cookies, 1 refuses third parties',
 * 5 (Firefox's own default) partitions them per top-level site. puppeteer's
 * profile sets 0, so Firefox's default is set back explicitly when unasked.
 */
const COOKIE_BEHAVIOR = { allow: 0, block: 1, default: 5 } as const;

/**
 * Headless Firefox driven over WebDriver BiDi (puppeteer-core), with the build
 * at `extensionDir` installed as a temporary add-on over Firefox's Remote
 * Debugging Protocol, which also reaches its background page. Playwright's
 * own BiDi client asks Firefox for commands that ESR lacks, so it cannot drive
 * Debian's Firefox; puppeteer-core can.
 */
export async function launchFirefoxWithExtension(
  options: FirefoxLaunchOptions,
): Promise<FirefoxExtensionSession> {
  // Loaded only here: the Chromium paths never pay for puppeteer.
  const { default: puppeteer } = await import('puppeteer-core');
  const proxy = options.hostRules ? await startHostRulesProxy(parseHostRules(options.hostRules)) : undefined;
  const debuggingPort = await freePort();
  let browser: Browser | undefined;
  let client: RemoteDebuggingClient | undefined;
  const close = async () => {
    client?.close();
    await browser?.close().catch(() => {});
    await proxy?.close();
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: options.firefoxPath,
      headless: true,
      acceptInsecureCerts: options.ignoreHttpsErrors ?? false,
      args: [`--start-debugger-server=${debuggingPort}`],
      extraPrefsFirefox: {
        // The debugging server installs the add-on and reaches its background page; loopback only, no prompt.
        'devtools.debugger.remote-enabled': true,
        'devtools.debugger.prompt-connection': false,
        'devtools.chrome.enabled': true,
        'network.cookie.cookieBehavior': COOKIE_BEHAVIOR[options.thirdPartyCookies ?? 'default'],
        ...(proxy && firefoxProxyPreferences(proxy.port)),
        ...options.preferences,
      },
    });
    client = await RemoteDebuggingClient.connect(debuggingPort);
    // Firefox installs from an absolute path only.
    const background = await ExtensionBackground.install(client, resolve(options.extensionDir));
    await waitForInspectorReady(background);
    return { browser, background, ...(proxy && { proxy }), close };
  } catch (error) {
    await close();
    throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
