import { BOUNCE_LINK, OUTBOUND_LINKS_URL } from '../../../src/demo-site/outbound-links-page';
import { expect, exportReport, test, visit } from './firefox-fixtures';

test('Firefox: a decorated link in the markup and a bounce through an ad server are listed with their purpose', async ({
  tab: page,
  firefox,
}) => {
  await visit(page, OUTBOUND_LINKS_URL, 2_000);
  await Promise.all([page.waitForNavigation(), page.click('#bounce-link')]);
  await expect
    .poll(async () => (await exportReport(firefox.background)).linkDecorations?.map((d) => d.via) ?? [])
    .toEqual(['link', 'navigation']);
  const decorations = (await exportReport(firefox.background)).linkDecorations ?? [];
  expect(decorations[0]?.params.map((p) => `${p.name}: ${p.vendor}, ${p.purpose}`)).toEqual([
    'gclid: Google Ads, advertising',
    'bd_vid: Baidu Marketing (百度营销), advertising',
  ]);
  expect(decorations[1]).toMatchObject({
    url: BOUNCE_LINK,
    pageUrl: OUTBOUND_LINKS_URL,
    bouncedThrough: [{ host: 'ad.doubleclick.net', vendor: 'Google', purpose: 'advertising' }],
    params: [{ name: 'gclid', host: 'shop.example' }],
  });
});
