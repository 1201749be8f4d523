import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../../src/core/report/report-types';
import { issuedSessionIds, MEMBERS_COOKIE, MEMBERS_URL } from '../../src/demo-site/login-pages';
import type { DemoSite } from '../../src/demo-site/server';
import { NEVER_LOADS_URL } from '../../src/demo-site/slow-page';
import { audit, type Run, workDir } from './audit-cli-process';
// The shared fixtures start the demo site; no test here asks for the extension, so none is launched.
import { expect, ROOT, test } from './fixtures';

/** How the audit takes its pages: a URL file, several tabs, a timeout, a login, a shard. */

const HOME = 'https://www.jeejio.com/';
const OPEN = 'https://open.jeejio.com/';
const SHOP = 'https://iot.jeejio.com/shop';
const CLEAN = 'https://www.jeejio.com/clean';
const DEMO_LOGIN = join(ROOT, 'src/demo-site/demo-login.mjs');

async function auditSite(site: DemoSite, args: string[], files: Record<string, string> = {}) {
  const out = await workDir(files);
  const before = new Set(issuedSessionIds());
  const run = await audit([
    ...args.map((a) => (a in files ? join(out, a) : a)),
    '--out',
    out,
    '--host-rules',
    site.hostRules,
    '--ignore-https-errors',
  ]);
  let report: Report | undefined;
  try {
    report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  } catch {
    report = undefined;
  }
  const sessionIds = issuedSessionIds().filter((id) => !before.has(id));
  return { run, report, out, sessionIds };
}

/** Every file the audit wrote, as text, by name. */
async function writtenFiles(out: string): Promise<Map<string, string>> {
  const names = await readdir(out, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of names)
    if (entry.isFile()) files.set(entry.name, await readFile(join(entry.parentPath, entry.name), 'latin1'));
  return files;
}

function requireReport(run: Run, report: Report | undefined): Report {
  if (!report) throw new Error(`No report.json; exit ${run.code}\n${run.stderr}`);
  return report;
}

/** What a report found, without the times, ids and values that differ between any two runs. */
function findings(report: Report) {
  return {
    pages: report.pages.map((p) => p.url),
    violations: report.violations.map((v) => ({ rule: v.rule, subject: v.subject, pages: v.pageUrls })),
    observed: [...new Set(report.observations.map((o) => `${o.kind} ${o.name} @ ${o.pageUrl}`))].sort(),
  };
}

test('--urls FILE with --concurrency 2 finds what one tab finds, in the same order', async ({ demoSite }) => {
  const list = `# staging pages\n${SHOP}\n\n${HOME}   # the home page\n${OPEN}\n${CLEAN}\n`;
  const one = await auditSite(demoSite, ['--urls', 'urls.txt'], { 'urls.txt': list });
  const two = await auditSite(demoSite, ['--urls', 'urls.txt', '--concurrency', '2'], { 'urls.txt': list });
  expect(one.run.code, one.run.stderr).toBe(1);
  expect(two.run.code, two.run.stderr).toBe(1);
  const oneFound = findings(requireReport(one.run, one.report));
  expect(oneFound.pages).toEqual([SHOP, HOME, OPEN, CLEAN]);
  expect(oneFound.violations.length).toBeGreaterThan(5);
  expect(findings(requireReport(two.run, two.report))).toEqual(oneFound);
  // Not a terminal: a plain line per page, on stderr; stdout keeps the summary alone.
  expect(two.run.stderr).toContain(`Visiting ${SHOP}`);
  expect(two.run.stderr).toMatch(/\[4\/4\] https:\/\/\S+ in \d+\.\d s/);
  expect(two.run.stdout).not.toContain('Visiting');
  expect(two.run.stdout).toMatch(/HIGH\s+cookie-sensitive-in-clear/);
});

test('a bad line in the URL file is a usage error naming it, before any browser starts', async ({
  demoSite,
}) => {
  const { run } = await auditSite(demoSite, ['--urls', 'urls.txt'], {
    'urls.txt': `${HOME}\nwww.jeejio.com/clean\n`,
  });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(
    'urls.txt has lines that are not URLs to audit:\n  line 2: Not a URL: www.jeejio.com/clean',
  );
  expect(run.stderr).not.toContain('Visiting');
});

test('a page that never loads is reported; the other pages are audited; alone it makes exit 2', async ({
  demoSite,
}) => {
  const timeout = ['--timeout', '4000', '--concurrency', '2'];
  const { run, report } = await auditSite(demoSite, [HOME, NEVER_LOADS_URL, CLEAN, ...timeout]);
  // Violations found decide first (exit 1); a page missing is exit 2 only when nothing else failed.
  expect(run.code, run.stderr).toBe(1);
  const found = requireReport(run, report);
  expect(found.errors).toEqual([
    { url: NEVER_LOADS_URL, message: expect.stringMatching(/Timeout 4000ms exceeded/) },
  ]);
  expect(found.pages.map((p) => p.url)).toEqual(expect.arrayContaining([HOME, CLEAN]));
  expect(found.violations.some((v) => v.rule === 'cookie-sensitive-in-clear' && v.pageUrl === HOME)).toBe(
    true,
  );
  expect(run.stderr).toContain(`${NEVER_LOADS_URL} failed: page.goto: Timeout 4000ms exceeded.`);

  const clean = await auditSite(demoSite, [CLEAN, NEVER_LOADS_URL, ...timeout]);
  expect(clean.run.code, clean.run.stderr).toBe(2);
  const cleanReport = requireReport(clean.run, clean.report);
  // The page that timed out had started, so the extension lists it; its error says its findings are missing.
  expect(cleanReport.pages.map((p) => p.url)).toEqual([CLEAN, NEVER_LOADS_URL]);
  expect(cleanReport.errors?.map((e) => e.url)).toEqual([NEVER_LOADS_URL]);
});

