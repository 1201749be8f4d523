import { BEACON_PHONE } from '../../src/demo-site/pages';
import { badgeText, expect, exportReport, liveWorker, openPopup, tabIdOf, test, visit } from './fixtures';
import { STORAGE_PAGE_READINGS, STORAGE_PAGE_VIOLATIONS } from './storage-page-expectations';

test('local storage, session storage, IndexedDB and Cache Storage are read and judged: §7 line 93 counts them as cookies', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/storage');
  await expect
    .poll(
      async () =>
        (await exportReport(extension.context)).observations.filter(
          (o) => o.kind === 'storage' && o.provenance === 'dom',
        ).length,
    )
    .toBe(6);
  const report = await exportReport(extension.context);
  // What the extension read itself; the page hooks' claims of the same writes are checked in page-hooks.spec.ts.
  const storage = report.observations.filter((o) => o.kind === 'storage' && o.provenance === 'dom');
  expect(storage.map((o) => `${o.area}:${o.name}`).sort()).toEqual(STORAGE_PAGE_READINGS);
  expect(storage.find((o) => o.name === 'userInfo')).toMatchObject({
    provenance: 'dom',
    origin: 'https://www.jeejio.com',
    value: expect.stringContaining(BEACON_PHONE),
  });

  const flagged = report.violations.map(
    (v) => `${v.rule} ${report.observations.find((o) => o.id === v.observationIds[0])?.name}`,
  );
  expect(flagged.sort()).toEqual(STORAGE_PAGE_VIOLATIONS);
  // Search history kept locally is declared (§2 line 46): never a violation, and the clause shows as kept.
  expect(report.scorecard.find((c) => c.clauseId === 'storage.search-history')?.status).toBe('kept');
});

test("a page's count does not change when another tab writes storage, and keys left by earlier pages are not counted against the next", async ({
  page,
  extension,
}) => {
  const CLEAN = 'https://www.jeejio.com/clean';
  const SIGNED_IN = 'https://www.jeejio.com/signed-in';
  await visit(page, CLEAN);
  const worker = await liveWorker(extension.context);
  const tabId = await tabIdOf(worker, page);
  const before = await openPopup(extension, tabId);
  await expect(before.getByTestId('verdict')).toHaveText(/No broken promises/);
  const countBefore = await badgeText(worker, tabId);
  await before.close();

  // Another tab of the site stores a phone number in the clear, in local storage.
  const other = await extension.context.newPage();
  await visit(other, SIGNED_IN);
  // The clean page heard the write (a trusted storage event), read its storage again, and knows who wrote what.
  const foundOnClean = async () =>
    (await exportReport(extension.context)).observations.filter(
      (o) => o.kind === 'storage' && o.pageUrl === CLEAN && o.name === 'userInfo',
    );
  await expect.poll(async () => (await foundOnClean()).map((o) => o.notThisPage)).toContain('another-tab');
  expect((await foundOnClean())[0]?.writtenOn).toBe(SIGNED_IN);

  await page.bringToFront();
  const after = await openPopup(extension, tabId);
  await expect(after.getByTestId('verdict')).toHaveText(/No broken promises/);
  const found = after.getByTestId('not-this-page');
  await expect(found.getByTestId('finding').filter({ hasText: 'userInfo' })).toHaveCount(1);
  await expect(found.getByTestId('not-this-page-note').first()).toContainText('another tab');
  await after.close();
  expect(await badgeText(worker, tabId)).toBe(countBefore);

  // A new load of the clean page finds the keys already stored: still not its doing.
  await visit(page, CLEAN);
  const reloaded = await openPopup(extension, tabId);
  await expect(
    reloaded.getByTestId('not-this-page').getByTestId('finding').filter({ hasText: 'userInfo' }),
  ).toHaveCount(1, {
    timeout: 15_000,
  });
  await expect(reloaded.getByTestId('verdict')).toHaveText(/No broken promises/);
  expect(await badgeText(worker, tabId)).toBe(countBefore);
  // The page that wrote it is still blamed for it.
  const report = await exportReport(extension.context);
  const phone = report.findings.find(
    (f) => f.rules.includes('cookie-sensitive-in-clear') && f.pageUrls.includes(SIGNED_IN),
  );
  expect(phone?.notThisPage).toBeUndefined();
});

test('a cookie another tab of the site sets while a page is open is listed there as found, not counted against it', async ({
  page,
  extension,
}) => {
  const CLEAN = 'https://www.jeejio.com/clean';
  const HOME = 'https://www.jeejio.com/';
  await visit(page, CLEAN);
  const worker = await liveWorker(extension.context);
  const tabId = await tabIdOf(worker, page);
  const countBefore = await badgeText(worker, tabId);

  // The home page, in another tab, sets a phone number in a readable cookie (and a login cookie without HttpOnly).
  const other = await extension.context.newPage();
  await visit(other, HOME);
  const onClean = async () =>
    (await exportReport(extension.context)).observations.filter(
      (o) => o.kind === 'cookie' && o.pageUrl === CLEAN && o.name === 'user_phone',
    );
  // The browser named no tab; the home page's Set-Cookie header did. However the clean page saw it (the
  // change, or its jar read meanwhile), it is marked as another tab's doing.
  await expect
    .poll(async () => [...new Set((await onClean()).map((o) => `${o.notThisPage} ${o.writtenOn}`))])
    .toEqual([`another-tab ${HOME}`]);

  await page.bringToFront();
  const popup = await openPopup(extension, tabId);
  await expect(popup.getByTestId('verdict')).toHaveText(/No broken promises/);
  const found = popup.getByTestId('not-this-page');
  await expect(found.getByTestId('finding').filter({ hasText: 'user_phone' })).toHaveCount(1);
  await expect(found.getByTestId('not-this-page-note').first()).toContainText('another tab');
  expect(await badgeText(worker, tabId)).toBe(countBefore);
  // The home page is blamed for it, as its own doing.
  const report = await exportReport(extension.context);
  const phone = report.findings.find(
    (f) => f.rules.includes('cookie-sensitive-in-clear') && f.pageUrls.includes(HOME),
  );
  expect(phone?.notThisPage).toBeUndefined();
});
