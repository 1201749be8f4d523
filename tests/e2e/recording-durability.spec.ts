import { verifyBundle } from '../../src/core/evidence/verify-bundle';
import type { RecordingSession } from '../../src/core/recording/session';
import { streamPageUrl } from '../../src/demo-site/demo-pages';
import { expect, liveWorker, openExtensionPage, test } from './fixtures';
import {
  chainedEntries,
  exportFromPopup,
  startRecording,
  storedObservations,
  storedRows,
} from './recording-support';

test('stopping the worker again and again while recording: every observation is chained exactly once and the bundle verifies', async ({
  page,
  extension,
}) => {
  // Nothing monitored was open before the start, so everything stored belongs to the session.
  const popup = await openExtensionPage(extension, 'popup.html');
  await startRecording(popup, 'Durability');
  const cdp = await extension.context.newCDPSession(popup);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (statuses.at(-1) !== v.runningStatus) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');

  const n = 60;
  await page.goto(streamPageUrl(n, 80));
  for (let stop = 0; stop < 5; stop++) {
    await page.waitForTimeout(600);
    await cdp.send('ServiceWorker.stopAllWorkers');
  }
  await page.waitForFunction(() => (window as { streamDone?: boolean }).streamDone === true, null, {
    timeout: 30_000,
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const restarts = statuses.filter((s, i) => s === 'running' && statuses[i - 1] === 'starting').length;
  expect(restarts, statuses.join(' > ')).toBeGreaterThanOrEqual(3);

  await liveWorker(extension.context);
  await popup.reload();
  await popup.getByTestId('stop-recording').click();
  await expect(popup.getByTestId('recording-state')).toContainText('Last session “Durability”');

  const worker = await liveWorker(extension.context);
  const [session] = await storedRows<RecordingSession>(worker, 'sessions');
  const entries = await chainedEntries(worker);
  const observations = await storedObservations(worker);
  const chained = entries.map((e) => e.observationId);
  // Exactly once: no observation twice in the chain, none outside it, no entry without its observation.
  expect(new Set(chained).size).toBe(chained.length);
  const stored = new Set(observations.map((o) => o.id));
  expect(chained.filter((id) => !stored.has(id))).toEqual([]);
  const settledBeforeStop = observations.filter((o) => o.observedAt < (session?.stoppedAt ?? 0) - 2000);
  expect(settledBeforeStop.filter((o) => !chained.includes(o.id)).map((o) => o.id)).toEqual([]);
  expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i));
  expect(session?.chain.length).toBe(entries.length);
  // The stream's Set-Cookie headers on record are each in the chain once. (Whether every header reaches storage
  // across worker stops at all is the collectors' concern, tested in worker-restart.spec.ts.)
  const headers = observations.filter(
    (o) => o.kind === 'cookie' && o.action === 'set-attempt' && o.name.startsWith('stream_'),
  );
  expect(headers.length).toBeGreaterThan(n / 2);
  expect(headers.filter((o) => chained.includes(o.id))).toHaveLength(headers.length);

  const bundle = await exportFromPopup(popup, 'durability.zip');
  expect(bundle.entries.map((e) => e.observation.id)).toEqual(chained);
  const verdict = await verifyBundle(new Uint8Array(bundle.zip));
  expect(verdict.problems).toEqual([]);
  expect(verdict.status).toBe('intact');
});
