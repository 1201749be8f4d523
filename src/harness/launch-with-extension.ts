import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { type InspectorHost, inInspector } from './in-inspector';

export interface BrowserOptions {
  chromePath: string;
  /** Passed to Chromium's --host-resolver-rules, so a fixture or staging server answers for a real hostname. */
  hostRules?: string;
  ignoreHttpsErrors?: boolean;
  /**
   * The browser's interface language ("zh_CN"), which extensions follow. On
   * Linux Chromium takes it from the LANGUAGE variable, not from --lang; the
   * language's pack must be installed (Debian: chromium-l10n).
   */
  language?: string;
  /**
   * Audit as a browser that allows third-party cookies (most people's Chrome
   * until now) or blocks them (Chromium's default in a fresh profile since
   * 2026); unset, the browser's own default stands. Reports say which mode the
   * browser was in, from what it did with the cookies it was sent.
   */
  thirdPartyCookies?: 'allow' | 'block';
  /** Refuse every cookie and all site data, of every host (the refuse-cookies scenario); wins over thirdPartyCookies. */
  refuseCookies?: boolean;
  /**
   * Opens DevTools on this loopback port as well, so a bench can reach the
   * extension's service worker (its heap), which Playwright's CDP sessions cannot.
   */
  debuggingPort?: number;
}

/**
 * Chromium will not start as root with its sandbox on, so as root it runs
 * without one (Playwright's chromiumSandbox: false, i.e. --no-sandbox): a page
 * that breaks out of its renderer then acts with root's rights on this
 * machine. Never silent: callers say so (stderr, the bundle's environment)
 * with this text. Undefined when the sandbox is on.
 */
export function chromiumSandboxOff(uid: number | undefined = process.getuid?.()): string | undefined {
  if (uid !== 0) return undefined;
  return (
    "Chromium's sandbox is off: this runs as root, where Chromium starts only with --no-sandbox, so a " +
    'hostile page that breaks out of its renderer gets root on this machine. Run as an ordinary user ' +
    'to keep the sandbox.'
  );
}

/** Chromium's cookie controls preference: 0 allows third-party cookies, 1 blocks them. */
const COOKIE_CONTROLS_MODE = { allow: 0, block: 1 } as const;

export interface LaunchOptions extends BrowserOptions {
  extensionDir: string;
}

export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface ExtensionSession extends BrowserSession {
  worker: Worker;
  extensionId: string;
}

/**
 * Headless Chromium in a throwaway persistent profile, with the flags every
 * run of this project uses; `extraArgs` come first (an extension to load).
 * A bare browser from here differs from one with the extension only by those.
 */
export async function launchChromium(
  options: BrowserOptions,
  extraArgs: readonly string[] = [],
): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'jeejio-inspector-'));
  if (options.thirdPartyCookies || options.refuseCookies) {
    // The profile's preferences, read at start: the switches in chrome://settings/cookies and
    // chrome://settings/content/siteData ("Don't allow sites to save data on your device": 2 blocks).
    await mkdir(join(userDataDir, 'Default'), { recursive: true });
    const preferences = {
      profile: {
        cookie_controls_mode:
          COOKIE_CONTROLS_MODE[options.refuseCookies ? 'block' : (options.thirdPartyCookies ?? 'block')],
        ...(options.refuseCookies && { default_content_setting_values: { cookies: 2 } }),
      },
    };
    await writeFile(join(userDataDir, 'Default', 'Preferences'), JSON.stringify(preferences));
  }
  const args = [
    ...extraArgs,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-gpu',
    ...(options.hostRules ? [`--host-resolver-rules=${options.hostRules}`] : []),
    ...(options.ignoreHttpsErrors ? ['--ignore-certificate-errors'] : []),
    ...(options.language ? [`--lang=${options.language.replace('_', '-')}`] : []),
    ...(options.debuggingPort ? [`--remote-debugging-port=${options.debuggingPort}`] : []),
  ];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: options.chromePath,
      headless: true,
      args,
      ignoreHTTPSErrors: options.ignoreHttpsErrors ?? false,
      ...(options.language && { env: { ...process.env, LANGUAGE: options.language } }),
      ...(chromiumSandboxOff() !== undefined && { chromiumSandbox: false }),
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium with the built extension loaded, its background worker ready.
 * Headless Chromium loads unpacked extensions only in a persistent context.
 */
export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionSession> {
  const session = await launchChromium(options, [
    `--disable-extensions-except=${options.extensionDir}`,
    `--load-extension=${options.extensionDir}`,
  ]);
  try {
    const { context } = session;
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    await waitForInspectorReady(worker);
    return { ...session, worker, extensionId };
  } catch (error) {
    // Without this a browser whose extension never started would outlive the caller.
    await session.close();
    throw error;
  }
}

/**
 * Navigating before the background has restored its state can miss the first
 * main-frame response, so callers wait for this first.
 */
export async function waitForInspectorReady(worker: InspectorHost, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Before the worker has started its inspector, the call fails: asked again shortly.
    const ready = await inInspector(worker, async (inspector) => {
      await inspector.ready;
      return true;
    }).catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error('The extension background did not become ready.');
    await new Promise((r) => setTimeout(r, 100));
  }
}
