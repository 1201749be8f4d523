import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CrawlFrontier } from './crawl-frontier';
import { type Visit, VisitScheduler } from './visit-scheduler';

/** A small site: each page links to the ones listed. */
const SITE: Record<string, string[]> = {
  'https://www.jeejio.com/': ['https://www.jeejio.com/a', 'https://www.jeejio.com/b'],
  'https://www.jeejio.com/a': ['https://www.jeejio.com/c', 'https://www.jeejio.com/d'],
  'https://www.jeejio.com/b': ['https://www.jeejio.com/e', 'https://www.jeejio.com/a'],
  'https://www.jeejio.com/c': ['https://www.jeejio.com/f'],
  'https://www.jeejio.com/d': [],
  'https://www.jeejio.com/e': ['https://www.jeejio.com/g'],
  'https://open.jeejio.com/': ['https://open.jeejio.com/docs'],
};

/**
 * Runs a crawl with `tabs` tabs where `pick` chooses which of the visits in
 * progress finishes next: every interleaving a real browser could produce.
 */
function crawl(start: string[], budget: number, tabs: number, pick: (inProgress: number) => number) {
  const scheduler = new VisitScheduler(new CrawlFrontier(start, budget));
  const visited: Visit[] = [];
  const inProgress: Visit[] = [];
  for (;;) {
    while (inProgress.length < tabs) {
      const next = scheduler.next();
      if (next === 'wait' || next === 'done') break;
      inProgress.push(next);
      visited.push(next);
    }
    if (inProgress.length === 0) {
      expect(scheduler.next()).toBe('done');
      return visited;
    }
    const [done] = inProgress.splice(pick(inProgress.length) % inProgress.length, 1);
    if (!done) throw new Error('unreachable');
    scheduler.finish(done.index, SITE[done.url] ?? []);
  }
}

describe('VisitScheduler', () => {
  it('visits the same pages with the same indexes as one tab, whatever order tabs finish in', () => {
    const start = ['https://www.jeejio.com/', 'https://open.jeejio.com/'];
    const oneTab = crawl(start, 8, 1, () => 0);
    expect(oneTab.map((v) => v.url)).toEqual([
      'https://www.jeejio.com/',
      'https://open.jeejio.com/',
      'https://www.jeejio.com/a',
      'https://www.jeejio.com/b',
      'https://open.jeejio.com/docs',
      'https://www.jeejio.com/c',
      'https://www.jeejio.com/d',
      'https://www.jeejio.com/e',
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.infiniteStream(fc.nat()), (tabs, choices) => {
        const order = choices[Symbol.iterator]();
        const visits = crawl(start, 8, tabs, () => order.next().value as number);
        expect([...visits].sort((a, b) => a.index - b.index)).toEqual(oneTab);
      }),
    );
  });

  it('says wait while an earlier page may still add links, and done once all finished', () => {
    const scheduler = new VisitScheduler(new CrawlFrontier(['https://www.jeejio.com/'], 3));
    expect(scheduler.next()).toEqual({ index: 0, url: 'https://www.jeejio.com/' });
    expect(scheduler.next()).toBe('wait');
    let woken = false;
    void scheduler.changed().then(() => {
      woken = true;
    });
    scheduler.finish(0, ['https://www.jeejio.com/a']);
    expect(scheduler.next()).toEqual({ index: 1, url: 'https://www.jeejio.com/a' });
    scheduler.finish(1, []);
    expect(scheduler.next()).toBe('done');
    return Promise.resolve().then(() => expect(woken).toBe(true));
  });

  it('refuses to finish a visit twice or one never handed out', () => {
    const scheduler = new VisitScheduler(new CrawlFrontier(['https://www.jeejio.com/'], 1));
    expect(() => scheduler.finish(0, [])).toThrow(/not handed out/);
    scheduler.next();
    scheduler.finish(0, []);
    expect(() => scheduler.finish(0, [])).toThrow(/already finished/);
  });
});
