import { describe, expect, it } from 'vitest';
import type { Report } from '../core/report/report-types';
import { withObservedTimes } from './observed-times';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();
const page = (url: string, second: number) => ({ url, visitId: `${url}@${second}`, startedAt: at(second) });
const STARTED = Date.UTC(2026, 0, 1, 0, 0, 10);

describe('withObservedTimes', () => {
  it('says how long each audited page was observed, by the URL it ended on, first visit first', () => {
    const report = {
      pages: [
        page('https://a/login', 5),
        page('https://a/', 11),
        page('https://a/x', 12),
        page('https://a/', 20),
      ],
    } as unknown as Report;
    const timed = withObservedTimes(
      report,
      [
        { index: 1, requestedUrl: 'https://a/x', finalUrl: 'https://a/x', observedMs: 3_512.4 },
        { index: 0, requestedUrl: 'http://a/', finalUrl: 'https://a/', observedMs: 4_000.6 },
        { index: 2, requestedUrl: 'https://a/gone' },
        { index: 3, requestedUrl: 'https://a/login', finalUrl: 'https://a/login', observedMs: 10 },
      ],
      STARTED,
    );
    expect(timed.pages.map((p) => p.observedMs)).toEqual([undefined, 4_001, 3_512, undefined]);
  });
});
