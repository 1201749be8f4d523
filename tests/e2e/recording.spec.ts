import { writeFile } from 'node:fs/promises';
import type { RecordingSession } from '../../src/core/recording/session';
import { inInspector } from '../../src/harness/in-inspector';
import { RECORDED_DATA_TABLES } from '../../src/stores/inspector-database';
import { runCommand } from './audit-cli-process';
import { expect, liveWorker, openExtensionPage, openPopup, tabIdOf, test, visit } from './fixtures';
import { chainedEntries, exportFromPopup, startRecording, storedRows } from './recording-support';

test('a session recorded from the popup exports a signed bundle that verifies, and a flipped byte is named', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/');
  const tabId = await tabIdOf(await liveWorker(extension.context), page);
  const popup = await openPopup(extension, tabId);
  await startRecording(popup, 'Case 7');
  // Right after starting, nothing is chained yet: the popup says to reload or browse on.
  const hint = popup.getByTestId('recording-hint');
  if ((await popup.getByTestId('recording-state').textContent())?.includes(': 0 observations'))
    await expect(hint).toContainText('reload the page or go on browsing');

  // Screenshots are of the visible tab: the page's, not the popup's.
  await page.bringToFront();
  await visit(page, 'https://www.jeejio.com/beacons');
  await page.waitForTimeout(2500);
  await visit(page, 'https://open.jeejio.com/');
  await page.waitForTimeout(2500);
  await popup.bringToFront();
  await popup.reload();
  await expect(popup.getByTestId('recording-state')).toContainText(
    /Recording “Case 7”: [1-9]\d* observations/,
  );
  await expect(hint).toHaveCount(0);
  await popup.getByTestId('stop-recording').click();
  await expect(popup.getByTestId('recording-state')).toContainText('Last session “Case 7”');

  const bundle = await exportFromPopup(popup, 'evidence.zip');
  const worker = await liveWorker(extension.context);
  const [session] = await storedRows<RecordingSession>(worker, 'sessions');
  expect(session?.status).toBe('stopped');
  // The demo site's login cookies are redacted, so the bundle chains them anew and signs the recorded head.
  expect(bundle.manifest.chain).toMatchObject({ algorithm: 'jeejio-chain/1', length: session?.chain.length });
  expect(bundle.manifest.secrets?.recordedChain ?? bundle.manifest.chain).toMatchObject({
    length: session?.chain.length,
    head: session?.chain.head,
  });
  expect(bundle.manifest.environment).toMatchObject({
    caseName: 'Case 7',
    auditorName: 'Test Auditor',
    notes: 'Recorded by the end-to-end tests',
    extensionVersion: '0.1.0',
    browserName: expect.stringMatching(/Chrom/),
    browserVersion: expect.stringMatching(/^\d+/),
    os: expect.stringMatching(/^linux /),
    policyId: bundle.manifest.policy.id,
    policyVersion: bundle.manifest.policy.version,
    policySha256: bundle.manifest.policy.sha256,
    ruleSetVersion: bundle.manifest.ruleSetVersion,
    recordingStartedAt: new Date(session?.startedAt ?? 0).toISOString(),
    recordingStoppedAt: new Date(session?.stoppedAt ?? 0).toISOString(),
    evidenceComplete: 'yes',
  });
  // The pages visited while recording, and only what was stored while it ran, each once.
  const pages = new Set(bundle.entries.map((e) => (e.observation as unknown as { pageUrl: string }).pageUrl));
  expect([...pages]).toEqual(
    expect.arrayContaining(['https://www.jeejio.com/beacons', 'https://open.jeejio.com/']),
  );
  const chained = await chainedEntries(worker);
  expect(bundle.entries.map((e) => e.observation.id)).toEqual(chained.map((e) => e.observationId));
  expect(new Set(chained.map((e) => e.observationId)).size).toBe(chained.length);

  // A screenshot when each page had loaded and when a rule was first broken on it, as PNGs.
  const shots = Object.keys(bundle.files).filter((f) => f.startsWith('screenshots/'));
  expect(shots.filter((f) => f.endsWith('-navigation.png')).length, shots.join()).toBeGreaterThanOrEqual(2);
  expect(shots.filter((f) => f.includes('-first-violation-')).length, shots.join()).toBeGreaterThanOrEqual(1);
  for (const shot of shots)
    expect([...(bundle.files[shot]?.subarray(0, 4) ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47]);

  // The options page shows the key that signed it.
  const options = await openExtensionPage(extension, 'options.html');
  const fingerprint = await options.getByTestId('key-fingerprint').getAttribute('data-fingerprint');
  expect(fingerprint).toBe(bundle.manifest.publicKey.fingerprint);
  await expect(options.getByTestId('key-jwk')).toContainText(bundle.manifest.publicKey.jwk.x);
  // Handed on with one click: the whole fingerprint, without the spaces that group it for reading.
  await options.getByTestId('copy-fingerprint').click();
  await expect(options.getByTestId('fingerprint-copied')).toHaveText('Copied.');
  // Read back as a person would: pasted into a field of the page (a paste needs no clipboard permission).
  const field = options.getByTestId('canary-phone');
  await field.fill('');
  await field.press('ControlOrMeta+V');
  await expect(field).toHaveValue(fingerprint ?? '');
  await field.fill('');

  const intact = await runCommand('verify', [bundle.file, '--fingerprint', fingerprint ?? '']);
  expect(intact.code, intact.stdout + intact.stderr).toBe(0);
  expect(intact.stdout).toContain('INTACT');

  // One byte inside the chained observations: the first entry line's observation.
  const at = bundle.zip.indexOf(Buffer.from('"observation":{')) + 20;
  const flipped = Buffer.from(bundle.zip);
  flipped[at] = (flipped[at] ?? 0) ^ 0x01;
  const tamperedPath = `${bundle.file}.tampered.zip`;
  await writeFile(tamperedPath, flipped);
  const tampered = await runCommand('verify', [tamperedPath]);
  expect(tampered.code, tampered.stdout + tampered.stderr).toBe(1);
  expect(tampered.stdout).toContain('TAMPERED');
  expect(tampered.stdout).toMatch(/observations\.ndjson/);
});

