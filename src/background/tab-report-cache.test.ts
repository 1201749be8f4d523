import { describe, expect, it } from 'vitest';
import type { TabReport } from '../protocol/worker-requests';
import { TabReportCache } from './tab-report-cache';

const report = (n: number) =>
  ({ monitored: true, pageUrl: `https://www.jeejio.com/${n}` }) as unknown as TabReport;

describe('TabReportCache', () => {
  it('builds once while nothing changes, and again when the tab gets new data', async () => {
    const cache = new TabReportCache();
    let builds = 0;
    const build = async () => report(++builds);
    expect(await cache.get(1, 'v1', '0:0', build)).toEqual(report(1));
    expect(await cache.get(1, 'v1', '0:0', build)).toEqual(report(1));
    // Another tab's new data leaves this tab's version as it was.
    expect(await cache.get(1, 'v1', '0:0', build)).toEqual(report(1));
    expect(await cache.get(1, 'v1', '0:1', build)).toEqual(report(2));
    expect(builds).toBe(2);
  });

  it('builds afresh for a new visit, new settings, cleared data or a closed tab', async () => {
    const cache = new TabReportCache();
    let builds = 0;
    const build = async () => report(++builds);
    await cache.get(1, 'v1', '0:0', build);
    await cache.get(1, 'v2', '0:0', build);
    await cache.get(1, 'v2', '1:0', build);
    cache.invalidateAll();
    await cache.get(1, 'v2', '1:0', build);
    cache.forgetTab(1);
    await cache.get(1, 'v2', '1:0', build);
    expect(builds).toBe(5);
  });

  it('shares one build between concurrent callers and does not keep a failed one', async () => {
    const cache = new TabReportCache();
    let builds = 0;
    const failing = async (): Promise<TabReport> => {
      builds++;
      throw new Error('disk');
    };
    const [a, b] = [cache.get(1, 'v1', '0:0', failing), cache.get(1, 'v1', '0:0', failing)];
    await expect(a).rejects.toThrow('disk');
    await expect(b).rejects.toThrow('disk');
    expect(builds).toBe(1);
    expect(await cache.get(1, 'v1', '0:0', async () => report(9))).toEqual(report(9));
  });
});
