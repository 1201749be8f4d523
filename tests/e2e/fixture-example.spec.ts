import { copyFile, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Run, runNode } from './audit-cli-process';
// The shared fixtures start the demo site; no test here asks for the extension, so none is launched.
import { expect, ROOT, test } from './fixtures';

/**
 * The README's Playwright example is a real suite (tests/playwright-example),
 * run here as a team would run it: its own config, `npx playwright test`, the
 * staging host rules from the environment (the demo site stands in for staging).
 */

const EXAMPLE_DIR = join(ROOT, 'tests/playwright-example');
const PLAYWRIGHT_CLI = join(ROOT, 'node_modules/@playwright/test/cli.js');

function playwright(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  // This worker's own Playwright variables would make the inner run think it is a worker too.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(PW_|PLAYWRIGHT_|TEST_)/.test(name)),
  );
  return runNode([PLAYWRIGHT_CLI, ...args], { ...inherited, ...env, FORCE_COLOR: '0' });
}

/** The fenced block of the README that starts with `firstLine`. */
function readmeBlock(readme: string, firstLine: string): string | undefined {
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  return blocks.find((block) => block.startsWith(firstLine));
}

test("the README's fixture example and config are the files of the example suite", async () => {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  for (const file of ['checkout.spec.ts', 'playwright.config.ts']) {
    const content = await readFile(join(EXAMPLE_DIR, file), 'utf8');
    const firstLine = content.split('\n')[0] ?? '';
    expect(readmeBlock(readme, firstLine), `README block for ${file}`).toBe(content);
  }
});

test('the README example passes when run with npx playwright test against the demo site', async ({
  demoSite,
}) => {
  test.setTimeout(180_000);
  const run = await playwright(['test', '-c', EXAMPLE_DIR, '--reporter', 'list'], {
    INSPECTOR_HOST_RULES: demoSite.hostRules,
  });
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
  expect(run.stdout).toMatch(/✓\s+1 .*checkout\.spec\.ts:\d+:\d+ › checkout/);
  expect(run.stdout).toContain('1 passed');
});

test('the example suite shards with --shard and the blob reports merge into one, as the README says', async ({
  demoSite,
}) => {
  test.setTimeout(180_000);
  // Each CI machine has a blob-report directory of its own; CI then gathers them into one.
  const allBlobs = await mkdtemp(join(tmpdir(), 'all-blob-reports-'));
  for (const shard of ['1/2', '2/2']) {
    const machine = await mkdtemp(join(tmpdir(), 'blob-report-'));
    const run = await playwright(['test', '-c', EXAMPLE_DIR, '--shard', shard, '--reporter', 'blob'], {
      INSPECTOR_HOST_RULES: demoSite.hostRules,
      PLAYWRIGHT_BLOB_OUTPUT_DIR: machine,
    });
    expect(run.code, `${shard}\n${run.stdout}\n${run.stderr}`).toBe(0);
    for (const file of await readdir(machine)) await copyFile(join(machine, file), join(allBlobs, file));
  }
  expect((await readdir(allBlobs)).filter((f) => f.endsWith('.zip'))).toHaveLength(2);
  const merged = await playwright(['merge-reports', '--reporter', 'json', allBlobs], {});
  expect(merged.code, merged.stderr).toBe(0);
  const stats = (JSON.parse(merged.stdout) as { stats: { expected: number; unexpected: number } }).stats;
  expect(stats).toMatchObject({ expected: 1, unexpected: 0 });
});
