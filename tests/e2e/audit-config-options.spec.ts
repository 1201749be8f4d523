import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseInspectorConfig } from '../../src/core/config/parse-inspector-config';
import type { Report } from '../../src/core/report/report-types';
import { BEACON_PHONE } from '../../src/demo-site/pages';
import { audit, workDir } from './audit-cli-process';
import { expect, test } from './fixtures';

/** The same inspector.config.json on the options page and on the command line. */

const CANARY_EMAIL = 'qa.tester@example.com';

function jsonFile(name: string, value: unknown) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) };
}

test('the options page exports its settings as a config the CLI reads, and imports one, refusing a bad one', async ({
  extension,
}) => {
  const options: Page = await extension.context.newPage();
  const url = `chrome-extension://${extension.extensionId}/options.html`;
  await options.goto(url);
  await options.getByTestId('canary-phone').fill(BEACON_PHONE);
  await options.getByTestId('save-canaries').click();
  await expect(options.getByTestId('options-status')).toHaveText('Saved.');

  const download = options.waitForEvent('download');
  await options.getByTestId('config-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('inspector.config.json');
  const exported = parseInspectorConfig(await readFile((await file.path()) ?? '', 'utf8'));
  expect(exported).toMatchObject({
    hosts: ['https://www.jeejio.com/'],
    canaries: [{ kind: 'phone', value: BEACON_PHONE }],
  });
  await expect(options.getByTestId('config-file-status')).toHaveText('Exported inspector.config.json.');

  await options
    .getByTestId('config-import')
    .setInputFiles(jsonFile('bad.json', { canaries: [{ kind: 'fax', value: '1', label: 'x' }] }));
  await expect(options.getByTestId('config-file-status')).toContainText(
    'bad.json is not a valid settings file:',
  );
  await expect(options.getByTestId('config-file-status')).toContainText('canaries.0.kind');

  await options.getByTestId('config-import').setInputFiles(
    jsonFile('team.json', {
      hosts: ['https://open.jeejio.com/'],
      canaries: [{ kind: 'email', value: CANARY_EMAIL, label: 'my email' }],
      filterLists: [{ name: 'Team list', purpose: 'statistics', text: '||collect.tracker.example^\n' }],
    }),
  );
  await expect(options.getByTestId('config-file-status')).toHaveText(
    'Imported from team.json: canaries, filter lists. Left in the file for the command line: hosts.',
  );
  await expect(options.getByTestId('options-status')).toHaveText('Saved.');
  // Stored, not only shown: a fresh options page reads them back.
  await options.goto(url);
  await expect(options.getByTestId('canary-email')).toHaveValue(CANARY_EMAIL);
  await expect(options.getByTestId('canary-phone')).toHaveValue('');
  await expect(options.getByTestId('filter-lists')).toContainText('Team list');
});

test("the audit finds a config's canary where the page leaks it, naming it by its label", async ({
  demoSite,
}) => {
  const out = await workDir({
    'inspector.config.json': {
      hosts: ['https://www.jeejio.com/beacons'],
      hostRules: demoSite.hostRules,
      canaries: [{ kind: 'phone', value: BEACON_PHONE, label: 'my phone' }],
    },
  });
  const run = await audit([
    '--config',
    join(out, 'inspector.config.json'),
    '--out',
    out,
    '--ignore-https-errors',
  ]);
  expect(run.code, run.stderr).toBe(1);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  const canaryFinding = report.violations.find((v) => v.summary.includes('my phone'));
  expect(canaryFinding, JSON.stringify(report.violations.map((v) => v.summary))).toBeDefined();
  expect(JSON.stringify(report.violations)).not.toContain(BEACON_PHONE);
});
