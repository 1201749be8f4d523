import type { ScreenshotRecord } from '../../src/core/recording/screenshot-record';
import type { RecordingSession, SessionWarningRecord } from '../../src/core/recording/session';
import { expect, liveWorker, openExtensionPage, STORE_BUILD, test, visit } from './fixtures';
import { startRecording, storedRows } from './recording-support';

test.use({ extensionDir: STORE_BUILD });

test('store build: a screenshot the browser refuses, or of a tab out of sight, is a warning in the session, not an error', async ({
  page,
  extension,
}) => {
  const popup = await openExtensionPage(extension, 'popup.html');
  await startRecording(popup, 'Shots');
  await page.bringToFront();
  await visit(page, 'https://www.jeejio.com/');
  await page.waitForTimeout(2500);
  // The popup's tab in front: the page loaded behind it cannot be captured.
  await popup.bringToFront();
  await visit(page, 'https://open.jeejio.com/');
  await page.waitForTimeout(2500);

  const worker = await liveWorker(extension.context);
  const shots = await storedRows<ScreenshotRecord>(worker, 'screenshots');
  const [session] = await storedRows<RecordingSession>(worker, 'sessions');
  // The store build holds Jeejio hosts only, and Chrome captures a tab only with all-sites access.
  expect(shots).toEqual([]);
  const warnings = (await storedRows<SessionWarningRecord>(worker, 'sessionWarnings'))
    .filter((w) => w.sessionId === session?.id && w.kind === 'screenshot-failed')
    .map((w) => w.message);
  expect(warnings).toContain(
    "No screenshot of https://www.jeejio.com/ (navigation): Either the '<all_urls>' or 'activeTab' permission is required. (grant access to all sites from the popup)",
  );
  expect(warnings).toContain(
    'No screenshot of https://open.jeejio.com/ (navigation): the tab was not the one shown in its window',
  );
  // Recording goes on, and the popup does not call the evidence incomplete for a missing picture.
  await popup.reload();
  await expect(popup.getByTestId('recording-state')).toContainText('Recording “Shots”');
  await expect(popup.getByTestId('evidence-incomplete')).toHaveCount(0);
  expect(session?.status).toBe('recording');
});
