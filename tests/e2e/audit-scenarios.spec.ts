import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Report } from '../../src/core/report/report-types';
import type { ScenarioDifference } from '../../src/core/scenarios/scenario-comparison';
import {
  AD_COOKIE,
  CONSENT_PAGE_URL,
  GPC_HEADER_HONOURED_URL,
  GPC_HONOURED_URL,
  GPC_IGNORED_URL,
  SOMETIMES_PIXEL_URL,
  STATISTICS_CHOICE_COOKIE,
  STATISTICS_COOKIE,
} from '../../src/demo-site/scenario-pages';
import { SDK_APP_URL } from '../../src/demo-site/sdk-app';
import type { DemoSite } from '../../src/demo-site/server';
import { auditDemoSite } from './audit-cli-process';
import { expect, ROOT, test } from './fixtures';

const validate = (() => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, 'src/core/report/report.schema.json'), 'utf8')));
})();

async function auditScenarios(site: DemoSite, urls: string[], options: string[]) {
  const { run, out } = await auditDemoSite(site, urls, ['--dwell', '1000', ...options]);
  const read = async <T>(path: string) => JSON.parse(await readFile(join(out, path), 'utf8')) as T;
  return { run, out, read };
}

const cookieNames = (traces: { kind: string; key: string }[]) =>
  traces.filter((t) => t.kind === 'cookie').map((t) => t.key.split('@')[0]);

test('a consent banner answered "reject" still stores an advertising cookie: flagged with its clause, and "accept" adds nothing the policy forbids', async ({
  demoSite,
}) => {
  test.setTimeout(180_000);
  const { run, read } = await auditScenarios(demoSite, [CONSENT_PAGE_URL], ['--scenario', 'reject,accept']);
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toContain('The default visit is added');
  const { differences } = await read<{ differences: ScenarioDifference[] }>('scenarios.json');
  const reject = differences.find((d) => d.scenario === 'reject');
  const accept = differences.find((d) => d.scenario === 'accept');

  // The rule set recognised the real consent manager and answered its banner.
  expect(reject?.consent).toEqual([
    expect.objectContaining({ cmp: 'cookieconsent3', action: 'reject', popupShown: true, succeeded: true }),
  ]);
  const rejected = reject?.consent?.[0];
  expect(cookieNames(rejected?.beforeChoice ?? [])).toEqual([STATISTICS_COOKIE]);
  expect(cookieNames(rejected?.afterChoice ?? [])).toContain(AD_COOKIE);
  // Flagged as new against the unanswered visit, citing the clause it breaks.
  const adFinding = reject?.newFindings.find((f) => f.summary.includes(AD_COOKIE));
  expect(adFinding).toMatchObject({ rule: 'cookie-undeclared-purpose', pageUrl: CONSENT_PAGE_URL });
  expect(adFinding?.clause).toMatch(/^§7 lines 92/);
  const rejectReport = await read<Report>('reject/report.json');
  expect(validate(rejectReport), JSON.stringify(validate.errors)).toBe(true);
  expect(rejectReport.scenario).toMatchObject({ name: 'reject' });
  expect(
    rejectReport.violations.some(
      (v) => v.rule === 'cookie-undeclared-purpose' && v.subject.startsWith(AD_COOKIE),
    ),
  ).toBe(true);

  // Accepting stores the statistics the policy declares, and no finding the default visit lacked.
  expect(cookieNames(accept?.consent?.[0]?.afterChoice ?? [])).toContain(STATISTICS_CHOICE_COOKIE);
  expect(cookieNames(accept?.consent?.[0]?.afterChoice ?? [])).not.toContain(AD_COOKIE);
  expect(accept?.newFindings).toEqual([]);
  expect(run.stdout).toContain('the cookieconsent3 banner answered "reject"');
});

