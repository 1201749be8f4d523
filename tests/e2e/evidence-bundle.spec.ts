import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { chromium } from 'playwright-core';
import type { Report } from '../../src/core/report/report-types';
import { findChromium } from '../../src/harness/find-chromium';
import { runCommand } from './audit-cli-process';
import { brokenWords } from './broken-words';
// The shared fixtures start the demo site; no test here asks for the extension, so none is launched.
import { expect, test } from './fixtures';

/** One audit with a bundle, for both tests: the audit is what takes time. */
let out: string;
let bundle: string;
let audit: Awaited<ReturnType<typeof runCommand>>;

test.beforeAll(async ({ demoSite }) => {
  out = await mkdtemp(join(tmpdir(), 'audit-bundle-'));
  bundle = join(out, 'evidence.zip');
  audit = await runCommand('audit', [
    'https://www.jeejio.com/',
    '--out',
    out,
    '--host-rules',
    demoSite.hostRules,
    '--ignore-https-errors',
    '--bundle',
    bundle,
  ]);
});

test('the audit writes a signed bundle that verifies, and one flipped byte makes it tampered', async ({
  demoSite,
}) => {
  expect(audit.code, audit.stderr).toBe(1);
  const fingerprint = /--fingerprint ([0-9a-f]{64})/.exec(audit.stdout)?.[1];
  expect(fingerprint, audit.stdout).toBeDefined();

  const zip = await readFile(bundle);
  const files = unzipSync(zip);
  expect(Object.keys(files).sort()).toEqual([
    'captured.har',
    'findings.csv',
    'manifest.json',
    'manifest.sig',
    'observations.ndjson',
    'report.html',
    'report.json',
    'screenshots/page-1.png',
  ]);
  // The screenshot is a PNG of the page.
  expect([...(files['screenshots/page-1.png']?.subarray(0, 4) ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
  expect(manifest.environment).toMatchObject({
    urls: 'https://www.jeejio.com/',
    hostRules: demoSite.hostRules,
  });
  expect(manifest.environment.browser).toContain('Chrome/');
  // A browser that ran without its sandbox (as root) gathered this evidence unconfined: the bundle says so.
  expect(manifest.environment.chromiumSandbox).toBe(
    process.getuid?.() === 0 ? 'off (ran as root, --no-sandbox)' : undefined,
  );

  const intact = await runCommand('verify', [bundle, '--fingerprint', fingerprint ?? '']);
  expect(intact.code, intact.stdout + intact.stderr).toBe(0);
  expect(intact.stdout).toContain('INTACT');

  // One byte of report.json's content, well inside the file.
  const at = zip.indexOf(Buffer.from('"violations"')) + 3;
  const flipped = Buffer.from(zip);
  flipped[at] = (flipped[at] ?? 0) ^ 0x01;
  const tamperedPath = join(out, 'tampered.zip');
  await writeFile(tamperedPath, flipped);
  const tampered = await runCommand('verify', [tamperedPath]);
  expect(tampered.code, tampered.stdout + tampered.stderr).toBe(1);
  expect(tampered.stdout).toContain('TAMPERED');
  expect(tampered.stdout).toMatch(/report\.json.*changed/);

  // One byte of report.html's content, well inside the file.
  const htmlAt = zip.indexOf(Buffer.from('<h1>Privacy report</h1>')) + 5;
  const htmlFlipped = Buffer.from(zip);
  htmlFlipped[htmlAt] = (htmlFlipped[htmlAt] ?? 0) ^ 0x01;
  await writeFile(tamperedPath, htmlFlipped);
  const htmlTampered = await runCommand('verify', [tamperedPath]);
  expect(htmlTampered.code, htmlTampered.stdout + htmlTampered.stderr).toBe(1);
  expect(htmlTampered.stdout).toMatch(/report\.html was changed/);

  const notZip = join(out, 'not.zip');
  await writeFile(notZip, 'not a zip');
  const unreadable = await runCommand('verify', [notZip]);
  expect(unreadable.code).toBe(2);
  expect(unreadable.stdout).toContain('UNREADABLE');
});

test('the bundle’s report.html shows its findings offline with JavaScript off, and fetches nothing', async () => {
  expect(audit.code, audit.stderr).toBe(1);
  const files = unzipSync(await readFile(bundle));
  const report = JSON.parse(new TextDecoder().decode(files['report.json'])) as Report;
  expect(report.violations.length).toBeGreaterThan(0);
  const htmlPath = join(out, 'report.html');
  await writeFile(htmlPath, files['report.html'] ?? new Uint8Array());

  const browser = await chromium.launch({ executablePath: findChromium(), headless: true });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    const requests: string[] = [];
    const refusals: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => refusals.push(message.text()));
    await page.goto(`file://${htmlPath}`);
    await page.waitForLoadState('load');

    // Only the file itself was loaded; nothing was refused either (no style or script the CSP blocked).
    expect(requests).toEqual([`file://${htmlPath}`]);
    expect(refusals).toEqual([]);
    await expect(page).toHaveTitle(/^Privacy report: \d+ of \d+ clauses broken$/);
    await expect(page.locator('#verdict')).toContainText('clauses of the policy were seen broken');
    // One entry per finding: a problem that breaks several clauses is listed once.
    await expect(page.locator('#violations article')).toHaveCount(report.findings.length);
    const first = report.findings[0];
    await expect(page.locator(`#finding-${first?.id}`)).toContainText(first?.summary ?? '');
    await expect(page.locator('#scorecard tbody tr')).toHaveCount(report.scorecard.length);
    await expect(page.locator('#pages')).toContainText('https://www.jeejio.com/');
    await expect(page.locator('#pages')).toContainText('screenshots/page-1.png');
    // The style sheet applied (the CSP admits it by hash): severities are upper case, the nav is a row.
    await expect(page.locator('.severity').first()).toHaveCSS('text-transform', 'uppercase');
    await expect(page.locator('nav ul')).toHaveCSS('display', 'flex');
    // And the page prints: the print style hides the navigation.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('nav')).toBeHidden();
    // On a laptop's screen and a narrow window, no word of the report's own text is split across
    // lines (a URL or token in code may break anywhere, to fit).
    for (const width of [1280, 800]) {
      const wide = await browser.newPage({ viewport: { width, height: 900 } });
      await wide.goto(`file://${htmlPath}`);
      expect(await brokenWords(wide), `at ${width} px`).toEqual([]);
      await wide.close();
    }
    expect(requests).toHaveLength(1);
  } finally {
    await browser.close();
  }
});
