import { streamPageUrl } from '../fixtures/demo-site/demo-pages';
import { STREAM_DEFAULTS } from '../fixtures/demo-site/pages';
import { expect, exportReport, test } from './fixtures';

test('stopping the background worker mid-page loses nothing and stores nothing twice', async ({
  page,
  extension,
}) => {
  const cdp = await extension.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const n = STREAM_DEFAULTS.n;
  await page.goto(streamPageUrl(n, 80));
  // Stop the worker several times while the page keeps receiving cookies.
  for (let stop = 0; stop < 4; stop++) {
    await page.waitForTimeout(500);
    await cdp.send('ServiceWorker.stopAllWorkers');
  }
  await page.waitForFunction(() => (window as { streamDone?: boolean }).streamDone === true, null, {
    timeout: 30_000,
  });
  await page.waitForLoadState('networkidle');

  const report = await exportReport(extension.context);
  const ids = report.observations.map((o) => o.id);
  expect(new Set(ids).size).toBe(ids.length);

  const streamCookies = report.observations.filter((o) => o.name.startsWith('stream_'));
  for (let k = 0; k < n; k++) {
    const seen = streamCookies.filter((o) => o.name === `stream_${k}`);
    // Every cookie the page received is on record: as its Set-Cookie header, a change or in the jar.
    expect(seen.length, `stream_${k}`).toBeGreaterThan(0);
    // Each way of seeing it is recorded at most once.
    const ways = seen.map((o) => `${o.provenance}/${o.action}`);
    expect(new Set(ways).size, `stream_${k}: ${ways.join(', ')}`).toBe(ways.length);
  }
  const headers = streamCookies.filter((o) => o.action === 'set-attempt');
  expect(new Set(headers.map((o) => o.name)).size).toBe(headers.length);
});
