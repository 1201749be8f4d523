import { findChromium } from '../../../src/harness/find-chromium';
import { inInspector } from '../../../src/harness/in-inspector';
import { launchWithExtension } from '../../../src/harness/launch-with-extension';
import { AUDIT_BUILD, tabIdOf as chromiumTabIdOf, openPopup } from '../fixtures';
import { expect, tabIdOf, test, visit } from './firefox-fixtures';

/** What the popup's verdict says of a tab: its counts and, in order, the broken promises it lists first. */
function verdictOf(
  summary: Awaited<ReturnType<import('../../../src/protocol/inspector').Inspector['tabSummary']>>,
) {
  return {
    findings: summary.summary?.findings,
    bySeverity: summary.summary?.findingsBySeverity,
    first: summary.summary?.first.map((v) => `${v.rule}: ${v.summary}`),
  };
}

test('Firefox: the popup shows the verdict Chromium shows on the demo home page, from the same summary', async ({
  tab,
  firefox,
  demoSite,
}) => {
  const url = 'https://www.jeejio.com/';
  await visit(tab, url, 3_000);
  const firefoxTab = await tabIdOf(firefox.background, url);
  const inFirefox = verdictOf(
    await inInspector(firefox.background, (inspector, id) => inspector.tabSummary(id), firefoxTab),
  );
  // The popup itself, rendered by Firefox: the verdict a person reads, and its chips.
  const popup = await firefox.background.openPage(`popup.html?tabId=${firefoxTab}`);
  const shown = async (testId: string) =>
    String(
      await popup.evaluate(
        `Array.from(document.querySelectorAll('[data-testid=${testId}]'), (e) => e.textContent.trim()).join(' | ')`,
      ),
    );
  await expect.poll(() => shown('verdict'), { timeout: 15_000 }).not.toBe('');
  const firefoxVerdict = await shown('verdict');

  const chromium = await launchWithExtension({
    chromePath: findChromium(),
    extensionDir: AUDIT_BUILD,
    hostRules: demoSite.hostRules,
    ignoreHttpsErrors: true,
  });
  try {
    const page = await chromium.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(3_000);
    const inChromium = verdictOf(
      await inInspector(
        chromium.worker,
        (inspector, id) => inspector.tabSummary(id),
        await chromiumTabIdOf(chromium.worker, page),
      ),
    );
    expect(inChromium.findings).toBeGreaterThan(0);
    expect(inFirefox).toEqual(inChromium);
    const chromiumPopup = await openPopup(chromium, await chromiumTabIdOf(chromium.worker, page));
    const chromiumVerdict = (await chromiumPopup.getByTestId('verdict').allTextContents())
      .map((text) => text.trim())
      .join(' | ');
    expect(chromiumVerdict).toContain(String(inChromium.findings));
    expect(firefoxVerdict).toBe(chromiumVerdict);
  } finally {
    await chromium.close();
  }
});
