import { describe, expect, it } from 'vitest';
import type { PageVisit } from '../core/observations/observation';
import { visitOnCommit, visitOnRouteChange } from '../core/observations/page-visit';
import { PageReadings } from './page-readings';

const visit = (visitId: string): PageVisit => ({
  visitId,
  tabId: 1,
  url: 'https://www.jeejio.com/',
  startedAt: 0,
});

describe('PageReadings', () => {
  it('says a page is read once its reading arrived, and not while a reading is still due', () => {
    const readings = new PageReadings();
    expect(readings.state([])).toBe('not-watched');
    expect(readings.state([visit('a')])).toBe('waiting');
    readings.note('a', 'due');
    readings.note('a', 'arrived');
    // The load's reading came after the write, but the reading the write made due is not in yet.
    expect(readings.state([visit('a')])).toBe('waiting');
    readings.note('a', 'due-arrived');
    expect(readings.state([visit('a')])).toBe('reported');
  });

  it('waits for every visit showing the URL', () => {
    const readings = new PageReadings();
    readings.note('a', 'arrived');
    expect(readings.state([visit('a'), visit('b')])).toBe('waiting');
    readings.note('b', 'arrived');
    expect(readings.state([visit('a'), visit('b')])).toBe('reported');
  });

  it("counts the document's reading for each of its routes, and a write on a route holds them all", () => {
    const readings = new PageReadings();
    const loaded = visitOnCommit(undefined, 1, 'https://www.jeejio.com/app', 100);
    const route = visitOnRouteChange(loaded, 1, 'https://www.jeejio.com/app/home', 200);
    if (!route) throw new Error('a pushState to another path is a route change');
    expect(readings.state([route])).toBe('waiting');
    // The content script read storage as the document loaded, before the router moved the URL.
    readings.note(loaded.visitId, 'arrived');
    expect(readings.state([route])).toBe('reported');
    readings.note(loaded.visitId, 'due');
    expect(readings.state([route])).toBe('waiting');
  });
});
