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
  // Under the verdict, its count per severity as chips that add up to it: high first, in their colour.
  const chips = popup.getByTestId('severity-chips').locator('li');
  await expect(chips.first()).toHaveText(/^\d+ high$/);
  const chipCounts = (await chips.allTextContents()).map((text) => Number.parseInt(text, 10));
  const verdictCount = Number.parseInt((await popup.getByTestId('verdict').textContent()) ?? '', 10);
  expect(chipCounts.reduce((a, b) => a + b, 0)).toBe(verdictCount);
  expect(await chips.first().evaluate((chip) => getComputedStyle(chip).color)).not.toBe(
    await popup.getByTestId('counts').evaluate((p) => getComputedStyle(p).color),
  );
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

  const count = await violations.count();
  await popup.getByRole('tab', { name: /^Cookies/ }).click();
  const cookies = popup.getByTestId('rows-cookie');
  await expect(cookies.locator('tr[data-name="JSESSIONID"]')).toContainText(/Essential.*First/);
  await expect(cookies.locator('tr[data-name="IDE"]')).toContainText(/Google.*Advertising.*Third/);
  await expect(cookies.locator('tr[data-name="Hm_lvt_0123456789abcdef"]')).toContainText(
    /Baidu.*Statistics.*First/,
  );
  await expect(cookies.locator('tr[data-name="ALIPAYJSESSIONID"]')).toContainText('Third');

  // Filters narrow the list; a row opens its details, with the evidence and why it was classified so.
  await popup.getByTestId('filter-party').selectOption('third-party');
  await expect(cookies.locator('tr[data-name="JSESSIONID"]')).toHaveCount(0);
  await popup.getByTestId('filter-search').fill('IDE');
  await cookies.locator('tr[data-name="IDE"] button').click();
  const details = popup.getByTestId('details');
  await expect(details).toContainText('Google');
  await expect(details.locator('[data-provenance="webRequest"]').first()).toContainText(
    'the network (webRequest)',
  );
  // The proof first: what is wrong with it, as its findings say; how it was seen in plain words; the
  // catalogue's reasoning folded away under technical details.
  await expect(details.getByTestId('what-is-wrong')).toContainText('a third party that is neither Jeejio');
  await expect(details).toContainText('sent by the server in a Set-Cookie header');
  await expect(details).not.toContainText('set-attempt');
  const technical = details.getByTestId('technical-details');
  await expect(technical.locator('dd')).toBeHidden();
  await technical.locator('summary').click();
  await expect(technical.locator('dd')).toContainText('Google');
  await details.getByRole('button', { name: /Back/ }).click();
  await expect(popup.getByTestId('rows-cookie')).toBeVisible();

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
  await expect(popup.getByTestId('violations')).toHaveCount(0);
  await popup.getByRole('tab', { name: /^Cookies/ }).click();
  await expect(popup.getByTestId('rows-cookie').locator('tr[data-name="SESSIONID"]')).toContainText(
    /Essential.*First/,
  );
  expect(await badgeText(worker, tabId)).toBe('');
});

