import { describe, expect, it } from 'vitest';
import type { PageVisit } from '../core/observations/observation';
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
});
