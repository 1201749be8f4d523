import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report, Violation } from '../../src/core/report/report-types';
import { SDK_APP_ACCOUNT_URL, SDK_APP_EMAIL, SDK_APP_URL, SDK_APP_USER } from '../../src/demo-site/sdk-app';
import { audit, workDir } from './audit-cli-process';
import { expect, exportReport, test, visit } from './fixtures';

/**
 * A web app nobody tuned the inspector to: real SDKs from npm (Amplitude,
 * PostHog, Sensors Data on the site's own collector host), hits that leave
 * after the load event, identify calls on one route of a single-page app, and
 * an advertising pixel. Each is found, judged and counted once per problem.
 */

/** The violations of a rule whose evidence went to a host. */
function violationsTo(report: Report, rule: string, host: string): Violation[] {
  const hostOf = new Map(report.observations.map((o) => [o.id, o.url ? new URL(o.url).host : o.domain]));
  return report.violations.filter(
    (v) => v.rule === rule && v.observationIds.some((id) => hostOf.get(id) === host),
  );
}

/** What a user checks in either mode: every SDK's identity hit judged, on the route that sent it. */
function expectEveryItemJudged(report: Report, accountPage: string): void {
  // Amplitude: the account id in its JSON batch, sent to a third party (§4), decoded with its meaning.
  const amplitude = violationsTo(report, 'third-party-disclosure', 'api2.amplitude.com');
  expect(amplitude).toHaveLength(1);
  expect(amplitude[0]?.pageUrls).toEqual([accountPage]);
  expect(amplitude[0]?.decoded).toContainEqual(
    expect.objectContaining({ vendor: 'Amplitude', meaning: 'account-id', path: 'events[0].user_id' }),
  );
  // PostHog: the account id and the email given to identify(), never shown whole.
  const posthog = violationsTo(report, 'third-party-disclosure', 'us.i.posthog.com');
  expect(posthog.length).toBeGreaterThan(0);
  const posthogMeanings = posthog.flatMap((v) => v.decoded ?? []).map((f) => f.meaning);
  expect(posthogMeanings).toEqual(expect.arrayContaining(['account-id', 'email']));
  expect(JSON.stringify(posthog)).not.toContain(SDK_APP_EMAIL);
  expect(JSON.stringify([...amplitude, ...posthog].map((v) => v.decoded))).not.toContain(SDK_APP_USER);
  // Sensors Data on sa.jeejio.com: first-party, recognised by its SDK's path, and identifiable statistics.
  const sensorsHits = report.observations.filter((o) => o.url?.startsWith('https://sa.jeejio.com/'));
  expect(sensorsHits.length).toBeGreaterThan(0);
  for (const hit of sensorsHits) {
    expect(hit.party).toBe('first-party');
    expect(hit.vendor).toBe('Sensors Data');
    expect(hit.classificationReason).toContain("a host of the page's own site");
  }
  const sensors = violationsTo(report, 'statistics-identifiable', 'sa.jeejio.com');
  expect(sensors).toHaveLength(1);
  expect(sensors[0]?.pageUrls).toEqual([accountPage]);
  // The advertising pixel, sent 1.5 s after load, with a hashed email: a hit of an undeclared purpose
  // and a disclosure, one finding citing both clauses.
  const tiktokHit = violationsTo(report, 'hit-undeclared-purpose', 'analytics.tiktok.com');
  const tiktokDisclosure = violationsTo(report, 'third-party-disclosure', 'analytics.tiktok.com');
  expect(tiktokHit).toHaveLength(1);
  expect(tiktokDisclosure[0]?.decoded?.map((f) => f.meaning)).toContain('email-hash');
  const tiktok = report.findings.find((f) => f.id === tiktokHit[0]?.findingId);
  expect(tiktok?.clauses.map((c) => c.section).sort()).toEqual(['§4', '§7']);
  // One finding per problem: fewer findings than rule-by-rule violations, each violation in exactly one.
  expect(report.summary.findings).toBe(report.findings.length);
  expect(report.findings.length).toBeLessThan(report.violations.length);
  expect(report.findings.flatMap((f) => f.violationIds).sort()).toEqual(
    report.violations.map((v) => v.id).sort(),
  );
}

test('in the browser: late hits, identify calls on a route, a self-hosted collector and an ad pixel, each judged', async ({
  page,
  extension,
}) => {
  // Amplitude's first batch and the ad pixel both leave after the load event.
  const lateHits = Promise.all([
    page.waitForRequest('https://api2.amplitude.com/2/httpapi'),
    page.waitForRequest('https://analytics.tiktok.com/api/v2/pixel'),
  ]);
  await visit(page, SDK_APP_URL);
  await lateHits;
  const identified = Promise.all([
    page.waitForRequest(
      (r) => r.url().startsWith('https://api2.amplitude.com/') && r.postData()?.includes('user_id') === true,
    ),
    page.waitForRequest(
      (r) => r.url().startsWith('https://us.i.posthog.com/') && r.postData()?.includes('$identify') === true,
    ),
  ]);
  await page.getByRole('link', { name: 'Account' }).click();
  await expect(page).toHaveURL(SDK_APP_ACCOUNT_URL);
  await identified;
  await page.waitForTimeout(500);

  const report = await exportReport(extension.context);
  // Real SDKs at work never meet the worker's flood budget (src/core/observations/flood-budget.ts).
  expect(report.evidence?.losses.filter((l) => l.cause === 'flood')).toEqual([]);
  expect(report.pages.map((p) => `${p.url} ${p.startedBy ?? 'document-load'}`)).toEqual([
    `${SDK_APP_URL} document-load`,
    `${SDK_APP_ACCOUNT_URL} route-change`,
  ]);
  expectEveryItemJudged(report, SDK_APP_ACCOUNT_URL);
  // The home route only counted page views: no analytics SDK received an identity there; the ad
  // pixel's hashed email is the one disclosure, one finding citing each clause it breaks.
  const onHome = report.findings.filter((f) => f.pageUrls.includes(SDK_APP_URL));
  const disclosures = onHome.filter((f) => f.rules.includes('third-party-disclosure'));
  expect(disclosures.map((f) => f.rules.sort())).toEqual([
    ['beacon-over-collection', 'hit-undeclared-purpose', 'third-party-disclosure'],
  ]);
  // PostHog's test of which parent domain takes a cookie is a probe, not a third party's cookie.
  expect(report.probes?.map((p) => p.name)).toContainEqual(expect.stringMatching(/^dmn_chk_/));
  expect(onHome.flatMap((f) => f.rules)).not.toContain('cookie-third-party-recipient');
});

test('audit --crawl: the same judgements from the command line, each page observed past its late hits', async ({
  demoSite,
}) => {
  const out = await workDir();
  const run = await audit([
    SDK_APP_URL,
    '--crawl',
    '2',
    '--out',
    out,
    '--host-rules',
    demoSite.hostRules,
    '--ignore-https-errors',
  ]);
  expect(run.code, run.stderr).toBe(1);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  expect(report.pages.map((p) => p.url)).toEqual([SDK_APP_URL, SDK_APP_ACCOUNT_URL]);
  for (const p of report.pages) expect(p.observedMs).toBeGreaterThanOrEqual(3000);
  expectEveryItemJudged(report, SDK_APP_ACCOUNT_URL);
  const { findings, violations } = report.summary;
  const plural = (n: number) => (n === 1 ? '' : 's');
  expect(run.stdout).toMatch(
    new RegExp(
      `${findings} finding${plural(findings)}: .* \\(${violations} rule violation${plural(violations)} in all\\)`,
    ),
  );
});
