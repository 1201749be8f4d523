import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoReportOf } from '../../tests/support/reports';
import type { Report } from '../core/report/report-types';
import { main } from './main';

function output() {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  return {
    out: () => log.mock.calls.map((c) => c.join(' ')).join('\n'),
    err: () => error.mock.calls.map((c) => c.join(' ')).join('\n'),
  };
}

/** A shard's output folder holding this report.json (or this text). */
async function shardDir(report: Report | string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shard-'));
  await writeFile(join(dir, 'report.json'), typeof report === 'string' ? report : JSON.stringify(report));
  return dir;
}

const HOME = 'https://www.jeejio.com/';
const SHOP = 'https://iot.jeejio.com/shop';

describe('audit merge', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes the merged report.json and the formats asked for, and exits as an audit would', async () => {
    const out = await mkdtemp(join(tmpdir(), 'merged-'));
    const io = output();
    const code = await main([
      'audit',
      'merge',
      await shardDir(demoReportOf([HOME])),
      await shardDir(demoReportOf([SHOP])),
      '--out',
      out,
      '--format',
      'junit,csv',
    ]);
    expect(io.err()).toBe('');
    expect(code).toBe(1);
    const merged = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    expect(merged.pages.map((p) => p.url)).toEqual([HOME, SHOP]);
    expect(merged.merged).toHaveLength(2);
    expect(io.out()).toContain('Merged 2 reports');
    expect(io.out()).toContain(`${join(out, 'report.junit.xml')}, ${join(out, 'findings.csv')}`);
    // --fail-on-new against a report of the same pages: nothing is new.
    const again = await mkdtemp(join(tmpdir(), 'merged-'));
    const quiet = await main([
      'audit',
      'merge',
      await shardDir(demoReportOf([HOME])),
      await shardDir(demoReportOf([SHOP])),
      '--out',
      again,
      '--compare',
      join(out, 'report.json'),
      '--fail-on-new',
    ]);
    expect(quiet).toBe(0);
  });

  it.each([
    ['no folder', () => [], /Give the output folder of each shard to merge/],
    [
      'a folder without report.json',
      async () => [await mkdtemp(join(tmpdir(), 'empty-'))],
      /The shard report .*report\.json does not exist\./,
    ],
    [
      'a garbled report.json',
      async () => [await shardDir('{"schemaVersion": 1, "tool": ')],
      /The shard report .* cannot be used\. It is not valid JSON/,
    ],
    [
      'reports of different rule sets',
      async () => [
        await shardDir(demoReportOf([HOME])),
        await shardDir({ ...demoReportOf([SHOP]), ruleSetVersion: '1' }),
      ],
      /Cannot merge .*: Report 2 was judged by rule set 1, report 1 by/,
    ],
  ])('refuses %s with exit 2 and says why', async (_label, dirs, message) => {
    const out = join(await mkdtemp(join(tmpdir(), 'merged-')), 'out');
    const io = output();
    expect(await main(['audit', 'merge', ...(await dirs()), '--out', out])).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.err()).toContain('Usage: jeejio-privacy-inspector audit merge DIR...');
  });

  it('refuses --fail-on-new without --compare', async () => {
    const io = output();
    const dir = await shardDir(demoReportOf([HOME]));
    await mkdir(join(dir, 'out'));
    expect(await main(['audit', 'merge', dir, '--out', join(dir, 'out'), '--fail-on-new'])).toBe(2);
    expect(io.err()).toContain('--fail-on-new needs --compare FILE');
  });
});
