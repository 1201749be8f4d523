import { describe, expect, it } from 'vitest';
import { storageObservation as storage } from '../../../tests/support/observations';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { summarizeVisit } from '../report/visit-summary';
import { evaluatePolicy } from './evaluate-policy';
import { findingsOf } from './findings';

const PHONE = '13812345678';
const VISIT = { visitId: 'visit-1', url: 'https://www.jeejio.com/' };

describe('what a page only found in storage', () => {
  it('is listed as found, not counted against the page, when another tab wrote it', () => {
    const found = storage({
      key: 'user_phone',
      value: PHONE,
      notThisPage: 'another-tab',
      writtenOn: 'https://www.jeejio.com/profile',
    });
    const { violations } = evaluatePolicy([found], policy);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.every((v) => v.notThisPage === 'another-tab')).toBe(true);
    const [finding] = findingsOf(violations);
    expect(finding?.notThisPage).toBe('another-tab');
    const summary = summarizeVisit(VISIT, 1, violations, 0);
    expect(summary.findings).toBe(0);
    expect(summary.notThisPage).toBe(1);
    expect(summary.findingsBySeverity).toEqual({ high: 0, medium: 0, low: 0 });
  });

  it("counts the same key as the page's own once a page hook saw the page write it", () => {
    const found = storage({ key: 'user_phone', value: PHONE, notThisPage: 'stored-earlier' });
    const written = storage({ key: 'user_phone', value: PHONE, action: 'set', provenance: 'page-hook' });
    const { violations } = evaluatePolicy([found, written], policy);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.some((v) => v.notThisPage)).toBe(false);
    const summary = summarizeVisit(VISIT, 2, violations, 0);
    expect(summary.findings).toBe(1);
    expect(summary.notThisPage).toBeUndefined();
  });
});
