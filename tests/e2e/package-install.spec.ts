import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../src/core/report/report-types';
import { audit, type Run } from './audit-cli-process';
import { expect, ROOT, test } from './fixtures';

/**
 * The package as a QA team or an auditor gets it: `npm pack`, installed into
 * an empty project of theirs, and used there only through what it ships (the
 * command, the built extension, the Playwright fixture), never through this
 * checkout's sources. `npm test` has built everything the package ships
 * before the end-to-end tests, so the pack runs no scripts.
 */

/** A command in `cwd`, with the environment of this test run less Playwright's own worker variables. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(PW_|PLAYWRIGHT_|TEST_)/.test(name)),
  );
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...inherited, ...env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const said = (r: Run) => `exit ${r.code}\n${r.stdout}\n${r.stderr}`;

/** What a report found, as a reader compares two: rule and subject, sorted. */
const problems = (report: Report) => report.violations.map((v) => `${v.rule} ${v.subject}`).sort();

const PLAYWRIGHT_CONFIG = `import { defineConfig } from '@playwright/test';
import type { InspectorOptions } from 'jeejio-privacy-inspector/playwright';

export default defineConfig<InspectorOptions>({
  testDir: '.',
  workers: 1,
  timeout: 60_000,
  use: { ignoreHTTPSErrors: true, inspectorHostRules: process.env.INSPECTOR_HOST_RULES },
});
`;

const CONSUMER_TSCONFIG = {
  compilerOptions: {
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    noEmit: true,
    types: ['node'],
  },
  include: ['*.ts'],
};

/** Not a test Playwright runs (no .spec): each line must be a type error, which types of \`any\` would let through. */
const TYPES_CHECK = `import { expect, test } from 'jeejio-privacy-inspector/playwright';

test('misuse', async ({ inspector }) => {
  // @ts-expect-error failOn is high, medium or low
  await expect(inspector).toHaveNoViolations({ failOn: 'critical' });
  // @ts-expect-error except lists rule ids
  await expect(inspector).toHaveNoViolations({ except: 'cookie-undeclared-purpose' });
  // @ts-expect-error the report is a promise of a Report
  const count: number = inspector.report();
  void count;
});
`;

const PRIVACY_SPEC = `import { expect, test } from 'jeejio-privacy-inspector/playwright';

test('the clean page keeps its promises', async ({ page, inspector }) => {
  await page.goto('https://www.jeejio.com/clean');
  await expect(inspector).toHaveNoViolations();
});

test('the home page keeps its promises', async ({ page, inspector }) => {
  await page.goto('https://www.jeejio.com/');
  await expect(inspector).toHaveNoViolations();
});
`;

test('the packed package installs into an empty project, audits from its command as from the repository, and its Playwright fixture judges pages', async ({
  demoSite,
}) => {
  test.setTimeout(600_000);
  const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const work = await mkdtemp(join(tmpdir(), 'packed-'));

  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  expect(packed.code, said(packed)).toBe(0);
  const [tarball] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  const shipped = tarball?.files.map((f) => f.path) ?? [];
  for (const file of [
    'dist/cli.mjs',
    'dist/playwright.mjs',
    'dist/playwright.d.mts',
    '.output/chrome-mv3-audit/manifest.json',
    '.output/chrome-mv3/manifest.json',
    '.output/firefox-mv3-audit/manifest.json',
    'src/core/report/report.schema.json',
    'src/core/config/inspector-config.schema.json',
    'CHANGELOG.md',
  ])
    expect(shipped, file).toContain(file);
  // Sources and tests stay in the repository.
  expect(shipped.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.mts'))).toEqual([]);

  const project = join(work, 'qa-suite');
  await mkdir(project);
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'qa-suite', private: true, type: 'module' }),
  );
  const versionOf = (name: string) =>
    (
      JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  const playwrightVersion = versionOf('@playwright/test');
  const installed = await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      join(work, tarball?.filename ?? ''),
      `@playwright/test@${playwrightVersion}`,
      // To check the fixture's types as the team's editor and CI would.
      `typescript@${versionOf('typescript')}`,
      `@types/node@${versionOf('@types/node')}`,
    ],
    project,
  );
  expect(installed.code, said(installed)).toBe(0);

  // The command, from the project's own node_modules: its version is the one reports name.
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    run('npx', ['--no-install', 'jeejio-privacy-inspector', ...args], project, env);
  const shownVersion = await cli(['--version']);
  expect(shownVersion.stdout.trim(), said(shownVersion)).toBe(version);

  const auditArgs = (out: string) => [
    'https://www.jeejio.com/',
    '--host-rules',
    demoSite.hostRules,
    '--ignore-https-errors',
    '--dwell',
    '0',
    '--out',
    out,
  ];
  const fromPackage = await cli(['audit', ...auditArgs('audit-out')]);
  const repoOut = join(work, 'repo-out');
  const fromRepository = await audit(auditArgs(repoOut));
  expect(fromPackage.code, said(fromPackage)).toBe(1);
  expect(fromRepository.code, said(fromRepository)).toBe(1);
  const packageReport = JSON.parse(await readFile(join(project, 'audit-out/report.json'), 'utf8')) as Report;
  const repositoryReport = JSON.parse(await readFile(join(repoOut, 'report.json'), 'utf8')) as Report;
  expect(packageReport.tool).toEqual({ name: 'jeejio-privacy-inspector', version });
  expect(problems(packageReport).length).toBeGreaterThan(0);
  expect(problems(packageReport)).toEqual(problems(repositoryReport));
  expect(fromPackage.stdout).toContain('user_phone');

  // In Firefox too, from the package alone: its Firefox build and its driver (puppeteer-core) came with it.
  const inFirefox = await cli(['audit', ...auditArgs('firefox-out'), '--browser', 'firefox']);
  expect(inFirefox.code, said(inFirefox)).toBe(1);
  const firefoxReport = JSON.parse(
    await readFile(join(project, 'firefox-out/report.json'), 'utf8'),
  ) as Report;
  expect(firefoxReport.browser?.name).toBe('Firefox');
  expect(problems(firefoxReport)).toEqual(problems(packageReport));

  // A team's Playwright test importing the fixture: the clean page passes, the home page fails, naming what it found.
  await writeFile(join(project, 'playwright.config.ts'), PLAYWRIGHT_CONFIG);
  await writeFile(join(project, 'privacy.spec.ts'), PRIVACY_SPEC);
  // The fixture's types: the options in the config and the matcher in the test type-check.
  await writeFile(join(project, 'tsconfig.json'), JSON.stringify(CONSUMER_TSCONFIG));
  await writeFile(join(project, 'types-check.ts'), TYPES_CHECK);
  const typed = await run('npx', ['--no-install', 'tsc', '--noEmit', '-p', '.'], project);
  expect(typed.code, said(typed)).toBe(0);
  const suite = await run('npx', ['--no-install', 'playwright', 'test', '--reporter', 'list'], project, {
    INSPECTOR_HOST_RULES: demoSite.hostRules,
  });
  expect(suite.code, said(suite)).toBe(1);
  expect(suite.stdout).toMatch(/✓\s+1 .*privacy\.spec\.ts:\d+:\d+ › the clean page keeps its promises/);
  expect(suite.stdout).toMatch(/✘\s+2 .*privacy\.spec\.ts:\d+:\d+ › the home page keeps its promises/);
  expect(suite.stdout).toContain('1 passed');
  expect(suite.stdout).toContain('1 failed');
  expect(suite.stdout).toContain('user_phone');
});
