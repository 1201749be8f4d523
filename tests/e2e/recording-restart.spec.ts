import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';
import { findChromium } from '../../src/cli/find-chromium';
import { waitForInspectorReady } from '../../src/cli/launch-with-extension';
import { verifyBundle } from '../../src/evidence/verify-bundle';
import type { Inspector } from '../../src/extension/start-inspector';
import type { RecordingStatus } from '../../src/recording/session';
import { AUDIT_BUILD, expect, test, visit } from './fixtures';
import { exportFromPopup } from './recording-support';

/** The same profile each time, so the extension's IndexedDB outlives the browser. */
async function launch(
  userDataDir: string,
  hostRules: string,
): Promise<{ context: BrowserContext; worker: Worker }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: [
      `--disable-extensions-except=${AUDIT_BUILD}`,
      `--load-extension=${AUDIT_BUILD}`,
      '--disable-gpu',
      `--host-resolver-rules=${hostRules}`,
      '--ignore-certificate-errors',
    ],
    ignoreHTTPSErrors: true,
    ...(process.getuid?.() === 0 ? { chromiumSandbox: false } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await waitForInspectorReady(worker);
  return { context, worker };
}

const status = (worker: Worker) =>
  worker.evaluate(
    (): Promise<RecordingStatus> =>
      (globalThis as unknown as { jeejioInspector: Inspector }).jeejioInspector.recorder.settle(),
  );

test('a recording goes on after the browser is closed and opened again, and its chain stays whole', async ({
  demoSite,
}) => {
  const userDataDir = await mkdtemp(join(tmpdir(), 'jeejio-restart-'));
  try {
    const first = await launch(userDataDir, demoSite.hostRules);
    await first.worker.evaluate(async () => {
      const { recorder } = (globalThis as unknown as { jeejioInspector: Inspector }).jeejioInspector;
      await recorder.start({ caseName: 'Restart', auditorName: 'A', notes: '' });
    });
    await visit(await first.context.newPage(), 'https://www.jeejio.com/');
    const before = await status(first.worker);
    expect(before.session?.chained).toBeGreaterThan(0);
    await first.context.close();

    const second = await launch(userDataDir, demoSite.hostRules);
    const extensionId = new URL(second.worker.url()).host;
    expect((await status(second.worker)).session).toMatchObject({
      id: before.session?.id,
      status: 'recording',
      chained: before.session?.chained,
    });
    await visit(await second.context.newPage(), 'https://open.jeejio.com/');
    const after = await status(second.worker);
    expect(after.session?.chained).toBeGreaterThan(before.session?.chained ?? 0);

    const popup = await second.context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const bundle = await exportFromPopup(popup, 'restart.zip');
    expect(bundle.manifest.chain.length).toBeGreaterThanOrEqual(after.session?.chained ?? 0);
    const pages = new Set(
      bundle.entries.map((e) => (e.observation as unknown as { pageUrl: string }).pageUrl),
    );
    expect([...pages]).toEqual(
      expect.arrayContaining(['https://www.jeejio.com/', 'https://open.jeejio.com/']),
    );
    const verdict = await verifyBundle(new Uint8Array(bundle.zip));
    expect(verdict.problems).toEqual([]);
    expect(verdict.status).toBe('intact');
    await second.context.close();
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
});
