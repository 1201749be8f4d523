import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Report } from '../../../src/core/report/report-types';
import { DEMO_PAGES } from '../../../src/demo-site/demo-pages';
import type { DemoSite } from '../../../src/demo-site/server';
import { PROJECT_ROOT } from '../../../src/harness/extension-build';
import { audit, workDir } from '../audit-cli-process';
import { expect, test } from './firefox-fixtures';

const validate = (() => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(
    JSON.parse(readFileSync(join(PROJECT_ROOT, 'src/core/report/report.schema.json'), 'utf8')),
  );
})();

async function auditIn(site: DemoSite, browser: 'chromium' | 'firefox') {
  const out = await workDir();
  const run = await audit([
    ...DEMO_PAGES.map((page) => page.url),
    '--out',
    out,
    '--host-rules',
    site.hostRules,
    '--ignore-https-errors',
    '--browser',
    browser,
  ]);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  return { run, report };
}

/** A finding as a reader meets it: its rules, what it says, and where. */
const findingsOf = (report: Report) =>
  report.findings.map((f) => `${f.rules.join(' + ')} | ${f.summary} | ${f.pageUrls.join(' ')}`).sort();

test('audit --browser firefox on the demo gives the findings Chromium gives, and says which browser ran it', async ({
  demoSite,
}) => {
  test.setTimeout(240_000);
  const chromium = await auditIn(demoSite, 'chromium');
  const firefox = await auditIn(demoSite, 'firefox');
  expect(firefox.run.code, firefox.run.stderr).toBe(1);
  expect(validate(firefox.report), JSON.stringify(validate.errors)).toBe(true);
  expect(firefox.report.errors).toBeUndefined();
  expect(firefox.report.pages.map((p) => p.url)).toEqual(chromium.report.pages.map((p) => p.url));
  expect(findingsOf(chromium.report).length).toBeGreaterThan(10);
  expect(findingsOf(firefox.report)).toEqual(findingsOf(chromium.report));

  expect(firefox.report.browser).toMatchObject({ name: 'Firefox', version: expect.stringMatching(/^\d+\./) });
  expect(firefox.run.stdout).toMatch(/^Browser: Firefox \d+/m);
  expect(chromium.report.browser?.name).toMatch(/Chrom/);
  // Firefox's default keeps third parties' cookies, each in a jar of the site that set it (Total Cookie
  // Protection); Chromium's fresh profile refuses them. The report says which.
  expect(firefox.report.summary.thirdPartyCookies).toMatchObject({ mode: 'partitioned' });
  expect(firefox.run.stdout).toContain(
    'Third-party cookies: the browser kept each apart, in a jar of the site',
  );
  expect(chromium.report.summary.thirdPartyCookies).toMatchObject({ mode: 'blocked' });
});

test('audit --browser firefox stops, writing no report, when nothing answers where the host rules send the first page', async () => {
  const out = await workDir();
  const run = await audit([
    'https://www.jeejio.com/',
    '--out',
    out,
    '--host-rules',
    'MAP * 127.0.0.1:1',
    '--ignore-https-errors',
    '--browser',
    'firefox',
  ]);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toContain('The host rules send www.jeejio.com to 127.0.0.1:1, but the first page');
  expect(run.stderr).toContain('got no answer there');
  expect(run.stderr).toContain('No report was written.');
  expect(run.stdout).not.toContain('answered from');
  expect(existsSync(join(out, 'report.json'))).toBe(false);
});
