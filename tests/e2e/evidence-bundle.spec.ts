import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { runCommand } from './audit-cli-process';
// The shared fixtures start the demo site; no test here asks for the extension, so none is launched.
import { expect, test } from './fixtures';

test('the audit writes a signed bundle that verifies, and one flipped byte makes it tampered', async ({
  demoSite,
}) => {
  const out = await mkdtemp(join(tmpdir(), 'audit-bundle-'));
  const bundle = join(out, 'evidence.zip');
  const audit = await runCommand('src/cli/audit.ts', [
    'https://www.jeejio.com/',
    '--out',
    out,
    '--host-rules',
    demoSite.hostRules,
    '--ignore-https-errors',
    '--bundle',
    bundle,
  ]);
  expect(audit.code, audit.stderr).toBe(1);
  const fingerprint = /--fingerprint ([0-9a-f]{64})/.exec(audit.stdout)?.[1];
  expect(fingerprint, audit.stdout).toBeDefined();

  const zip = await readFile(bundle);
  const files = unzipSync(zip);
  expect(Object.keys(files).sort()).toEqual([
    'captured.har',
    'findings.csv',
    'manifest.json',
    'observations.ndjson',
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

  const intact = await runCommand('src/cli/verify.ts', [bundle, '--fingerprint', fingerprint ?? '']);
  expect(intact.code, intact.stdout + intact.stderr).toBe(0);
  expect(intact.stdout).toContain('INTACT');

  // One byte of report.json's content, well inside the file.
  const at = zip.indexOf(Buffer.from('"violations"')) + 3;
  const flipped = Buffer.from(zip);
  flipped[at] = (flipped[at] ?? 0) ^ 0x01;
  const tamperedPath = join(out, 'tampered.zip');
  await writeFile(tamperedPath, flipped);
  const tampered = await runCommand('src/cli/verify.ts', [tamperedPath]);
  expect(tampered.code, tampered.stdout + tampered.stderr).toBe(1);
  expect(tampered.stdout).toContain('TAMPERED');
  expect(tampered.stdout).toMatch(/report\.json.*changed/);

  const notZip = join(out, 'not.zip');
  await writeFile(notZip, 'not a zip');
  const unreadable = await runCommand('src/cli/verify.ts', [notZip]);
  expect(unreadable.code).toBe(2);
  expect(unreadable.stdout).toContain('UNREADABLE');
});
