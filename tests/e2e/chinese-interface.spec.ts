import type { Page } from '@playwright/test';
import { RELEASE_URL, RELEASE_WITH_TRACKER_URL } from '../../src/demo-site/release-page';
import {
  expect,
  launchInChinese,
  liveWorker,
  openExtensionPage,
  openPopup,
  tabIdOf,
  test,
  visit,
} from './fixtures';
import { recordSession } from './recording-support';

/**
 * Latin words a Chinese interface writes as they are: the product's and the
 * site's names, the web's own terms with no settled Chinese word (Chinese
 * privacy policies, Jeejio's among them, write "Cookie"), cookie attributes
 * and storage names as the browser spells them, and companies known in China
 * by their Latin name. Everything else in Latin letters outside page data is
 * English left untranslated.
 */
const WRITTEN_AS_IS = new Set([
  'Jeejio',
  'Cookie',
  'Cookies',
  'HttpOnly',
  'Secure',
  'SameSite',
  'localStorage',
  'sessionStorage',
  'IndexedDB',
  'URL',
  'ID',
  'IP',
  'HTTPS',
  'HTTP',
  'JSON',
  'SARIF',
  'JUnit',
  'PDF',
  'Canvas',
  'WebGL',
  'Google',
  'Meta',
  'Facebook',
  'Microsoft',
  'Baidu',
  // Names of hash functions, filter lists, HTTP methods and the browser API that reads requests.
  'MD',
  'SHA',
  'EasyList',
  'EasyPrivacy',
  'GET',
  'POST',
  'webRequest',
  // Names of key and timestamp formats, written so in Chinese too: 公钥（JWK）, RFC 3161, TSA.
  'JWK',
  'SPKI',
  'RFC',
  'TSA',
]);

/**
 * Latin words in the page's visible text and accessible names that are not
 * page data (marked `translate="no"`, as cookie names, URLs and values are),
 * not the policy's own English words (marked `lang="en"`), and not written as
 * is in Chinese. Each comes with the text it stood in.
 */
async function englishLeftIn(page: Page): Promise<string[]> {
  // Closed details hold text too: a reader opens them.
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  const found = await page.evaluate(() => {
    const out: { word: string; context: string }[] = [];
    const outsideData = (el: Element | null) =>
      el !== null && !el.closest('[translate="no"], [lang="en"], script, style');
    const scan = (text: string, context: string) => {
      // Web addresses, host names and file names (inspector.config.json, *.jeejio.com) are names, not English.
      const words = text.replace(/\b[a-z]+:\/\/\S+|[\w.+-]+@[\w.-]+|[\w*-]+(?:\.[\w-]+)+/gi, ' ');
      for (const m of words.matchAll(/[A-Za-z][A-Za-z]+/g))
        out.push({ word: m[0], context: context.trim().slice(0, 80) });
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (outsideData(node.parentElement)) scan(node.textContent ?? '', node.textContent ?? '');
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (!outsideData(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(attr);
        if (value) scan(value, `${attr}="${value}"`);
      }
    }
    return out;
  });
  return [
    ...new Set(found.filter((f) => !WRITTEN_AS_IS.has(f.word)).map((f) => `${f.word} in "${f.context}"`)),
  ];
}

test('in a Chinese browser no English is left in the popup, its evidence, the report or settings, outside page data', async ({
  demoSite,
}) => {
  test.setTimeout(120_000);
  const extension = await launchInChinese(demoSite);
  try {
    const page = await extension.context.newPage();
    await visit(page, 'https://www.jeejio.com/beacons');
    await visit(page, 'https://www.jeejio.com/');
    const popup = await openPopup(extension, await tabIdOf(await liveWorker(extension.context), page));
    await expect(popup.getByRole('tab').first()).toBeVisible();
    const left: string[] = [];
    const note = async (where: string, shown: Page) => {
      for (const word of await englishLeftIn(shown)) left.push(`${where}: ${word}`);
    };
    await note('popup', popup);
    // Vendors by the names Chinese readers know; the page's own names kept apart as data.
    const baidu = popup.locator('li[data-testid="finding"]', { hasText: '“HMACCOUNT”' }).first();
    await expect(baidu).toContainText('百度统计');
    await expect(baidu.locator('[translate="no"]', { hasText: 'HMACCOUNT' }).first()).toBeVisible();
    // Each kind of observation, its table and the evidence of its first row.
    const tabs = popup.getByRole('tab');
    for (let i = 1; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      await note(`popup tab ${i}`, popup);
      const row = popup.locator('tbody tr button').first();
      if ((await row.count()) === 0) continue;
      await row.click();
      await note(`popup tab ${i} evidence`, popup);
      await popup.getByRole('button', { name: '返回' }).click();
    }
    await note('report', await openExtensionPage(extension, 'report.html'));
    await note('settings', await openExtensionPage(extension, 'options.html'));
    expect(left).toEqual([]);
  } finally {
    await extension.close();
  }
});

test('in a Chinese browser the comparison of two recorded sessions speaks Chinese, outside page data', async ({
  demoSite,
}) => {
  test.setTimeout(120_000);
  const extension = await launchInChinese(demoSite);
  try {
    const page = await extension.context.newPage();
    await visit(page, RELEASE_URL);
    const popup = await openPopup(extension, await tabIdOf(await liveWorker(extension.context), page));
    await recordSession(popup, page, 'Before release', RELEASE_URL);
    await recordSession(popup, page, 'After release', RELEASE_WITH_TRACKER_URL);
    const report = await openExtensionPage(extension, 'report.html');
    const comparison = report.getByTestId('session-comparison');
    await expect(comparison.getByRole('heading', { name: '与较早的会话比较' })).toBeVisible();
    await comparison.getByRole('button', { name: '比较' }).click();
    await expect(comparison.getByTestId('comparison-new').locator('h3')).toHaveText(/^新增（\d+）$/, {
      timeout: 30_000,
    });
    await expect(comparison.getByTestId('comparison-gone')).toContainText('没有消失。');
    await expect(comparison.getByTestId('comparison-new').getByTestId('findings')).toContainText('违背 §');
    expect(await englishLeftIn(report)).toEqual([]);
  } finally {
    await extension.close();
  }
});
