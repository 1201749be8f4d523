import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { BEACON_PHONE } from '../../src/demo-site/pages';
import type { ExtensionSession } from '../../src/harness/launch-with-extension';
import { brokenWords } from './broken-words';
import {
  expect,
  exportReport,
  launchInChinese,
  liveWorker,
  openExtensionPage,
  openPopup,
  tabIdOf,
  test,
  visit,
} from './fixtures';

async function expectNoSeriousAccessibilityIssue(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the report page shows the scorecard, the pages in order and filterable violations; it prints', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/');
  await visit(page, 'https://www.jeejio.com/beacons');
  const report = await openExtensionPage(extension, 'report.html');
  // The answer first: clauses seen broken and the findings by severity, above the scorecard.
  const verdict = report.getByTestId('report-verdict');
  await expect(verdict).toContainText(/Clauses seen broken: \d+ of \d+\. Findings: \d+\./);
  await expect(verdict.locator('.chip.severity-high')).toContainText('high');
  const scorecard = report.getByTestId('scorecard');
  expect((await verdict.boundingBox())?.y ?? 0).toBeLessThan((await scorecard.boundingBox())?.y ?? 0);
  // Violated clauses lead the scorecard; those a browser cannot check are folded away.
  await expect(scorecard.locator('tr').nth(1)).toHaveClass('status-violated');
  await expect(scorecard.locator('tr[data-clause="cookies.declared-purposes"]')).toContainText('Violated');
  const notCheckable = report.getByTestId('not-checkable');
  await expect(notCheckable.locator('summary')).toContainText(/Not checkable from a browser \(\d+ clauses\)/);
  await expect(notCheckable.locator('tr[data-clause="minors.guardian-consent"]')).toBeHidden();
  await notCheckable.locator('summary').click();
  await expect(notCheckable.locator('tr[data-clause="minors.guardian-consent"]')).toContainText(
    'Not checkable',
  );
  // Each finding says where it was seen.
  await expect(
    report
      .getByTestId('report-violations')
      .locator('li.violation', { hasText: 'user_phone' })
      .first()
      .getByTestId('seen-on'),
  ).toContainText('Seen on: https://www.jeejio.com/');
  await expect(report.getByTestId('timeline').locator('li')).toHaveCount(2);
  await expect(report.getByTestId('timeline').locator('li').first()).toContainText('https://www.jeejio.com/');

  const violations = report.getByTestId('report-violations').locator('li.violation');
  const all = await violations.count();
  await report.getByTestId('filter-rule').selectOption('beacon-over-collection');
  await expect(violations.first()).toHaveAttribute('data-rule', 'beacon-over-collection');
  expect(await violations.count()).toBeLessThan(all);

  await report.emulateMedia({ media: 'print' });
  await expect(report.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  const pdf = await report.pdf();
  expect(pdf.byteLength).toBeGreaterThan(10_000);
});

test('options: a canary finds my own phone number where it leaks; a filter list classifies; data can be cleared', async ({
  page,
  extension,
}) => {
  const options = await openExtensionPage(extension, 'options.html');
  await options.getByTestId('canary-phone').fill(BEACON_PHONE);
  await options.getByTestId('save-canaries').click();
  await expect(options.getByTestId('options-status')).toHaveText('Saved.');
  await options.getByTestId('canary-phone').fill('call me maybe');
  await options.getByTestId('save-canaries').click();
  await expect(options.getByTestId('options-status')).toContainText('phone number');

  await mkdir(test.info().outputDir, { recursive: true });
  const listFile = join(test.info().outputDir, 'tracker-list.txt');
  await writeFile(listFile, '! Title: test list\n||collect.tracker.example^\n');
  await options.getByTestId('list-name').fill('Test list');
  await options.locator('select').first().selectOption('advertising');
  await options.getByTestId('list-file').setInputFiles(listFile);
  await options.getByTestId('add-list').click();
  await expect(options.getByTestId('filter-lists')).toContainText('Test list (Advertising, 3 lines)');

  await visit(page, 'https://www.jeejio.com/beacons');
  await page.waitForTimeout(500);
  const report = await exportReport(extension.context);
  const canaryFinding = report.violations.find((v) => v.summary.includes('my phone'));
  expect(canaryFinding?.summary).not.toContain(BEACON_PHONE);
  const tracker = report.observations.find(
    (o) => o.provenance === 'webRequest' && o.url?.startsWith('https://collect.tracker.example/'),
  );
  expect(tracker).toMatchObject({ classifiedBy: 'filter-list', purpose: 'advertising' });
  expect(tracker?.classificationReason).toContain('Test list');

  options.once('dialog', (dialog) => void dialog.accept());
  await options.getByTestId('clear-data').click();
  await expect(options.getByTestId('options-status')).toContainText(/Deleted \d+ observations/);
  const after = await exportReport(extension.context);
  expect(after.observations.filter((o) => o.kind === 'beacon' || o.kind === 'request')).toEqual([]);
});