test('a paused recording makes the popup say the evidence is incomplete, in English and as the session records it', async ({
  extension,
}) => {
  const popup = await openExtensionPage(extension, 'popup.html');
  await startRecording(popup, 'Quota');
  // What the quota relief does when only session data is left (its decision is unit-tested with a failing table).
  const worker = await liveWorker(extension.context);
  await inInspector(worker, (inspector) =>
    inspector.recorder.pause('Storage is full and nothing outside recorded sessions is left to delete.'),
  );
  await popup.reload();
  await expect(popup.getByTestId('recording-state')).toContainText('Recording of “Quota” is paused');
  await expect(popup.getByTestId('evidence-incomplete')).toContainText(
    'Evidence incomplete: Recording paused: Storage is full',
  );

  // "Delete all recorded data" takes the session with its warnings: no row of it is left anywhere.
  expect(await storedRows(worker, 'sessionWarnings')).not.toEqual([]);
  const options = await openExtensionPage(extension, 'options.html');
  options.once('dialog', (dialog) => void dialog.accept());
  await options.getByTestId('clear-data').click();
  await expect(options.getByTestId('options-status')).toContainText(/Deleted \d+ observations/);
  for (const table of RECORDED_DATA_TABLES.filter((t) => t !== 'visits')) {
    expect(await storedRows(worker, table), table).toEqual([]);
  }
  // Pages still open stay known, so what they do next is filed under a visit on record.
  const openPages = (await storedRows<{ url: string }>(worker, 'visits')).map((v) => v.url);
  expect(openPages.every((url) => url.startsWith('https://'))).toBe(true);
});

test('a bundle exported from the popup holds none of the recorder’s login cookies unless asked, with a warning, to keep them', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/');
  const popup = await openPopup(extension, await tabIdOf(await liveWorker(extension.context), page));
  await startRecording(popup, 'Logged in');
  await page.bringToFront();
  await visit(page, 'https://www.jeejio.com/');
  await page.waitForTimeout(2_000);
  // The demo home page signs the browser in: its session cookie and login token are live credentials.
  const jar = await extension.context.cookies('https://www.jeejio.com/');
  const credentials = jar.filter((c) => c.name === 'JSESSIONID' || c.name === 'token').map((c) => c.value);
  expect(credentials).toHaveLength(2);
  await popup.bringToFront();
  await popup.reload();
  await popup.getByTestId('stop-recording').click();
  await expect(popup.getByTestId('recording-state')).toContainText('Last session “Logged in”');

  const holding = (files: Record<string, Uint8Array>) =>
    Object.entries(files)
      .filter(([, bytes]) => credentials.some((value) => Buffer.from(bytes).includes(value)))
      .map(([name]) => name);
  await expect(popup.getByTestId('secrets-redacted')).toBeVisible();
  const redacted = await exportFromPopup(popup, 'redacted.zip');
  expect(holding(redacted.files)).toEqual([]);
  expect(redacted.manifest.secrets).toMatchObject({ handling: 'redacted' });

  await popup.getByTestId('include-secrets').check();
  await expect(popup.getByTestId('secrets-warning')).toBeVisible();
  const kept = await exportFromPopup(popup, 'with-secrets.zip');
  expect(holding(kept.files)).toContain('observations.ndjson');
  expect(kept.manifest.secrets).toMatchObject({ handling: 'included' });
});
