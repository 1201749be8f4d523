import { readFile, stat, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { timestampRequest } from '../../src/core/evidence/timestamp/timestamp-request';
import { tokenOfResponse } from '../../src/core/evidence/timestamp/timestamp-response';
import { type LocalTsa, startLocalTsa } from '../support/local-tsa';
import { auditDemoSite, runCommand, workDir } from './audit-cli-process';
// The shared fixtures start the demo site; no test here asks for the extension, so none is launched.
import { expect, test } from './fixtures';

let tsa: LocalTsa;
let tsaUrl: string;
test.beforeAll(async () => {
  // A TSA made with `openssl ts` alone, with its own CA, on loopback: never the network.
  tsa = await startLocalTsa();
  tsaUrl = await tsa.serve();
});
test.afterAll(() => tsa.close());

test('an audit bundle stamped by a local openssl TSA: verify reports the trusted time; an altered token, or one for another digest, exits 1', async ({
  demoSite,
}) => {
  // The bundle and the altered copies go to a folder of their own, apart from the report's.
  const out = await workDir();
  const bundle = join(out, 'evidence.zip');
  const started = Date.now();
  const { run } = await auditDemoSite(
    demoSite,
    ['https://www.jeejio.com/'],
    ['--bundle', bundle, '--tsa', tsaUrl],
  );
  expect(run.code, run.stderr).toBe(1);
  expect(tsa.served()).toBe(1);
  expect(run.stdout).toMatch(
    /Timestamped by CN=Local Test TSA: \d{4}-\d\d-\d\dT[\d:.]+Z \(±1 s\), token serial/,
  );
  const fingerprint = /--fingerprint ([0-9a-f]{64})/.exec(run.stdout)?.[1] ?? '';
  expect(fingerprint).toHaveLength(64);

  const verified = await runCommand('verify', [
    bundle,
    '--fingerprint',
    fingerprint,
    '--tsa-cert',
    tsa.caPath,
  ]);
  expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  expect(verified.stdout).toContain('INTACT: every file matches');
  const trusted =
    /Trusted time: (\S+) \(±1 s\), stamped by CN=Local Test TSA, token serial \w+, a TSA the certificates you gave vouch for\./.exec(
      verified.stdout,
    );
  expect(trusted, verified.stdout).not.toBeNull();
  const time = Date.parse(trusted?.[1] ?? '');
  // openssl stamps whole seconds.
  expect(time).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
  expect(time).toBeLessThanOrEqual(Date.now());
  expect(verified.stdout).toMatch(
    /The recorder's latest time in the bundle: \S+ \(manifest\.json \(created\)\)/,
  );

  // Without the TSA's certificate the token's signature is checked, but not who issued it: exit 3.
  const unchecked = await runCommand('verify', [bundle, '--fingerprint', fingerprint]);
  expect(unchecked.code).toBe(3);
  expect(unchecked.stdout).toContain('INTACT, TIMESTAMP NOT CHECKED');

  const files = unzipSync(await readFile(bundle));
  const token = files['timestamp.tst'] as Uint8Array;
  const altered = token.slice();
  altered[altered.length - 5] = (altered[altered.length - 5] ?? 0) ^ 0x40;
  const alteredPath = join(out, 'altered-token.zip');
  await writeFile(alteredPath, zipSync({ ...files, 'timestamp.tst': altered }, { level: 0 }));
  const alteredRun = await runCommand('verify', [
    alteredPath,
    '--fingerprint',
    fingerprint,
    '--tsa-cert',
    tsa.caPath,
  ]);
  expect(alteredRun.code, alteredRun.stdout).toBe(1);
  expect(alteredRun.stdout).toMatch(
    /\[timestamp\] The token's signature (does not verify|cannot be verified)/,
  );

  // A genuine token from the same TSA, but for other bytes than this manifest.
  const request = await timestampRequest(new TextEncoder().encode('another manifest'));
  const other = tokenOfResponse(await tsa.reply(request.der), request);
  if ('error' in other) throw new Error(other.error);
  const otherPath = join(out, 'other-digest.zip');
  await writeFile(otherPath, zipSync({ ...files, 'timestamp.tst': other.token }, { level: 0 }));
  const otherRun = await runCommand('verify', [
    otherPath,
    '--fingerprint',
    fingerprint,
    '--tsa-cert',
    tsa.caPath,
  ]);
  expect(otherRun.code, otherRun.stdout).toBe(1);
  expect(otherRun.stdout).toMatch(/\[timestamp\] The token stamps [0-9a-f]{64}, not this manifest's digest/);
});

test('a TSA that does not answer: the bundle is written unstamped and verifies, the reason is printed, exit 2', async ({
  demoSite,
}) => {
  const bundle = join(await workDir(), 'evidence.zip');
  const deadTsa = `http://127.0.0.1:${await closedPort()}/tsa`;
  const { run } = await auditDemoSite(
    demoSite,
    ['https://www.jeejio.com/'],
    ['--bundle', bundle, '--tsa', deadTsa],
  );
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(run.stdout).toContain(`NOT timestamped: the TSA at ${deadTsa} could not be reached (ECONNREFUSED)`);
  expect(run.stderr).toContain('The bundle has no trusted timestamp');
  expect((await stat(bundle)).size).toBeGreaterThan(0);
  const verified = await runCommand('verify', [bundle, '--tsa-cert', tsa.caPath]);
  expect(verified.code, verified.stdout).toBe(3);
  expect(verified.stdout).toContain('Timestamp: NONE');
});

/** A loopback port nothing listens on: one just freed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
