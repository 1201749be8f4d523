import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Report } from '../../src/core/report/report-types';
import { LATE_HITS_PHONE, LATE_HITS_URL } from '../../src/demo-site/late-hits-page';
import type { DemoSite } from '../../src/demo-site/server';
import { audit, auditDemoSite } from './audit-cli-process';
// The shared fixtures start the demo site; no test here asks for the extension, so none is launched.
import { expect, ROOT, test } from './fixtures';

async function auditSite(site: DemoSite, urls: string[], options: string[] = []) {
  const { run, out } = await auditDemoSite(site, urls, options);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  return { run, report };
}

const schema = JSON.parse(readFileSync(join(ROOT, 'src/core/report/report.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

test('flags the violating cookies of the demo site: exit 1 and a valid report.json', async ({ demoSite }) => {
  const { run, report } = await auditSite(demoSite, ['https://www.jeejio.com/', 'https://open.jeejio.com/']);
  expect(run.code, run.stderr).toBe(1);
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  expect(report.pages.map((p) => p.url)).toEqual(['https://www.jeejio.com/', 'https://open.jeejio.com/']);
  const flagged = (rule: string) =>
    report.violations
      .filter((v) => v.rule === rule)
      .flatMap((v) => v.observationIds.map((id) => report.observations.find((o) => o.id === id)?.name));
  expect(flagged('cookie-sensitive-in-clear')).toContain('user_phone');
  expect(flagged('cookie-login-insecure')).toEqual(expect.arrayContaining(['token', 'PHPSESSID']));
  expect(flagged('cookie-undeclared-purpose')).toEqual(expect.arrayContaining(['IDE', '_fbp']));
  expect(flagged('cookie-third-party-recipient')).toEqual(expect.arrayContaining(['IDE', 'HMACCOUNT']));
  expect(flagged('cookie-third-party-recipient')).not.toContain('ALIPAYJSESSIONID');
  expect(run.stdout).toMatch(/HIGH\s+cookie-sensitive-in-clear/);
  // Chromium blocks third-party cookies in a fresh profile: webRequest still shows their headers, the jar
  // never holds them, and the report says which mode the browser was in.
  expect(report.summary.thirdPartyCookies).toMatchObject({ mode: 'blocked' });
  expect(report.observations.find((o) => o.name === 'IDE' && o.action === 'set-attempt')?.cookieJar).toBe(
    'refused',
  );
  expect(
    report.observations.find((o) => o.name === 'user_phone' && o.action === 'set-attempt')?.cookieJar,
  ).toBe('stored');
  expect(run.stdout).toMatch(/Third-party cookies: the browser blocked them \(\d+ refused, 0 stored/);
  // HttpOnly cookies are seen through the cookies API, which page scripts cannot read.
  expect(
    report.observations.find((o) => o.name === 'JSESSIONID' && o.provenance === 'cookies-api'),
  ).toMatchObject({
    httpOnly: true,
    secure: true,
    purpose: 'essential',
  });
});

test('--third-party-cookies allow audits as a browser that keeps them, and the report says so', async ({
  demoSite,
}) => {
  const { report, run } = await auditSite(
    demoSite,
    ['https://www.jeejio.com/'],
    ['--third-party-cookies', 'allow'],
  );
  expect(report.summary.thirdPartyCookies).toMatchObject({ mode: 'allowed', refused: 0 });
  expect(report.observations.find((o) => o.name === 'IDE' && o.action === 'set-attempt')?.cookieJar).toBe(
    'stored',
  );
  expect(run.stdout).toMatch(/Third-party cookies: the browser allowed them \(0 refused, \d+ stored/);
  // Stored or refused, the cookie a third party tried to set is judged the same.
  expect(
    report.violations.some((v) => v.rule === 'cookie-third-party-recipient' && v.subject.startsWith('IDE@')),
  ).toBe(true);
});

test('waits for late hits: sent a second or two after load, on scroll, and as the page is left', async ({
  demoSite,
}) => {
  const { run, report } = await auditSite(demoSite, [LATE_HITS_URL, 'https://www.jeejio.com/clean']);
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  const sent = (fragment: string) =>
    report.observations.find((o) => o.url?.includes(fragment) && o.pageUrl === LATE_HITS_URL);
  const late = sent(`hm.baidu.com/hm.gif?si=late&late=1&ep=${LATE_HITS_PHONE}`);
  expect(late, 'the beacon 1 s after load').toBeDefined();
  expect(sent('collect.tracker.example/c?late=2'), 'the pixel 2 s after load').toBeDefined();
  expect(sent('/log?scrolled=1'), 'the beacon sent once scrolled to the bottom').toBeDefined();
  expect(sent('collect.tracker.example/c?left=1'), 'the beacon sent as the page was left').toBeDefined();
  // The phone number the late beacon hands Baidu is judged like any other.
  expect(report.violations.some((v) => v.observationIds.includes(late?.id ?? ''))).toBe(true);
  expect(run.code, run.stderr).toBe(1);
  // How long each page was watched is on record; the default dwell is 3 s after load.
  const observed = report.pages.map((p) => p.observedMs ?? 0);
  expect(observed).toHaveLength(2);
  for (const ms of observed) expect(ms).toBeGreaterThanOrEqual(3_000);
});

test('a page with only a Secure, HttpOnly, first-party session cookie passes: exit 0', async ({
  demoSite,
}) => {
  const { run, report } = await auditSite(demoSite, ['https://www.jeejio.com/clean']);
  expect(run.code, run.stderr).toBe(0);
  expect(report.violations).toEqual([]);
  expect(report.observations.map((o) => o.name)).toContain('SESSIONID');
  expect(run.stdout).toContain('No violations found.');
});

test('finds the cookies of a page it was never told about', async ({ demoSite }) => {
  const { run, report } = await auditSite(demoSite, ['https://iot.jeejio.com/shop']);
  expect(run.code).toBe(1);
  const byName = new Map(report.observations.map((o) => [o.name, o]));
  expect(byName.get('cart_id')).toMatchObject({ purpose: 'unknown', vendor: null });
  expect(byName.get('sid')).toMatchObject({ purpose: 'essential', httpOnly: true });
  expect(byName.get('MUID')).toMatchObject({ party: 'third-party', purpose: 'advertising' });
  const flaggedIds = new Set(report.violations.flatMap((v) => v.observationIds));
  expect([...flaggedIds].map((id) => report.observations.find((o) => o.id === id)?.name)).not.toContain(
    'sid',
  );
});

test('usage errors and a missing browser exit 2 with a clear message', async () => {
  const noUrl = await audit(['--out', 'x']);
  expect(noUrl.code).toBe(2);
  expect(noUrl.stderr).toContain('Give at least one URL');

  const noBrowser = await audit(['https://www.jeejio.com/', '--out', 'x'], {
    CHROME_PATH: '/nonexistent/chrome',
  });
  expect(noBrowser.code).toBe(2);
  expect(noBrowser.stderr).toContain('apt-get install -y chromium');
});

test('with --dwell 0, moves on soon after load, yet reads what scripts stored after it and the beacons hidden in the page', async ({
  demoSite,
}) => {
  const { report } = await auditSite(
    demoSite,
    ['https://www.jeejio.com/storage', 'https://www.jeejio.com/'],
    ['--dwell', '0'],
  );
  // The IndexedDB record the page writes once its database opens is read by the extension itself,
  // so the page hooks' claim of it is corroborated rather than left unverified.
  const read = report.observations.find(
    (o) => o.kind === 'storage' && o.provenance === 'dom' && o.name === 'tracker/ids/me',
  );
  expect(read?.pageUrl).toBe('https://www.jeejio.com/storage');
  const claim = report.observations.find(
    (o) => o.kind === 'storage' && o.provenance === 'page-hook' && o.name === 'tracker/ids/me',
  );
  expect(claim?.verified).toBe(true);
  // The home page's 1×1 images are found in its markup before the audit leaves it.
  expect(
    report.observations.filter(
      (o) => o.kind === 'beacon' && o.provenance === 'dom' && o.pageUrl === 'https://www.jeejio.com/',
    ),
  ).not.toEqual([]);
  // How long each page was observed is on record with or without a dwell.
  expect(report.pages.map((p) => typeof p.observedMs)).toEqual(['number', 'number']);
});