test('hostile cookies render as inert text and still raise violations', async ({ page, extension }) => {
  await visit(page, 'https://www.jeejio.com/hostile');
  const worker = await liveWorker(extension.context);
  const popup = await openPopup(extension, await tabIdOf(worker, page));
  await expect(popup.getByTestId('violations')).toContainText('session_token');
  // The cookie value <img src=x onerror=...> must never become markup in the popup.
  await expect(popup.locator('img')).toHaveCount(0);
  await popup.getByRole('tab', { name: /^Cookies/ }).click();
  await expect(popup.getByTestId('rows-cookie')).toContainText('(no name)');
  // Right-to-left overrides and zero-width characters in a value are shown, not obeyed.
  await popup.getByTestId('rows-cookie').locator('tr[data-name="unicode"] button').click();
  await expect(popup.getByTestId('details')).toContainText('\\u202e');
  await popup.getByTestId('details').getByRole('button', { name: /Back/ }).click();
  // The <img> in the xss cookie's value stays text in the details too.
  await popup.getByTestId('rows-cookie').locator('tr[data-name="xss"] button').click();
  await expect(popup.getByTestId('details')).toContainText('%3Cimg');
  await expect(popup.locator('img')).toHaveCount(0);

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

test('advice is shown apart and counts nowhere: not in the verdict, not in the badge', async ({
  page,
  extension,
}) => {
  // The Open Platform breaks one promise (an insecure session cookie) and keeps _ga longer than
  // guidance advises, a bound the policy never sets.
  await visit(page, 'https://open.jeejio.com/');
  const worker = await liveWorker(extension.context);
  const tabId = await tabIdOf(worker, page);
  const popup = await openPopup(extension, tabId);
  await expect(popup.getByTestId('verdict')).toContainText("1 way this page breaks Jeejio's privacy policy");
  await expect(popup.getByTestId('violations').locator('li')).toHaveCount(1);
  const advice = popup.getByTestId('advice');
  await expect(advice).toContainText('Advice (1)');
  await expect(advice).toContainText('Not a broken promise');
  await expect(advice.locator('li[data-rule="retention-too-long"]')).toContainText('_ga');
  await expect(advice.locator('li[data-rule="retention-too-long"]')).toContainText(
    'Concerns §7, lines 92–93',
  );
  await expect(advice.locator('.severity')).toHaveCount(0);
  await expect.poll(() => badgeText(worker, tabId)).toBe('1');
});

test('below the verdict: write to Jeejio at the policy’s address with the findings filled in, or clear the site’s cookies', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/');
  const popup = await openPopup(extension, await tabIdOf(await liveWorker(extension.context), page));
  const contact = popup.getByTestId('contact-jeejio');
  await expect(contact).toHaveText('Write to Jeejio about this');
  const mail = new URL((await contact.getAttribute('href')) ?? '');
  expect(`${mail.protocol}${mail.pathname}`).toBe('mailto:Service@jeejio.com');
  expect(mail.searchParams.get('subject')).toBe('Your privacy policy and https://www.jeejio.com/');
  const body = mail.searchParams.get('body') ?? '';
  expect(body).toContain('on https://www.jeejio.com/');
  expect(body).toMatch(/- Cookie "user_phone" .*phone number.*\(§6, line 89\)/);
  expect(body).toContain('Please tell me why');
  // The masked value, never the number itself.
  expect(body).not.toContain('13812345678');

  const jeejioCookies = async () =>
    (await extension.context.cookies()).filter((c) => c.domain.replace(/^\./, '').endsWith('jeejio.com'));
  const before = (await jeejioCookies()).length;
  expect(before).toBeGreaterThan(2);
  await popup.getByTestId('clear-cookies').click();
  await expect(popup.getByRole('group', { name: 'Clear this site’s cookies' })).toContainText(
    `Remove the ${before} cookies of jeejio.com?`,
  );
  await popup.getByTestId('clear-cookies-confirm').click();
  await expect(popup.getByRole('status')).toHaveText(`Removed ${before} cookies of jeejio.com.`);
  expect(await jeejioCookies()).toEqual([]);
  // What was recorded stays: the findings are still there.
  await popup.reload();
  await expect(popup.getByTestId('verdict')).toContainText("ways this page breaks Jeejio's privacy policy");
});

test('the evidence shows the proof: the parameter that carried the phone number, the attribute a login cookie lacks', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/beacons');
  const popup = await openPopup(extension, await tabIdOf(await liveWorker(extension.context), page));
  const beacon = popup.locator('li[data-rule="beacon-over-collection"]', { hasText: 'Baidu' }).first();
  await beacon.getByRole('button', { name: 'Show evidence' }).click();
  const proof = popup.getByTestId('details').getByTestId('proof');
  // The parameter that held it leads, masked, said to hold a phone number; the others follow as sent.
  const first = proof.locator('li').first();
  await expect(first).toHaveAttribute('data-found', 'phone-number');
  await expect(first).toContainText(/ep = 13\*+78 holds a phone number/);
  await expect(proof).not.toContainText('13812345678');
  await expect(proof.locator('li', { hasText: 'si = ' })).toBeVisible();

  await visit(page, 'https://www.jeejio.com/');
  const home = await openPopup(extension, await tabIdOf(await liveWorker(extension.context), page));
  await home
    .locator('li[data-rule="cookie-login-insecure"]')
    .getByRole('button', { name: 'Show evidence' })
    .click();
  const cookieProof = home.getByTestId('details').getByTestId('proof');
  await expect(cookieProof.locator('dt', { hasText: 'HttpOnly' }).locator('+ dd')).toHaveText('missing');
});

test('findings grouped by who they are about: a company chip shows only that company’s findings', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/');
  const popup = await openPopup(extension, await tabIdOf(await liveWorker(extension.context), page));
  const companies = popup.getByTestId('companies');
  const findings = popup.getByTestId('violations').getByTestId('finding');
  const all = await findings.count();
  await expect(companies.locator('[data-company="all"]')).toHaveText(`All (${all})`);
  await expect(companies.locator('[data-company="site"]')).toContainText('This site');
  const google = companies.locator('[data-company="vendor:Google"]');
  await google.click();
  await expect(google).toHaveAttribute('aria-pressed', 'true');
  const shown = await findings.count();
  expect(shown).toBeLessThan(all);
  await expect(google).toHaveText(`Google (${shown})`);
  for (let i = 0; i < shown; i++) await expect(findings.nth(i)).toContainText('Google');
  // Again: every finding is back.
  await google.click();
  await expect(findings).toHaveCount(all);
});