test('the members page is audited only when the login script ran', async ({ demoSite }) => {
  const without = await auditSite(demoSite, [MEMBERS_URL]);
  const withoutReport = requireReport(without.run, without.report);
  expect(withoutReport.pages.map((p) => p.url)).toEqual(['https://www.jeejio.com/login?next=/members']);
  expect(withoutReport.observations.map((o) => o.name)).not.toContain(MEMBERS_COOKIE);

  const loggedIn = await auditSite(demoSite, [
    MEMBERS_URL,
    '--login',
    DEMO_LOGIN,
    '--format',
    'json,html,junit,sarif,csv',
  ]);
  expect(loggedIn.run.code, loggedIn.run.stderr).toBe(1);
  const report = requireReport(loggedIn.run, loggedIn.report);
  // The login flow's own pages come first, then the audited page itself.
  expect(report.pages.map((p) => p.url)).toEqual(['https://www.jeejio.com/login', MEMBERS_URL, MEMBERS_URL]);
  const flagged = report.violations.find(
    (v) => v.rule === 'cookie-sensitive-in-clear' && v.subject.startsWith(MEMBERS_COOKIE),
  );
  expect(flagged, JSON.stringify(report.violations.map((v) => v.subject))).toBeDefined();
  expect(flagged?.pageUrls).toContain(MEMBERS_URL);
  expect(loggedIn.run.stderr).toContain(`Logging in with ${DEMO_LOGIN}`);

  // The session the login opened is in no file of the output, in any format; a keyed mark stands for it.
  expect(loggedIn.sessionIds).toHaveLength(1);
  const [sessionId] = loggedIn.sessionIds as [string];
  const files = await writtenFiles(loggedIn.out);
  expect(files.size).toBeGreaterThanOrEqual(6);
  expect([...files].filter(([, text]) => text.includes(sessionId)).map(([name]) => name)).toEqual([]);
  const session = report.observations.find(
    (o) => o.name === 'member_session' && o.provenance === 'cookies-api',
  );
  expect(session?.value).toMatch(/^\[redacted:hmac-sha256:[0-9a-f]{64}\]$/);
  expect(loggedIn.run.stdout).toMatch(
    /Credentials: \d+ values? .* (are keyed marks|is a keyed mark) in these files/,
  );
});

test('a login script that fails stops the audit with exit 2 and says why', async ({ demoSite }) => {
  const { run } = await auditSite(demoSite, [MEMBERS_URL, '--login', 'login.mjs'], {
    'login.mjs': `export default async ({ page, baseUrl }) => {
  await page.goto(baseUrl + '/login');
  await page.getByLabel('Membership number').fill('42', { timeout: 1000 });
};\n`,
  });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(
    /The login script \S+login\.mjs failed: locator\.fill: Timeout 1000ms exceeded\. No page was audited\./,
  );

  const notAScript = await auditSite(demoSite, [MEMBERS_URL, '--login', 'login.mjs'], {
    'login.mjs': 'export const login = () => {};\n',
  });
  expect(notAScript.run.code).toBe(2);
  expect(notAScript.run.stderr).toContain('must export a default function');
});

test('--shard i/n audits its contiguous part of the list; with --crawl each shard crawls from its own start URLs', async ({
  demoSite,
}) => {
  const list = { 'urls.txt': [HOME, OPEN, SHOP].join('\n') };
  const first = await auditSite(demoSite, ['--urls', 'urls.txt', '--shard', '1/2'], list);
  const second = await auditSite(demoSite, ['--urls', 'urls.txt', '--shard', '2/2'], list);
  expect(requireReport(first.run, first.report).pages.map((p) => p.url)).toEqual([HOME, OPEN]);
  expect(requireReport(second.run, second.report).pages.map((p) => p.url)).toEqual([SHOP]);
  expect(first.run.stderr).toContain('Shard 1/2: 2 of the 3 URLs.');

  const crawled = await auditSite(demoSite, ['--urls', 'urls.txt', '--shard', '2/2', '--crawl', '3'], list);
  // The shop's first links are the home page and the clean page: same site (jeejio.com), so followed.
  expect(requireReport(crawled.run, crawled.report).pages.map((p) => p.url)).toEqual([SHOP, HOME, CLEAN]);

  const empty = await auditSite(demoSite, [HOME, '--shard', '2/2']);
  expect(empty.run.code).toBe(0);
  expect(empty.run.stdout).toContain('Shard 2/2 has no URL to audit; nothing to do.');
});
