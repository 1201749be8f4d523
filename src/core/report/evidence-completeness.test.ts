import { describe, expect, it } from 'vitest';
import { evidenceLoss } from '../observations/evidence-loss';
import { inEnglish } from '../wording/phrase';
import { evidenceCompleteness, lossPhrase } from './evidence-completeness';

const home = { visitId: 'v1', tabId: 1, url: 'https://www.jeejio.com/' };
const about = { visitId: 'v2', tabId: 1, url: 'https://www.jeejio.com/about' };

describe('evidenceCompleteness', () => {
  it('is complete when nothing was dropped', () => {
    expect(evidenceCompleteness([])).toEqual({ complete: true, losses: [] });
  });

  it('sums each cause over its occurrences and pages, the largest loss first', () => {
    const result = evidenceCompleteness([
      evidenceLoss({ visit: home, cause: 'claim-rate', count: 120, observedAt: 1 }),
      evidenceLoss({ visit: about, cause: 'claim-rate', count: 80, observedAt: 2 }),
      evidenceLoss({ visit: home, cause: 'claim-rate', count: 5, observedAt: 3 }),
      evidenceLoss({
        visit: home,
        cause: 'storage-key-cap',
        count: 700,
        observedAt: 4,
        detail: 'localStorage',
      }),
    ]);
    expect(result.complete).toBe(false);
    expect(result.losses).toEqual([
      { cause: 'storage-key-cap', count: 700, occurrences: 1, pages: [home.url], details: ['localStorage'] },
      { cause: 'claim-rate', count: 205, occurrences: 3, pages: [home.url, about.url] },
    ]);
  });

  it('merges the per-key counts of a flood kept as counts, most seen first', () => {
    const [flood] = evidenceCompleteness([
      evidenceLoss({
        visit: home,
        cause: 'flood',
        count: 30,
        observedAt: 1,
        perKey: [
          { key: 'cookie f1', count: 10 },
          { key: 'cookie f2', count: 20 },
        ],
      }),
      evidenceLoss({
        visit: home,
        cause: 'flood',
        count: 15,
        observedAt: 2,
        perKey: [{ key: 'cookie f1', count: 15 }],
      }),
    ]).losses;
    expect(flood?.count).toBe(45);
    expect(flood?.perKey).toEqual([
      { key: 'cookie f1', count: 25 },
      { key: 'cookie f2', count: 20 },
    ]);
  });

  it('gives two losses of one size in one millisecond ids of their own, so neither is skipped as seen', () => {
    const a = evidenceLoss({ visit: home, cause: 'claim-rate', count: 1, observedAt: 5 });
    const b = evidenceLoss({ visit: home, cause: 'claim-rate', count: 1, observedAt: 5 });
    expect(a.id).not.toBe(b.id);
  });

  it('words every cause in English with its count and pages', () => {
    const [loss] = evidenceCompleteness([
      evidenceLoss({ visit: home, cause: 'journal-unavailable', count: 12, observedAt: 1 }),
    ]).losses;
    expect(loss && inEnglish(lossPhrase(loss))).toBe(
      '12 observations could not be journaled before storing; a worker stop in between would have lost them (1 page(s)).',
    );
  });
});
