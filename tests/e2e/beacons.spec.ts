import { BEACON_EMAIL, BEACON_PHONE } from '../../src/demo-site/pages';
import { expect, exportReport, test, visit } from './fixtures';

test('web beacons are recorded with their payloads and judged against §7 and §4', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/beacons');
  // sendBeacon and keepalive requests may finish after the load event.
  await page.waitForTimeout(500);
  const report = await exportReport(extension.context);
  const all = report.observations.filter((o) => o.kind === 'beacon' || o.kind === 'request');
  // With access to all sites every request comes from webRequest; the page's resource timing is not needed.
  // (The page hooks' claims of the same calls are judged alongside, as claims.)
  expect(all.filter((o) => o.provenance !== 'webRequest' && o.provenance !== 'page-hook')).toEqual([]);
  const network = all.filter((o) => o.provenance === 'webRequest');
  const byPath = (fragment: string) => network.find((o) => o.url?.includes(fragment));

  expect(byPath('/stat.gif')).toMatchObject({
    kind: 'beacon',
    beaconSignals: ['tiny-image'],
    party: 'first-party',
  });
  expect(byPath('hm.baidu.com/hm.gif')).toMatchObject({
    kind: 'beacon',
    resourceType: 'ping',
    party: 'third-party',
    vendor: expect.stringContaining('Baidu'),
  });
  expect(byPath('collect.tracker.example')).toMatchObject({
    method: 'POST',
    requestBody: expect.stringContaining(BEACON_EMAIL),
  });
  expect(byPath('www.jeejio.com/log')).toMatchObject({
    kind: 'beacon',
    method: 'POST',
    requestBody: expect.stringContaining('realname=Zhang'),
  });

  const verdicts = report.violations.map((v) => {
    const evidence = report.observations.find((o) => o.id === v.observationIds[0]);
    return `${v.rule} ${evidence?.domain}${evidence?.url ? new URL(evidence.url).pathname : ''}`;
  });
  expect(verdicts).toEqual(
    expect.arrayContaining([
      'beacon-over-collection hm.baidu.com/hm.gif',
      'third-party-disclosure hm.baidu.com/hm.gif',
      'statistics-identifiable hm.baidu.com/hm.gif',
      'third-party-disclosure collect.tracker.example/c',
      'beacon-over-collection www.jeejio.com/log',
    ]),
  );
  // The first-party pixel carries page data only, which §7 declares.
  expect(verdicts.filter((v) => v.includes('/stat.gif'))).toEqual([]);
  // The phone number is shown masked in the verdict, never in full.
  const baidu = report.violations.find(
    (v) => v.rule === 'beacon-over-collection' && v.summary.includes('Baidu'),
  );
  expect(baidu?.summary).toContain('phone number');
  expect(baidu?.summary).not.toContain(BEACON_PHONE);
});
