import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ADDED_TRACKER_HOST, RELEASE_URL, RELEASE_WITH_TRACKER_URL } from '../../src/demo-site/release-page';
import { brokenWords } from './broken-words';
import { expect, liveWorker, openExtensionPage, openPopup, tabIdOf, test, visit } from './fixtures';
import { recordSession } from './recording-support';

/**
 * Two recorded sessions compared on the report page, as an auditor checks a
 * site before and after a release: the same page each time, the second with
 * one tracker added (Microsoft's advertising pixel, see release-page.ts).
 */

/** The findings a session's own report page lists, by id. */
async function findingIdsOf(report: Page): Promise<string[]> {
  const findings = report.getByTestId('report-violations').locator('li.violation');
  await report.getByTestId('report-verdict').waitFor();
  return (await findings.evaluateAll((items) => items.map((li) => li.id))).sort();
}

test('two sessions of one page, the second with a tracker added: the report page finds exactly that tracker and its findings new, nothing gone', async ({
  page,
  extension,
}) => {
  test.setTimeout(180_000);
  await visit(page, RELEASE_URL);
  const popup = await openPopup(extension, await tabIdOf(await liveWorker(extension.context), page));
  await recordSession(popup, page, 'Before release', RELEASE_URL);

  // With a single session there is nothing to compare with: the report page does not offer it.
  const single = await openExtensionPage(extension, 'report.html');
  await single.getByTestId('report-verdict').waitFor();
  await expect(single.getByTestId('session-comparison')).toHaveCount(0);
  await single.close();

  await recordSession(popup, page, 'After release', RELEASE_WITH_TRACKER_URL);
  const report = await openExtensionPage(extension, 'report.html');
  const comparison = report.getByTestId('session-comparison');
  await expect(comparison.getByRole('heading', { name: 'Compare with an earlier session' })).toBeVisible();
  // The latest session first, against the one just before it.
  await expect(comparison.getByTestId('compare-later').locator('option:checked')).toContainText(
    '“After release”',
  );
  await expect(comparison.getByTestId('compare-earlier').locator('option:checked')).toContainText(
    '“Before release”',
  );

  // From the keyboard alone: to the Compare button, and Enter.
  await comparison.getByTestId('compare-earlier').focus();
  await report.keyboard.press('Tab');
  await expect(comparison.getByTestId('compare-sessions')).toBeFocused();
  await report.keyboard.press('Enter');
  const result = comparison.getByTestId('comparison-result');
  await expect(result).toBeFocused({ timeout: 30_000 });

  // Who was talked to and what was kept: the tracker's host and its cookie new, nothing else, nothing gone.
  const added = result.getByTestId('comparison-new');
  await expect(added.getByTestId('third-parties').locator(':scope > li')).toHaveCount(1);
  await expect(added.getByTestId('third-parties').locator(':scope > li')).toHaveAttribute(
    'data-host',
    ADDED_TRACKER_HOST,
  );
  await expect(added.getByTestId('cookies').locator(':scope > li')).toHaveCount(1);
  await expect(added.getByTestId('cookies').locator(':scope > li')).toHaveAttribute(
    'data-cookie',
    'MUID@.bing.com',
  );
  await expect(added.getByTestId('storage-keys')).toHaveCount(0);
  await expect(result.getByTestId('comparison-gone')).toContainText('Gone (0)');
  await expect(result.getByTestId('comparison-gone')).toContainText('Nothing gone.');
  await expect(result.getByTestId('comparison-unchanged')).toHaveCount(0);

  // The findings new are those the later session's report has and the earlier's has not, each on the tracker.
  const newFindings = added.getByTestId('findings').locator(':scope > li');
  const newIds = (
    await newFindings.evaluateAll((items) => items.map((li) => li.dataset.finding ?? ''))
  ).sort();
  expect(newIds.length).toBeGreaterThan(0);
  for (let i = 0; i < newIds.length; i++) {
    const finding = newFindings.nth(i);
    await expect(finding.locator('.severity')).toHaveText(/^(high|medium|low)$/i);
    await expect(finding.locator('.clause-broken').first()).toContainText(/^Breaks §\d+/);
    const evidence = finding.locator('ul.evidence > li[data-observation]');
    expect(await evidence.count()).toBeGreaterThan(0);
    for (const text of await evidence.allTextContents()) expect(text).toMatch(/bing\.com|MUID/);
  }
  const counts = result.getByTestId('comparison-counts');
  await expect(counts.locator('tr', { hasText: 'Findings' })).toContainText(`Findings${newIds.length}0`);
  await expect(counts.locator('tr', { hasText: 'Third parties' })).toContainText('Third parties10');
  await expect(counts.locator('tr', { hasText: 'Cookies' })).toContainText('Cookies10');
  await expect(counts.locator('tr', { hasText: 'Storage keys' })).toContainText('Storage keys00');

  // Each session's own report, reached from the comparison: the evidence is where the links say.
  const laterHref = await added.getByTestId('comparison-new-report').getAttribute('href');
  const firstFindingHref = await newFindings.first().locator('.compared-title a').getAttribute('href');
  expect(firstFindingHref).toBe(`${laterHref}#finding-${newIds[0]}`);
  const later = await openExtensionPage(extension, firstFindingHref ?? '');
  await expect(later.getByTestId('viewed-session')).toContainText('“After release”');
  await expect(later.locator(`[id="finding-${newIds[0]}"]`)).toBeInViewport();
  const laterIds = await findingIdsOf(later);
  const earlierId = await comparison
    .getByTestId('compare-earlier')
    .locator('option:checked')
    .getAttribute('value');
  const earlier = await openExtensionPage(extension, `report.html?session=${earlierId}`);
  await expect(earlier.getByTestId('viewed-session')).toContainText('“Before release”');
  const earlierIds = await findingIdsOf(earlier);
  expect(earlierIds.length).toBeGreaterThan(0);
  expect(laterIds.filter((id) => !earlierIds.includes(id)).map((id) => id.replace(/^finding-/, ''))).toEqual(
    newIds,
  );
  expect(earlierIds.filter((id) => !laterIds.includes(id))).toEqual([]);

  // Narrow or wide, no word of the comparison's own text is split across lines.
  for (const width of [420, 1280]) {
    await report.setViewportSize({ width, height: 900 });
    expect(await brokenWords(report), `at ${width} px`).toEqual([]);
    // Nothing of it runs off the side: the session lists shrink with the window.
    expect(
      await comparison.evaluate((el) => el.scrollWidth - el.clientWidth),
      `overflow at ${width} px`,
    ).toBeLessThanOrEqual(0);
  }
  // The audit build sees every site: no partial-view caveat.
  await expect(comparison.getByTestId('comparison-partial-view')).toHaveCount(0);
  for (const colorScheme of ['light', 'dark'] as const) {
    await report.emulateMedia({ colorScheme });
    await expectNoSeriousAccessibilityIssue(report);
    await test.info().attach(`compared-${colorScheme}`, {
      body: await comparison.screenshot(),
      contentType: 'image/png',
    });
  }

  // The same page with the same tracker once more: nothing changed, and the page says so plainly.
  await recordSession(popup, page, 'After release, again', RELEASE_WITH_TRACKER_URL);
  await report.reload();
  await expect(comparison.getByTestId('compare-later').locator('option:checked')).toContainText(
    '“After release, again”',
  );
  await expect(comparison.getByTestId('compare-earlier').locator('option:checked')).toContainText(
    '“After release”',
  );
  await comparison.getByTestId('compare-sessions').click();
  await expect(comparison.getByTestId('comparison-unchanged')).toHaveText(
    'Nothing changed: both sessions saw the same findings, third parties, cookies and storage keys.',
    { timeout: 30_000 },
  );
  await expect(comparison.getByTestId('comparison-counts')).toHaveCount(0);
  // Another earlier session for the same later one: the first release against the latest.
  await comparison
    .getByTestId('compare-earlier')
    .selectOption({ label: await optionLabel(report, 'Before release') });
  // The answer for the pair before is gone with it: it never stands under another pair of sessions.
  await expect(comparison.getByTestId('comparison-result')).toHaveCount(0);
  await comparison.getByTestId('compare-sessions').click();
  await expect(comparison.getByTestId('comparison-new').getByTestId('third-parties')).toContainText(
    ADDED_TRACKER_HOST,
    { timeout: 30_000 },
  );
  await expect(comparison.getByTestId('comparison-gone')).toContainText('Nothing gone.');
});

async function expectNoSeriousAccessibilityIssue(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The label of the earlier-session option of the case named, as the select shows it. */
async function optionLabel(report: Page, caseName: string): Promise<string> {
  const option = report.getByTestId('compare-earlier').locator('option', { hasText: `“${caseName}”` });
  return (await option.textContent()) ?? '';
}
