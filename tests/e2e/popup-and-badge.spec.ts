import { badgeText, expect, exportReport, liveWorker, openPopup, tabIdOf, test, visit } from './fixtures';

test('the home page: popup and badge show each broken promise with its clause', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/');
  const worker = await liveWorker(extension.context);
  const tabId = await tabIdOf(worker, page);
  const popup = await openPopup(extension, tabId);

  await expect(popup.getByTestId('verdict')).toContainText("ways this page breaks Jeejio's privacy policy");
  const violations = popup.getByTestId('violations').locator('li');
  await expect(violations.filter({ hasText: 'user_phone' })).toContainText('phone number');
  await expect(violations.filter({ hasText: 'user_phone' })).toContainText('§6, line 89');
  await expect(violations.filter({ hasText: '"token"' })).toContainText('lacks HttpOnly');
  await expect(violations.filter({ hasText: '"IDE"' }).first()).toBeVisible();
  await expect(
    popup.locator('li[data-rule="cookie-third-party-recipient"]', { hasText: 'HMACCOUNT' }),
  ).toContainText('§4, lines 60–70');
  await expect(violations.filter({ hasText: '_fbp' })).toContainText('advertising');
  await expect(violations.filter({ hasText: 'ALIPAYJSESSIONID' })).toHaveCount(0);
  await expect(violations.filter({ hasText: 'JSESSIONID' }).filter({ hasNotText: 'ALIPAY' })).toHaveCount(0);

  const cookies = popup.getByTestId('cookies');
  await expect(cookies.locator('tr[data-cookie="JSESSIONID"]')).toContainText(/Essential.*First/);
  await expect(cookies.locator('tr[data-cookie="IDE"]')).toContainText(/Google.*Advertising.*Third/);
  await expect(cookies.locator('tr[data-cookie="Hm_lvt_0123456789abcdef"]')).toContainText(
    /Baidu.*Statistics.*First/,
  );
  await expect(cookies.locator('tr[data-cookie="ALIPAYJSESSIONID"]')).toContainText('Third');

  const count = await violations.count();
  await expect.poll(() => badgeText(worker, tabId)).toBe(String(count));
});

test('a page with only a Secure, HttpOnly session cookie: no violation, empty badge', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/clean');
  const worker = await liveWorker(extension.context);
  const tabId = await tabIdOf(worker, page);
  const popup = await openPopup(extension, tabId);
  await expect(popup.getByTestId('verdict')).toHaveText('No broken promises found on this page so far.');
  await expect(popup.getByTestId('cookies').locator('tr[data-cookie="SESSIONID"]')).toContainText(
    /Essential.*First/,
  );
  await expect(popup.getByTestId('violations')).toHaveCount(0);
  expect(await badgeText(worker, tabId)).toBe('');
});

test('hostile cookies render as inert text and still raise violations', async ({ page, extension }) => {
  await visit(page, 'https://www.jeejio.com/hostile');
  const worker = await liveWorker(extension.context);
  const popup = await openPopup(extension, await tabIdOf(worker, page));
  await expect(popup.getByTestId('violations')).toContainText('session_token');
  // The cookie value <img src=x onerror=...> must never become markup in the popup.
  await expect(popup.locator('img')).toHaveCount(0);
  await expect(popup.getByTestId('cookies')).toContainText('(no name)');

  // A cookie the browser refused (5,000 bytes) is still evidence: its Set-Cookie header is on record.
  const report = await exportReport(extension.context);
  const big = report.observations.filter((o) => o.name === 'big');
  expect(big.map((o) => o.action)).toEqual(['set-attempt']);
  expect(big[0]).toMatchObject({ valueLength: 5000, warnings: [expect.stringContaining('truncated')] });
  // So is a malformed header, kept verbatim with a warning.
  expect(report.observations.find((o) => o.rawHeader === '=; ;;')?.warnings?.[0]).toMatch(/Malformed/);
});

test('a tab that is not on a Jeejio site records nothing', async ({ page, extension }) => {
  await visit(page, 'https://shop.example.org/');
  const worker = await liveWorker(extension.context);
  const popup = await openPopup(extension, await tabIdOf(worker, page));
  await expect(popup.getByTestId('verdict')).toContainText('not on a Jeejio site');
  const report = await exportReport(extension.context);
  expect(report.pages).toEqual([]);
  expect(report.observations).toEqual([]);
});
