import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { TIMESTAMP_FILE } from '../../src/core/evidence/bundle-layout';
import { type LocalTsa, startLocalTsa } from '../support/local-tsa';
import { runCommand } from './audit-cli-process';
import {
  expect,
  liveWorker,
  openExtensionPage,
  openPopup,
  STORE_BUILD,
  tabIdOf,
  test,
  visit,
} from './fixtures';
import { exportFromPopup, startRecording } from './recording-support';

let tsa: LocalTsa;
let tsaUrl: string;
test.beforeAll(async () => {
  // A TSA made with `openssl ts` alone, with its own CA, on loopback: never the network.
  tsa = await startLocalTsa();
  // By the name localhost: the browser's host rules send every other name, 127.0.0.1 too, to the demo site.
  tsaUrl = (await tsa.serve()).replace('//127.0.0.1:', '//localhost:');
});
test.afterAll(() => tsa.close());

/** The options page, scrolled to "Trusted timestamps". */
async function timestampSettings(options: Page) {
  const section = options.getByTestId('trusted-timestamps');
  await section.scrollIntoViewIfNeeded();
  return {
    state: section.getByTestId('timestamps-state'),
    status: section.getByTestId('timestamps-status'),
    turnOn: async (url: string) => {
      await section.getByTestId('tsa-url').fill(url);
      await section.getByTestId('timestamps-turn-on').click();
    },
    turnOff: () => section.getByTestId('timestamps-turn-off').click(),
  };
}

test('with trusted timestamps on, an exported session is stamped by the TSA and verifies with its certificate; off, nothing reaches the TSA', async ({
  page,
  extension,
}) => {
  test.setTimeout(150_000);
  await visit(page, 'https://www.jeejio.com/');
  const popup = await openPopup(extension, await tabIdOf(await liveWorker(extension.context), page));
  await startRecording(popup, 'Stamped');
  await page.bringToFront();
  await visit(page, 'https://www.jeejio.com/beacons');
  await page.waitForTimeout(2_000);
  await popup.bringToFront();
  await popup.reload();
  await popup.getByTestId('stop-recording').click();
  await expect(popup.getByTestId('recording-state')).toContainText('Last session “Stamped”');

  // Off by default: the export says so and sends nothing.
  const unstamped = await exportFromPopup(popup, 'off.zip');
  await expect(popup.getByTestId('export-timestamp')).toHaveText(
    'Not timestamped: trusted timestamps are off in the settings, so nothing was sent.',
  );
  expect(unstamped.files[TIMESTAMP_FILE]).toBeUndefined();
  expect(tsa.served()).toBe(0);

  const options = await openExtensionPage(extension, 'options.html');
  const settings = await timestampSettings(options);
  await expect(settings.state).toHaveText('Off: bundles are exported without a trusted time.');
  for (const [typed, reason] of [
    ['', 'Enter the address of a time-stamping authority'],
    ['tsa.example.com/tsr', 'Enter a whole address, starting with http:// or https://.'],
    ['ftp://tsa.example.com/tsr', 'Only http:// and https:// addresses can be used'],
  ] as const) {
    await settings.turnOn(typed);
    await expect(settings.status).toContainText(reason);
    await expect(settings.state).toContainText('Off:');
  }
  // The audit build holds every site already, so the browser grants the TSA's host without a prompt.
  await settings.turnOn(tsaUrl);
  const host = new URL(tsaUrl).host;
  await expect(settings.status).toHaveText(
    `Trusted timestamps are on: the next bundle you export is stamped by ${host}.`,
  );
  await expect(settings.state).toHaveText(`On: each exported bundle is stamped by ${tsaUrl}.`);
  await options.reload();
  await expect((await timestampSettings(options)).state).toContainText(
    `On: each exported bundle is stamped by`,
  );

  await popup.bringToFront();
  const started = Date.now();
  const stamped = await exportFromPopup(popup, 'stamped.zip');
  const outcome = popup.getByTestId('export-timestamp');
  await expect(outcome).toHaveAttribute('data-status', 'stamped');
  expect(tsa.served()).toBe(1);
  await expect(outcome).toContainText(
    /^Timestamped: Local Test TSA vouches that this bundle existed at .+, when it was exported\. Whoever checks it needs that service’s certificate too \(verify --tsa-cert\)\.$/,
  );
  await expect(popup.getByTestId('verify-hint')).toContainText(
    /--fingerprint [0-9a-f]{64} --tsa-cert TSA-CA\.pem/,
  );
  expect(stamped.files[TIMESTAMP_FILE]?.length).toBeGreaterThan(100);

  const fingerprint = (await options.getByTestId('key-fingerprint').getAttribute('data-fingerprint')) ?? '';
  expect(fingerprint).toBe(stamped.manifest.publicKey.fingerprint);
  const verified = await runCommand('verify', [
    stamped.file,
    '--fingerprint',
    fingerprint,
    '--tsa-cert',
    tsa.caPath,
  ]);
  expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  expect(verified.stdout).toContain('INTACT');
  const trusted = /Trusted time: (\S+) .*stamped by CN ?= ?Local Test TSA/.exec(verified.stdout);
  expect(trusted, verified.stdout).not.toBeNull();
  // The trusted time bounds the export: openssl stamps whole seconds, after the click.
  const time = Date.parse(trusted?.[1] ?? '');
  expect(time).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
  expect(time).toBeLessThanOrEqual(Date.now());
  // Without the fingerprint and the TSA's certificate the bundle is intact, its signer and TSA unvouched for: exit 3.
  const unvouched = await runCommand('verify', [stamped.file]);
  expect(unvouched.code, unvouched.stdout).toBe(3);
  expect(unvouched.stdout).toContain('INTACT, SIGNER AND TIMESTAMP NOT CHECKED');
  expect(unvouched.stdout).toMatch(/Timestamp: \S+ \(±1 s\), stamped by CN=Local Test TSA/);

  // Turned off again: the next export sends nothing and says so.
  await options.bringToFront();
  await settings.turnOff();
  await expect(settings.status).toHaveText('Trusted timestamps are off: exporting a bundle sends nothing.');
  await expect(settings.state).toContainText('Off:');
  await popup.bringToFront();
  const after = await exportFromPopup(popup, 'off-again.zip');
  await expect(popup.getByTestId('export-timestamp')).toHaveAttribute('data-status', 'off');
  expect(after.files[TIMESTAMP_FILE]).toBeUndefined();
  expect(tsa.served()).toBe(1);
});

