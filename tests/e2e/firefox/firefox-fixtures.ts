import { join } from 'node:path';
import { test as base } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import type { Report } from '../../../src/core/report/report-types';
import type { DemoSite } from '../../../src/demo-site/server';
import { PROJECT_ROOT } from '../../../src/harness/extension-build';
import { findFirefox } from '../../../src/harness/find-firefox';
import type { ExtensionBackground } from '../../../src/harness/firefox/extension-background';
import { inInspector } from '../../../src/harness/in-inspector';
import {
  type FirefoxExtensionSession,
  type FirefoxLaunchOptions,
  launchFirefoxWithExtension,
} from '../../../src/harness/launch-firefox-with-extension';
import { demoSiteFixture } from '../fixtures';

/** The Firefox build the audit loads: all sites granted up front. */
export const FIREFOX_AUDIT_BUILD = join(PROJECT_ROOT, '.output/firefox-mv3-audit');

interface Fixtures {
  /** Preferences a test adds to its Firefox (a DNS server). */
  firefoxPreferences: FirefoxLaunchOptions['preferences'];
  firefox: FirefoxExtensionSession;
  /** A tab of that Firefox, driven by puppeteer-core (not Playwright's Page). */
  tab: Page;
}

/** Each test starts its own headless Firefox with the extension installed as a temporary add-on. */
export const test = base.extend<Fixtures, { demoSite: DemoSite }>({
  demoSite: demoSiteFixture,
  firefoxPreferences: undefined,
  firefox: async ({ demoSite, firefoxPreferences }, use) => {
    const session = await launchFirefoxWithExtension({
      firefoxPath: findFirefox(),
      extensionDir: FIREFOX_AUDIT_BUILD,
      hostRules: demoSite.hostRules,
      ignoreHttpsErrors: true,
      ...(firefoxPreferences && { preferences: firefoxPreferences }),
    });
    await use(session);
    await session.close();
  },
  tab: async ({ firefox }, use) => {
    await use(await firefox.browser.newPage());
  },
});

export const expect = test.expect;

/** Loads a page, then waits as the Chromium tests' networkidle does, for late hits and the content script's readings. */
export async function visit(page: Page, url: string, settleMs = 1_500): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await new Promise((resolve) => setTimeout(resolve, settleMs));
}

/** The major version of the Firefox a test runs (puppeteer says "firefox/140.12.0"). */
export async function firefoxMajorVersion(firefox: FirefoxExtensionSession): Promise<number> {
  return Number.parseInt((await firefox.browser.version()).replace(/^\D+/, ''), 10);
}

export function exportReport(background: ExtensionBackground): Promise<Report> {
  return inInspector(background, (inspector) => inspector.exportReport());
}

/** The id of the tab that shows `url`, as the extension knows it. */
export async function tabIdOf(background: ExtensionBackground, url: string): Promise<number> {
  const tabs = (await background.evaluate('browser.tabs.query({})')) as Array<{ id: number; url: string }>;
  const tab = tabs.find((t) => t.url === url);
  if (!tab) throw new Error(`No tab shows ${url}: ${tabs.map((t) => t.url).join(', ')}`);
  return tab.id;
}
