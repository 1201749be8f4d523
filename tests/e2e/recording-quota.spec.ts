import type { Worker } from '@playwright/test';
import type { Observation } from '../../src/core/observations/observation';
import { inInspector } from '../../src/harness/in-inspector';
import { expect, liveWorker, openExtensionPage, test } from './fixtures';
import { chainedEntries, recorderStatus, startRecording, storedObservations } from './recording-support';

/** Stores `count` storage observations of 2 KB of random text each for the visit, as the collectors would. */
function storeFiller(worker: Worker, visitId: string, from: number, count: number): Promise<void> {
  return inInspector(
    worker,
    async (inspector, { visitId, from, count }) => {
      // Random text: IndexedDB compresses its values, and a repeated letter would take no room.
      const noise = () =>
        Array.from(crypto.getRandomValues(new Uint8Array(1_000)), (b) =>
          b.toString(16).padStart(2, '0'),
        ).join('');
      const observations = Array.from({ length: count }, (_, i) => ({
        id: `${visitId}-${from + i}`,
        kind: 'storage' as const,
        provenance: 'dom' as const,
        observedAt: Date.now(),
        tabId: 1,
        visitId,
        pageUrl: 'https://www.jeejio.com/',
        name: `key-${from + i}`,
        area: 'localStorage' as const,
        action: 'present' as const,
        value: noise(),
        valueLength: 2_000,
        domain: 'www.jeejio.com',
        verified: true,
      }));
      // A full store keeps the writer retrying; the test goes on and looks at what was done meanwhile.
      await Promise.race([
        inspector.record(observations as unknown as Observation[]),
        new Promise((resolve) => setTimeout(resolve, 2_000)),
      ]);
    },
    { visitId, from, count },
  );
}

test('when the browser refuses more data, older data outside sessions goes first; then the recording pauses and says its evidence is incomplete', async ({
  extension,
}) => {
  const popup = await openExtensionPage(extension, 'popup.html');
  const worker = await liveWorker(extension.context);
  // Chrome's own quota for the extension, made small: what is stored now and 2 MB more.
  const cdp = await extension.context.newCDPSession(popup);
  const origin = `chrome-extension://${extension.extensionId}`;
  const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 2_000_000 });
  await storeFiller(worker, 'before-the-session', 0, 400);

  await startRecording(popup, 'Full disk');
  let status = await recorderStatus(worker);
  let handedOver = 0;
  for (let round = 0; round < 40 && status.session?.status === 'recording'; round++) {
    await storeFiller(worker, 'in-the-session', round * 50, 50);
    handedOver += 50;
    status = await recorderStatus(worker);
  }

  // Recording stopped taking evidence it could not keep, and says why.
  expect(status.session?.status).toBe('paused');
  await popup.reload();
  await expect(popup.getByTestId('evidence-incomplete')).toContainText('Storage is full');

  // The older data outside the session made room first; nothing chained into the session was deleted.
  const stored = new Set((await storedObservations(worker)).map((o) => o.id));
  const before = [...stored].filter((id) => id.startsWith('before-the-session-'));
  expect(before.length).toBeLessThan(400);
  const chained = await chainedEntries(worker);
  expect(chained.length).toBeGreaterThan(0);
  expect(chained.filter((e) => !stored.has(e.observationId))).toEqual([]);

  // Given room again, whatever the writer still held is stored: every observation handed over during
  // the session is in the store, none dropped silently. (The writer may already have stored them all
  // when the pause made room; then there is nothing left to wait for.)
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await expect
    .poll(
      async () => {
        const ids = new Set((await storedObservations(worker)).map((o) => o.id));
        return Array.from({ length: handedOver }, (_, i) => `in-the-session-${i}`).filter(
          (id) => !ids.has(id),
        ).length;
      },
      { timeout: 15_000, message: 'observations handed over during the session and never stored' },
    )
    .toBe(0);
});
