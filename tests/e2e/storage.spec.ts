import { BEACON_PHONE } from '../../src/demo-site/pages';
import { expect, exportReport, test, visit } from './fixtures';

test('local storage, session storage, IndexedDB and Cache Storage are read and judged: §7 line 93 counts them as cookies', async ({
  page,
  extension,
}) => {
  await visit(page, 'https://www.jeejio.com/storage');
  await expect
    .poll(
      async () =>
        (await exportReport(extension.context)).observations.filter(
          (o) => o.kind === 'storage' && o.provenance === 'dom',
        ).length,
    )
    .toBe(6);
  const report = await exportReport(extension.context);
  // What the extension read itself; the page hooks' claims of the same writes are checked in page-hooks.spec.ts.
  const storage = report.observations.filter((o) => o.kind === 'storage' && o.provenance === 'dom');
  expect(storage.map((o) => `${o.area}:${o.name}`).sort()).toEqual([
    'cacheStorage:jeejio-offline-v1',
    'indexedDB:tracker/ids/me',
    'localStorage:_hjSessionUser_123456',
    'localStorage:search_history',
    'localStorage:userInfo',
    'sessionStorage:_ttp',
  ]);
  expect(storage.find((o) => o.name === 'userInfo')).toMatchObject({
    provenance: 'dom',
    origin: 'https://www.jeejio.com',
    value: expect.stringContaining(BEACON_PHONE),
  });

  const flagged = report.violations.map(
    (v) => `${v.rule} ${report.observations.find((o) => o.id === v.observationIds[0])?.name}`,
  );
  expect(flagged.sort()).toEqual(
    [
      'cookie-sensitive-in-clear userInfo',
      'cookie-sensitive-in-clear tracker/ids/me',
      'storage-undeclared-purpose _hjSessionUser_123456',
      'storage-undeclared-purpose _ttp',
    ].sort(),
  );
  // Search history kept locally is declared (§2 line 46): never a violation, and the clause shows as kept.
  expect(report.scorecard.find((c) => c.clauseId === 'storage.search-history')?.status).toBe('kept');
});
