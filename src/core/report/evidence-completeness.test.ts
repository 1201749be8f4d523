import { describe, expect, it } from 'vitest';
import { evidenceLoss } from '../observations/evidence-loss';
import { LOSS_CAUSES } from '../observations/observation';
import en from '../wording/catalogues/en/messages.json';
import zh from '../wording/catalogues/zh_CN/messages.json';
import { catalogueLookup, inEnglish, renderPhrase } from '../wording/phrase';
import { evidenceCompleteness, lossPhrase } from './evidence-completeness';
import schema from './report.schema.json';

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

  it('counts a storage reading that left keys at its largest per page and frame, however often it was read', () => {
    const reading = (count: number, visit = home) =>
      evidenceLoss({ visit, cause: 'storage-key-cap', count, observedAt: 1 });
    const [cap] = evidenceCompleteness([reading(150), reading(151), reading(151), reading(20, about)]).losses;
    expect(cap).toMatchObject({ cause: 'storage-key-cap', count: 171, occurrences: 2 });
  });

  it('gives a loss read from a report the same id when the report comes again', () => {
    const once = evidenceLoss({
      visit: home,
      cause: 'claim-rate',
      count: 9,
      observedAt: 1,
      key: 'frame-a:3',
    });
    const again = evidenceLoss({
      visit: home,
      cause: 'claim-rate',
      count: 9,
      observedAt: 2,
      key: 'frame-a:3',
    });
    expect(again.id).toBe(once.id);
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

  it('words every cause there is in English and Chinese, and report.json may carry each', () => {
    // A cause without wording made the popup throw as it listed the losses.
    const languages = [en, zh].map((c) => catalogueLookup(c as Parameters<typeof catalogueLookup>[0]));
    for (const cause of LOSS_CAUSES) {
      const [loss] = evidenceCompleteness([
        evidenceLoss({ visit: home, cause, count: 3, observedAt: 1 }),
      ]).losses;
      for (const lookup of languages) {
        const text = loss && renderPhrase(lossPhrase(loss), lookup);
        expect(text, cause).toContain('3');
      }
    }
    const causes = schema.properties.evidence.properties.losses.items.properties.cause.enum;
    expect([...causes].sort()).toEqual([...LOSS_CAUSES].sort());
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