/** The demo home page's popup at its real width, 420 px. */
async function popupOfHomeAt420(page: Page, extension: ExtensionSession): Promise<Page> {
  await visit(page, 'https://www.jeejio.com/');
  const popup = await openPopup(extension, await tabIdOf(await liveWorker(extension.context), page));
  await popup.setViewportSize({ width: 420, height: 600 });
  return popup;
}

test('at 420 px no word of the interface is broken across lines, and the tabs stay in one row that does not move', async ({
  page,
  extension,
}) => {
  const popup = await popupOfHomeAt420(page, extension);
  const tabs = popup.getByRole('tab');
  const tops = await tabs.evaluateAll((all) => all.map((tab) => Math.round(tab.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  const firstAt = await tabs.first().boundingBox();
  const broken: string[] = [...(await brokenWords(popup))];
  for (let i = 1; i < (await tabs.count()); i++) {
    await tabs.nth(i).click();
    broken.push(...(await brokenWords(popup)).map((w) => `tab ${i}: ${w}`));
    // Choosing a tab moves none of the others (the strip may scroll to show it: the first tab's width stays).
    expect((await tabs.first().boundingBox())?.width).toBe(firstAt?.width);
    const row = popup.locator('tbody tr button').first();
    if ((await row.count()) === 0) continue;
    await row.click();
    broken.push(...(await brokenWords(popup)).map((w) => `tab ${i} evidence: ${w}`));
    await popup.getByRole('button', { name: 'Back' }).click();
  }
  expect(broken).toEqual([]);
});

test('text is readable: body text at least 13 px in the popup, report and settings, the verdict the largest in the popup', async ({
  page,
  extension,
}) => {
  const popup = await popupOfHomeAt420(page, extension);
  const px = (selector: string) =>
    popup
      .locator(selector)
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  await expect(popup.getByTestId('finding').first()).toBeVisible();
  expect(await px('body')).toBeGreaterThanOrEqual(13);
  // What a reader reads in a card: its summary, not only the body it inherits from.
  expect(await px('[data-testid="finding"] p')).toBeGreaterThanOrEqual(13);
  const verdict = await px('[data-testid="verdict"]');
  for (const other of ['h1', 'h2', '[data-testid="finding"] p', '[role="tab"]'])
    expect(verdict, `the verdict against ${other}`).toBeGreaterThan(await px(other));
  // Nothing on the popup is set smaller than 12 px.
  const smallest = await popup.evaluate(() =>
    Math.min(
      ...[...document.querySelectorAll('body *')]
        .filter((el) => el.textContent?.trim() && el.getClientRects().length > 0)
        .map((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
    ),
  );
  expect(smallest).toBeGreaterThanOrEqual(12);
  for (const path of ['report.html', 'options.html']) {
    const other = await openExtensionPage(extension, path);
    const body = await other.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    expect(body, path).toBeGreaterThanOrEqual(13);
    await other.close();
  }
});

test('Back from the evidence returns to the place the reader left in the list', async ({
  page,
  extension,
}) => {
  const popup = await popupOfHomeAt420(page, extension);
  const last = popup.getByRole('button', { name: 'Show evidence' }).last();
  await expect(last).toBeVisible();
  await last.scrollIntoViewIfNeeded();
  const before = await popup.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(300);
  await last.click();
  await expect(popup.getByTestId('details')).toBeVisible();
  await popup.getByRole('button', { name: 'Back' }).click();
  await expect(popup.getByTestId('violations')).toBeVisible();
  await expect.poll(() => popup.evaluate(() => window.scrollY)).toBe(before);
});

test('the popup works from the keyboard alone, with visible focus', async ({ page, extension }) => {
  await visit(page, 'https://www.jeejio.com/');
  const popup = await openPopup(extension, await tabIdOf(await liveWorker(extension.context), page));
  await popup.getByRole('tab', { name: /^Violations/ }).focus();
  await popup.keyboard.press('ArrowRight');
  await expect(popup.getByRole('tab', { name: /^Cookies/ })).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByRole('tab', { name: /^Cookies/ })).toBeFocused();
  // From the tab to the search box, then through the filters to the first row.
  for (let i = 0; i < 20; i++) {
    await popup.keyboard.press('Tab');
    if (await popup.locator('[data-testid="rows-cookie"] button:focus').count()) break;
  }
  const focused = popup.locator('[data-testid="rows-cookie"] button:focus');
  await expect(focused).toHaveCount(1);
  const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  const name = await focused.textContent();
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('details').getByRole('heading', { level: 2 })).toBeFocused();
  // Back, from the keyboard, lands on the row that opened the details.
  await popup.keyboard.press('Shift+Tab');
  await popup.keyboard.press('Enter');
  await expect(popup.locator('[data-testid="rows-cookie"] button:focus')).toHaveText(name ?? '');
});

test('popup, report and options have no serious accessibility issue, in light and dark', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/');
  const tabId = await tabIdOf(await liveWorker(extension.context), page);
  for (const colorScheme of ['light', 'dark'] as const) {
    const popup = await openPopup(extension, tabId);
    await popup.emulateMedia({ colorScheme });
    await expectNoSeriousAccessibilityIssue(popup);
    await popup.getByRole('tab', { name: /^Cookies/ }).click();
    await expectNoSeriousAccessibilityIssue(popup);
    await test
      .info()
      .attach(`popup-${colorScheme}-en`, { body: await popup.screenshot(), contentType: 'image/png' });
    for (const path of ['report.html', 'options.html']) {
      const other = await openExtensionPage(extension, path);
      await other.emulateMedia({ colorScheme });
      await other.locator('h1').waitFor();
      await expectNoSeriousAccessibilityIssue(other);
      await test
        .info()
        .attach(`${path}-${colorScheme}-en`, { body: await other.screenshot(), contentType: 'image/png' });
    }
  }
});

test('in a Chinese browser, the popup, report and options speak Chinese', async ({ demoSite }) => {
  const extension = await launchInChinese(demoSite);
  try {
    const page = await extension.context.newPage();
    await visit(page, 'https://www.jeejio.com/');
    const popup = await openPopup(extension, await tabIdOf(await liveWorker(extension.context), page));
    await expect(popup.getByTestId('verdict')).toContainText('违背 Jeejio 隐私政策');
    await expect(popup.getByTestId('verdict')).toContainText('。');
    await expect(popup.getByTestId('verdict')).not.toContainText(',');
    // The count per severity, as chips under the verdict, in Chinese.
    await expect(popup.getByTestId('severity-chips').locator('[data-severity="high"]')).toHaveText(
      /^\d+ 项严重$/,
    );
    await expect(popup.getByRole('tab', { name: /^违规/ })).toBeVisible();
    await expect(
      popup.locator('li[data-rules~="cookie-undeclared-purpose"]', { hasText: '“IDE”' }),
    ).toContainText('严重');
    await expect(popup.locator('section[aria-label="Cookie 被用于政策未声明的用途"]')).toBeVisible();
    // The clause it breaks, in the reader's language too.
    const clause = popup.locator('li[data-rule="cookie-undeclared-purpose"]').first().locator('details');
    await clause.locator('summary').click();
    await expect(clause).toContainText('Cookie 仅用于政策声明的目的');
    await expect(clause).toContainText('广告、跨站跟踪和浏览器指纹识别都不在其中');
    // The policy's own words stay as written, marked as English.
    await expect(clause.getByTestId('policy-quote')).toContainText('政策原文（英文）');
    await expect(clause.locator('q[lang="en"]')).toHaveText(
      'We commit to not use cookies for any purpose other than those stated',
    );
    // What is wrong, too: Google's advertising cookie, worded in Chinese around its name (in the
    // finding of its third-party cookie, which breaks both promises).
    await expect(
      popup.locator('li[data-rules~="cookie-undeclared-purpose"]', { hasText: '“IDE”' }),
    ).toContainText('的 Cookie“IDE”用于广告，政策未将其列为 Cookie 的用途。');
    await expect(popup.getByTestId('violations')).not.toContainText('which the policy');
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      await test
        .info()
        .attach(`popup-${colorScheme}-zh`, { body: await popup.screenshot(), contentType: 'image/png' });
    }
    const report = await openExtensionPage(extension, 'report.html');
    await expect(report.locator('h1')).toHaveText('隐私报告');
    await expect(report.getByTestId('scorecard')).toContainText('已违背');
    await expect(report.getByTestId('scorecard')).toContainText('浏览器不知道访问者的年龄');
    await expect(report.getByTestId('scorecard')).not.toContainText('Nothing this clause governs');
    const options = await openExtensionPage(extension, 'options.html');
    await expect(options.locator('h1')).toHaveText('设置');
    await expect(options.getByTestId('save-canaries')).toHaveText('保存');
    await expect(options.getByTestId('watched-sites')).toContainText('jeejio.com 及其子域名（内置）');
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [name, shown] of [
        ['report', report],
        ['options', options],
      ] as const) {
        await shown.emulateMedia({ colorScheme });
        await test.info().attach(`${name}-${colorScheme}-zh`, {
          body: await shown.screenshot({ fullPage: true }),
          contentType: 'image/png',
        });
      }
    }
    await expectNoSeriousAccessibilityIssue(options);
  } finally {
    await extension.close();
  }
});
