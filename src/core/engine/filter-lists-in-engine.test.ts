import { describe, expect, it } from 'vitest';
import { requestObservation } from '../../../tests/support/observations';
import { compileFilterLists } from '../classify/filter-lists';
import { JEEJIO_POLICY_2023_07 as policy } from '../policy/jeejio-policy-2023-07';
import { evaluatePolicy } from './evaluate-policy';

describe('imported filter lists', () => {
  const filterLists = compileFilterLists([
    { name: 'My privacy list', text: '||pixel.unknown-ads.example^$third-party', purpose: 'advertising' },
  ]);

  it('classify a request the catalogue does not know, and say which list and filter did', () => {
    const request = requestObservation({
      url: 'https://pixel.unknown-ads.example/p.gif?x=1',
      resourceType: 'image',
    });
    const [classified] = evaluatePolicy([request], policy, { filterLists }).classified;
    expect(classified?.classification).toMatchObject({ purpose: 'advertising', matchedBy: 'filter-list' });
    expect(classified?.classification.reason).toContain('My privacy list');
  });

  it('leave requests the list does not name unclassified', () => {
    const request = requestObservation({ url: 'https://cdn.other.example/lib.js', resourceType: 'script' });
    const [classified] = evaluatePolicy([request], policy, { filterLists }).classified;
    expect(classified?.classification.matchedBy).toBe('none');
  });
});
