import { describe, expect, it } from 'vitest';
import type { Report, Violation } from '../core/report/report-types';
import { orderReportByVisits } from './order-report';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();
const page = (url: string, second: number) => ({ url, visitId: url, startedAt: at(second) });

function report(pages: Report['pages'], violations: Partial<Violation>[] = []): Report {
  return { pages, violations, findings: [] } as unknown as Report;
}

describe('orderReportByVisits', () => {
  it('lists pages in the audit order, login pages first and pages nobody asked for last', () => {
    const ordered = orderReportByVisits(
      report([
        page('https://www.jeejio.com/login', 1),
        page('https://www.jeejio.com/b', 11),
        page('https://www.jeejio.com/popup', 12),
        page('https://www.jeejio.com/a-final', 13),
      ]),
      [
        { index: 1, requestedUrl: 'https://www.jeejio.com/b', finalUrl: 'https://www.jeejio.com/b' },
        { index: 0, requestedUrl: 'https://www.jeejio.com/a', finalUrl: 'https://www.jeejio.com/a-final' },
        { index: 2, requestedUrl: 'https://www.jeejio.com/down' },
      ],
      Date.parse(at(10)),
    );
    expect(ordered.pages.map((p) => p.url)).toEqual([
      'https://www.jeejio.com/login',
      'https://www.jeejio.com/a-final',
      'https://www.jeejio.com/b',
      'https://www.jeejio.com/popup',
    ]);
  });

  it("orders a violation's pages the same way and names the first as its page", () => {
    const ordered = orderReportByVisits(
      report(
        [page('https://www.jeejio.com/b', 11), page('https://www.jeejio.com/a', 12)],
        [
          {
            pageUrl: 'https://www.jeejio.com/b',
            pageUrls: ['https://www.jeejio.com/b', 'https://www.jeejio.com/a'],
          },
        ],
      ),
      [
        { index: 0, requestedUrl: 'https://www.jeejio.com/a', finalUrl: 'https://www.jeejio.com/a' },
        { index: 1, requestedUrl: 'https://www.jeejio.com/b', finalUrl: 'https://www.jeejio.com/b' },
      ],
      Date.parse(at(10)),
    );
    expect(ordered.violations[0]).toMatchObject({
      pageUrl: 'https://www.jeejio.com/a',
      pageUrls: ['https://www.jeejio.com/a', 'https://www.jeejio.com/b'],
    });
  });

  it("lists a single-page app's routes with the visit that showed them, not after every other page", () => {
    const ordered = orderReportByVisits(
      report([
        page('https://www.jeejio.com/clean', 11),
        page('https://www.jeejio.com/app', 12),
        page('https://www.jeejio.com/app/home', 13),
        page('https://www.jeejio.com/app#/profile', 14),
      ]),
      [
        {
          index: 0,
          requestedUrl: 'https://www.jeejio.com/app',
          finalUrl: 'https://www.jeejio.com/app/home',
          routes: ['https://www.jeejio.com/app#/profile'],
        },
        { index: 1, requestedUrl: 'https://www.jeejio.com/clean', finalUrl: 'https://www.jeejio.com/clean' },
      ],
      Date.parse(at(10)),
    );
    expect(ordered.pages.map((p) => p.url)).toEqual([
      'https://www.jeejio.com/app',
      'https://www.jeejio.com/app/home',
      'https://www.jeejio.com/app#/profile',
      'https://www.jeejio.com/clean',
    ]);
  });
});
