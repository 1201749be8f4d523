/**
 * Privacy checks in a team's own Playwright tests:
 *
 *   import { expect, test } from 'jeejio-privacy-inspector/playwright';
 *   test('checkout', async ({ page, inspector }) => {
 *     await page.goto('https://iot.jeejio.com/shop');
 *     await expect(inspector).toHaveNoViolations({ except: ['cookie-undeclared-purpose'] });
 *   });
 *
 * `page` and `context` come from a Chromium that has the audit build of the
 * extension loaded (.output/chrome-mv3-audit, made by `npm run build:audit`).
 */
import { expect as baseExpect, test as baseTest } from '@playwright/test';
import { HostRulesError, parseHostRules } from '../core/config/host-rules';
// Node's ESM loader, which Playwright Test uses for this package, wants JSON imported with its type.
import policyModel from '../core/policy/models/jeejio-privacy-policy-2023-07.json' with { type: 'json' };
import { AUDIT_EXTENSION_DIR, requireExtensionBuild } from '../harness/extension-build';
import { findChromium } from '../harness/find-chromium';
import { chromiumSandboxOff, launchWithExtension } from '../harness/launch-with-extension';
import { describeFailingViolations, judgeViolations, type NoViolationsOptions } from './judge-violations';
import { PrivacyInspector } from './privacy-inspector';

export type { Report, Violation } from '../core/report/report-types';
export type { NoViolationsOptions } from './judge-violations';
export { PrivacyInspector } from './privacy-inspector';

export interface InspectorOptions {
  /** The built extension to load (default: this package's .output/chrome-mv3-audit). */
  inspectorExtensionDir: string;
  /** Chromium's --host-resolver-rules, to test a staging server under the production names. */
  inspectorHostRules: string | undefined;
}

function checkFixtureHostRules(text: string): void {
  try {
    parseHostRules(text);
  } catch (error) {
    if (error instanceof HostRulesError) throw new Error(`inspectorHostRules: ${error.message}`);
    throw error;
  }
}

/** Said once per test worker, not before every test: the sandbox is off for all of them alike. */
let sandboxNoticeGiven = false;

export const test = baseTest.extend<InspectorOptions & { inspector: PrivacyInspector }>({
  inspectorExtensionDir: [AUDIT_EXTENSION_DIR, { option: true }],
  inspectorHostRules: [undefined, { option: true }],
  inspector: async ({ inspectorExtensionDir, inspectorHostRules, ignoreHTTPSErrors }, use) => {
    // Chromium drops a rule it cannot read without a word, and the tests would then run against production.
    if (inspectorHostRules !== undefined) checkFixtureHostRules(inspectorHostRules);
    const sandboxOff = chromiumSandboxOff();
    if (sandboxOff !== undefined && !sandboxNoticeGiven) {
      sandboxNoticeGiven = true;
      console.warn(`jeejio-privacy-inspector: ${sandboxOff}`);
    }
    // Headless Chromium loads an unpacked extension only into a persistent context of its own.
    const session = await launchWithExtension({
      chromePath: findChromium(),
      extensionDir: requireExtensionBuild(inspectorExtensionDir),
      ignoreHttpsErrors: ignoreHTTPSErrors ?? false,
      ...(inspectorHostRules !== undefined && { hostRules: inspectorHostRules }),
    });
    try {
      await use(new PrivacyInspector(session));
    } finally {
      await session.close();
    }
  },
  context: async ({ inspector }, use) => {
    await use(inspector.context);
  },
});

/** The rules of the policy the extension judges by; `except` may name only these. */
const RULE_IDS = policyModel.rules.map((rule) => rule.id);

export const expect = baseExpect.extend({
  /** Passes when the inspector's report has no violation that fails under `options`. */
  async toHaveNoViolations(inspector: PrivacyInspector, options?: NoViolationsOptions) {
    const report = await inspector.report();
    // Options are checked first: a mistake in them is said whatever the test did.
    const judgement = judgeViolations(report, options, RULE_IDS);
    // Nothing judged is no pass: a test that never reached a page in the inspector's browser
    // (a page of another context, a navigation that never happened) would otherwise pass silently.
    if (report.pages.length === 0)
      return {
        pass: false,
        name: 'toHaveNoViolations',
        message: () =>
          "The inspector judged no page: the test opened none in the inspector's browser (use the test's own page or context).",
      };
    const pass = judgement.failing.length === 0;
    return {
      pass,
      name: 'toHaveNoViolations',
      expected: 0,
      actual: judgement.failing.length,
      message: () =>
        pass
          ? `Expected privacy violations (${judgement.failOn} severity or above), but the inspector found none.`
          : describeFailingViolations(judgement),
    };
  },
});