test('a TSA that cannot be reached leaves the exported bundle whole and unstamped, and the popup says why', async ({
  extension,
}) => {
  const popup = await openExtensionPage(extension, 'popup.html');
  await startRecording(popup, 'Dead TSA');
  await popup.getByTestId('stop-recording').click();
  const options = await openExtensionPage(extension, 'options.html');
  const settings = await timestampSettings(options);
  // A port nobody listens on.
  const dead = 'http://localhost:9/tsa';
  await settings.turnOn(dead);
  await expect(settings.state).toContainText('On:');
  await popup.bringToFront();
  const bundle = await exportFromPopup(popup, 'unstamped.zip');
  const outcome = popup.getByTestId('export-timestamp');
  await expect(outcome).toHaveAttribute('data-status', 'failed');
  await expect(outcome).toContainText(
    `Not timestamped: the TSA at ${dead} did not answer: no server could be reached at that address (check it, and that it is up). The bundle was saved without a trusted time.`,
  );
  expect(bundle.files[TIMESTAMP_FILE]).toBeUndefined();
  const intact = await runCommand('verify', [bundle.file]);
  expect(intact.stdout).toContain('INTACT');
  expect(Object.keys(unzipSync(bundle.zip))).toContain('manifest.json');
});

test.describe('with the store build', () => {
  test.use({ extensionDir: STORE_BUILD });

  test("turning trusted timestamps on asks the browser for the TSA's host alone; until it allows, they stay off", async ({
    extension,
  }) => {
    const options = await openExtensionPage(extension, 'options.html');
    const settings = await timestampSettings(options);
    const worker = await liveWorker(extension.context);
    const pattern = `http://${new URL(tsaUrl).hostname}/*`;
    expect(await worker.evaluate((p) => chrome.permissions.contains({ origins: [p] }), pattern)).toBe(false);
    // The browser now shows its permission prompt (headless Chromium leaves it open): nothing is stored meanwhile.
    await settings.turnOn(tsaUrl);
    await expect(settings.status).toHaveText(
      `Asking the browser to allow access to ${new URL(tsaUrl).host}…`,
    );
    await options.waitForTimeout(500);
    await expect(settings.state).toContainText('Off:');
    expect(await worker.evaluate(() => chrome.storage.local.get('trustedTimestamps'))).toEqual({});
    const granted = await worker.evaluate(() => chrome.permissions.getAll());
    expect(granted.origins).not.toContain(pattern);
  });
});
