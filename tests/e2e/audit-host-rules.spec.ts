import { existsSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { audit, auditDemoSite, workDir } from './audit-cli-process';
// The shared fixtures start the demo site; no test here asks for the extension, so none is launched.
import { expect, test } from './fixtures';

/** A CHROME_PATH that leaves a mark if anything starts it: a browser that must not start, caught starting. */
async function markingBrowser(dir: string): Promise<{ path: string; started: () => boolean }> {
  const path = join(dir, 'chromium');
  const mark = join(dir, 'browser-started');
  await writeFile(path, `#!/bin/sh\ntouch '${mark}'\nexit 1\n`);
  await chmod(path, 0o755);
  return { path, started: () => existsSync(mark) };
}

test('a host rule Chromium would drop is refused with exit 2, naming it, before any browser starts', async () => {
  const out = await workDir();
  const browser = await markingBrowser(out);
  const run = await audit(
    [
      'https://www.jeejio.com/',
      '--out',
      out,
      '--host-rules',
      'MAP * 127.0.0.1:8443, MAPP *.jeejio.com 10.0.0.5',
    ],
    { CHROME_PATH: browser.path },
  );
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(
    '--host-rules: Host rule 2 of 2, "MAPP *.jeejio.com 10.0.0.5", starts with "MAPP", not MAP or EXCLUDE',
  );
  expect(browser.started()).toBe(false);
  expect(existsSync(join(out, 'report.json'))).toBe(false);
});

test("the config's host rules are checked the same way", async () => {
  const out = await workDir({
    'inspector.config.json': {
      hosts: ['https://www.jeejio.com/'],
      hostRules: 'MAP *.jeejio.com 10.0.0.5:99999',
    },
  });
  const browser = await markingBrowser(out);
  const run = await audit(['--config', join(out, 'inspector.config.json'), '--out', out], {
    CHROME_PATH: browser.path,
  });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(`The config's hostRules: The host rule, "MAP *.jeejio.com 10.0.0.5:99999"`);
  expect(run.stderr).toContain('port "99999" is not a number from 1 to 65535');
  expect(browser.started()).toBe(false);
});

test('the audit stops with exit 2 when nothing answers where the host rules send the first page', async () => {
  const out = await workDir();
  // Port 1 (tcpmux) has no listener here: the connection is refused at once, deterministically.
  const run = await audit([
    'https://www.jeejio.com/',
    'https://open.jeejio.com/',
    '--out',
    out,
    '--host-rules',
    'MAP *.jeejio.com 127.0.0.1:1',
    '--ignore-https-errors',
  ]);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toContain(
    'The host rules send www.jeejio.com to 127.0.0.1:1, but the first page, https://www.jeejio.com/, got no answer there (net::ERR_CONNECTION_REFUSED).',
  );
  expect(run.stderr).toContain('No report was written.');
  expect(existsSync(join(out, 'report.json'))).toBe(false);
});

test('an audit whose host rules hold confirms where the first page came from, and says when the sandbox is off', async ({
  demoSite,
}) => {
  const { run, out } = await auditDemoSite(demoSite, ['https://www.jeejio.com/'], ['--dwell', '0']);
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toContain(
    `www.jeejio.com answered from 127.0.0.1:${demoSite.port}, as the host rules map it.`,
  );
  // As root Chromium runs with --no-sandbox; the audit must say so, and only then.
  expect(run.stderr.includes("Warning: Chromium's sandbox is off: this runs as root")).toBe(
    process.getuid?.() === 0,
  );
  expect(existsSync(join(out, 'report.json'))).toBe(true);
});
