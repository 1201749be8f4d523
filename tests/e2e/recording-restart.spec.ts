import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyBundle } from '../../src/core/evidence/verify-bundle';
import { inInspector } from '../../src/harness/in-inspector';
import { expect, test, visit } from './fixtures';
import { launchInProfile as launch } from './persistent-profile';
import { exportFromPopup, recorderStatus } from './recording-support';

test('a recording goes on after the browser is closed and opened again, and its chain stays whole', async ({
  demoSite,
}) => {
  const userDataDir = await mkdtemp(join(tmpdir(), 'jeejio-restart-'));
  try {
    const first = await launch(userDataDir, demoSite.hostRules);
    await inInspector(first.worker, (inspector) =>
      inspector.recorder.start({ caseName: 'Restart', auditorName: 'A', notes: '' }),
    );
    await visit(await first.context.newPage(), 'https://www.jeejio.com/');
    const before = await recorderStatus(first.worker, 'settle');
    expect(before.session?.chained).toBeGreaterThan(0);
    await first.context.close();

    const second = await launch(userDataDir, demoSite.hostRules);
    const extensionId = new URL(second.worker.url()).host;
    const resumed = (await recorderStatus(second.worker, 'settle')).session;
    expect(resumed).toMatchObject({ id: before.session?.id, status: 'recording' });
    // Nothing chained before the close is lost; the page's last readings may still have come in after.
    expect(resumed?.chained).toBeGreaterThanOrEqual(before.session?.chained ?? Number.POSITIVE_INFINITY);
    await visit(await second.context.newPage(), 'https://open.jeejio.com/');
    const after = await recorderStatus(second.worker, 'settle');
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