test("Global Privacy Control: the pages that honour it (by script, or by the Sec-GPC header at the server) stop their advertising, the one that ignores it does not, and the site's gpc.json is read", async ({
  demoSite,
}) => {
  test.setTimeout(180_000);
  const { run, read } = await auditScenarios(
    demoSite,
    [GPC_HONOURED_URL, GPC_IGNORED_URL, GPC_HEADER_HONOURED_URL],
    ['--scenario', 'gpc'],
  );
  expect(run.code, run.stderr).toBe(1);
  const { differences } = await read<{ differences: ScenarioDifference[] }>('scenarios.json');
  const gpc = differences.find((d) => d.scenario === 'gpc');
  const page = (url: string) => gpc?.pages.find((p) => p.pageUrl === url);
  expect(page(GPC_HONOURED_URL)?.gpc).toBe('honoured');
  expect(cookieNames(page(GPC_HONOURED_URL)?.stopped ?? [])).toContain(AD_COOKIE);
  expect(page(GPC_IGNORED_URL)?.gpc).toBe('ignored');
  expect(cookieNames(page(GPC_IGNORED_URL)?.kept ?? [])).toContain(AD_COOKIE);
  // Only the header can reach this server: the cookie stopped means every request carried Sec-GPC: 1.
  expect(page(GPC_HEADER_HONOURED_URL)?.gpc).toBe('honoured');
  expect(cookieNames(page(GPC_HEADER_HONOURED_URL)?.stopped ?? [])).toContain(AD_COOKIE);
  expect(gpc?.gpcSupport).toEqual([
    { origin: 'https://www.jeejio.com', gpc: true, lastUpdate: '2026-11-01' },
  ]);
  expect(run.stdout).toMatch(/gpc-ignored: GPC ignored; stopped nothing/);
  expect(run.stdout).toMatch(/gpc-honoured: GPC honoured; stopped cookie _gcl_au/);
  const gpcReport = await read<Report>('gpc/report.json');
  expect(validate(gpcReport), JSON.stringify(validate.errors)).toBe(true);
});

test('refusing cookies stops the cookies and lists what still follows the visitor', async ({ demoSite }) => {
  test.setTimeout(180_000);
  const { run, read } = await auditScenarios(
    demoSite,
    ['https://www.jeejio.com/storage', GPC_IGNORED_URL, SDK_APP_URL],
    ['--scenario', 'default,refuse-cookies'],
  );
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).not.toContain('The default visit is added');
  const { differences } = await read<{ differences: ScenarioDifference[] }>('scenarios.json');
  const refuse = differences.find((d) => d.scenario === 'refuse-cookies');
  const ignored = refuse?.pages.find((p) => p.pageUrl === GPC_IGNORED_URL);
  expect(cookieNames(ignored?.stopped ?? [])).toContain(AD_COOKIE);
  expect(cookieNames(ignored?.kept ?? [])).toEqual([]);
  // The pixel still goes out: refusing cookies does not stop a beacon.
  const left = refuse?.refusalLeft?.find((p) => p.pageUrl === GPC_IGNORED_URL)?.traces ?? [];
  expect(left).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ kind: 'beacon', key: 'ad.doubleclick.net/pixel.gif' }),
    ]),
  );
  // A real analytics SDK (Amplitude's, from npm) keeps its visitor id without cookies and still sends it.
  const sdkLeft = refuse?.refusalLeft?.find((p) => p.pageUrl === SDK_APP_URL)?.traces ?? [];
  expect(sdkLeft).toContainEqual(
    expect.objectContaining({
      kind: 'identifier',
      key: 'events[].device_id (device-id) to api2.amplitude.com/2/httpapi',
      vendor: 'Amplitude',
    }),
  );
  expect(run.stdout).toMatch(/identifier events\[\]\.device_id \(device-id\) to api2\.amplitude\.com/);
  expect(run.stdout).toContain('What refusing cookies did not stop');
});

test('--repeat 3 marks the ad pixel one visit in three carries as intermittent, and the findings every visit makes as steady', async ({
  demoSite,
}) => {
  test.setTimeout(180_000);
  const steadyPage = 'https://open.jeejio.com/';
  const { run, read } = await auditScenarios(demoSite, [SOMETIMES_PIXEL_URL, steadyPage], ['--repeat', '3']);
  expect(run.code, run.stderr).toBe(1);
  const report = await read<Report>('report.json');
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  // The pixel's findings (Google's advertising hit and cookie), made on the auction page alone: seen once in three.
  const pixel = report.violations.filter((v) => v.pageUrls.includes(SOMETIMES_PIXEL_URL));
  expect(pixel.map((v) => v.rule)).toContain('hit-undeclared-purpose');
  for (const v of pixel) expect(v).toMatchObject({ intermittent: true, seenInVisits: { visits: 1, of: 3 } });
  const steady = report.violations.filter((v) => v.pageUrls.includes(steadyPage));
  expect(steady.length).toBeGreaterThan(0);
  for (const v of steady) {
    expect(v.seenInVisits).toEqual({ visits: 3, of: 3 });
    expect(v.intermittent).toBeUndefined();
  }
  // One finding per problem, however many visits made it.
  expect(new Set(report.violations.map((v) => v.id)).size).toBe(report.violations.length);
  expect(run.stdout).toContain('intermittent: seen in');
});
