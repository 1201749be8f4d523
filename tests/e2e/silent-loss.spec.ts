import { SILENT_LOSS } from '../../src/demo-site/silent-loss-pages';
import { expect, exportReport, liveWorker, openPopup, tabIdOf, test, visit } from './fixtures';

test('a page hiding behind the limits is told on: what was dropped is counted, and a flood of one kind starves no other', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/hostile-silent-loss');
  await expect(page).toHaveTitle(/^read \d+/);
  const worker = await liveWorker(extension.context);
  const tabId = await tabIdOf(worker, page);

  await expect
    .poll(async () => (await exportReport(extension.context)).evidence?.losses.map((l) => l.cause).sort(), {
      timeout: 15_000,
    })
    .toEqual(['claim-rate', 'link-cap', 'pixel-cap', 'storage-key-cap']);
  const report = await exportReport(extension.context);
  expect(report.summary.evidenceComplete).toBe(false);
  const lossOf = (cause: string) => report.evidence?.losses.find((l) => l.cause === cause);
  // The hooks could not pass on every one of the storage writes: the rest are counted, not lost in silence.
  expect(lossOf('claim-rate')?.count).toBeGreaterThan(0);
  expect(lossOf('claim-rate')?.pages).toEqual(['https://www.jeejio.com/hostile-silent-loss']);
  // The reading stops at its limit and says how many keys it left.
  expect(lossOf('storage-key-cap')?.count).toBeGreaterThanOrEqual(SILENT_LOSS.paddingKeys + 1 - 500);

  // The markup watcher inspects 500 hidden pixels per frame and counts the elements it left.
  expect(lossOf('pixel-cap')?.count).toBeGreaterThanOrEqual(SILENT_LOSS.decoyPixels - 500);

  // Links leaving the site are read up to 200 a frame; the rest are counted.
  expect(lossOf('link-cap')?.count).toBe(SILENT_LOSS.outboundLinks - 200);

  // The canvas read-back right after the flood is still on record.
  expect(report.observations.filter((o) => o.kind === 'fingerprint' && o.technique === 'canvas')).not.toEqual(
    [],
  );

  const popup = await openPopup(extension, tabId);
  const losses = popup.getByTestId('evidence-losses');
  await expect(losses).toBeVisible();
  await expect(losses.locator('[data-cause="claim-rate"]')).toContainText('dropped over the rate limit');
  await expect(losses.locator('[data-cause="storage-key-cap"]')).toContainText('storage keys were not read');
  await expect(losses.locator('[data-cause="pixel-cap"]')).toContainText('not checked for hidden pixels');
  // This one had no wording: the popup failed as it listed the losses.
  await expect(losses.locator('[data-cause="link-cap"]')).toContainText(
    '30 links leaving the site were not read',
  );
});
