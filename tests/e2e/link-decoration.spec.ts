import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../../src/core/report/report-types';
import {
  BOUNCE_LANDING,
  BOUNCE_LINK,
  DECORATED_LINK,
  OUTBOUND_LINKS_URL,
} from '../../src/demo-site/outbound-links-page';
import { auditDemoSite } from './audit-cli-process';
import { expect, exportReport, test, visit } from './fixtures';

test('Chromium: a decorated link in the markup and a bounce through an ad server are listed with their purpose', async ({
  page,
  extension,
}) => {
  await visit(page, OUTBOUND_LINKS_URL);
  // The content script reads the links once loaded; the click follows the ad link through its redirect.
  await page.waitForTimeout(500);
  await page.click('#bounce-link');
  await page.waitForURL(BOUNCE_LANDING);
  await page.waitForLoadState('load');
  const report = await exportReport(extension.context);
  const decorations = report.linkDecorations ?? [];

  const link = decorations.find((d) => d.via === 'link');
  expect(link).toMatchObject({ provenance: 'dom', pageUrl: OUTBOUND_LINKS_URL });
  expect(link?.url).toMatch(/^https:\/\/shop\.example\/\?gclid=EAI\*+kqk&bd_vid=903\*+189$/);
  expect(link?.params.map((p) => [p.name, p.vendor, p.carries, p.purpose, p.valueLength])).toEqual([
    ['gclid', 'Google Ads', 'click-id', 'advertising', 16],
    ['bd_vid', 'Baidu Marketing (百度营销)', 'click-id', 'advertising', 19],
  ]);

  const bounce = decorations.find((d) => d.via === 'navigation');
  expect(bounce).toMatchObject({
    provenance: 'webRequest',
    pageUrl: OUTBOUND_LINKS_URL,
    url: BOUNCE_LINK,
    bouncedThrough: [{ host: 'ad.doubleclick.net', vendor: 'Google', purpose: 'advertising' }],
    params: [{ name: 'gclid', host: 'shop.example', vendor: 'Google Ads' }],
  });
  expect(bounce?.chain).toHaveLength(2);
  expect(bounce?.chain?.[1]).toMatch(/^https:\/\/shop\.example\/landing\?gclid=Cj0\*+nce$/);
  // The ids are masked like other personal data: never whole in the report.
  expect(JSON.stringify(report)).not.toContain('9032720433592581189');
  expect(JSON.stringify(report)).not.toContain('Cj0KCQiA2bounce');
  // Listed, judged by no rule: the policy names neither.
  expect(report.violations.filter((v) => v.pageUrls?.includes?.(OUTBOUND_LINKS_URL))).toEqual([]);
});

test('Chromium: the audit lists the decorated link in report.json and report.html', async ({ demoSite }) => {
  const { run, out } = await auditDemoSite(
    demoSite,
    [OUTBOUND_LINKS_URL],
    ['--dwell', '2000', '--format', 'html'],
  );
  expect(run.code, run.stderr).toBe(0);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  expect(
    report.linkDecorations?.map((d) => [d.via, d.params.map((p) => `${p.name}: ${p.vendor}, ${p.purpose}`)]),
  ).toEqual([
    ['link', ['gclid: Google Ads, advertising', 'bd_vid: Baidu Marketing (百度营销), advertising']],
  ]);
  const html = await readFile(join(out, 'report.html'), 'utf8');
  expect(html).toContain('Links carrying ids (1)');
  expect(html).toContain('click-id of Baidu Marketing (百度营销), advertising');
  expect(DECORATED_LINK).toContain('bd_vid=9032720433592581189');
  expect(html).not.toContain('9032720433592581189');
});
