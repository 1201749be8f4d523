import { describe, expect, it } from 'vitest';
import { parseRequest } from './worker-requests';

describe('parseRequest', () => {
  it('accepts a well-formed request', () => {
    expect(parseRequest({ type: 'get-tab-report', tabId: 4 })).toEqual({ type: 'get-tab-report', tabId: 4 });
  });

  it.each([
    ['null', null],
    ['a string', 'get-tab-report'],
    ['an unknown type', { type: 'delete-everything' }],
    ['a prototype key as type', { type: 'constructor' }],
    ['a missing tab id', { type: 'get-tab-report' }],
    ['a negative tab id', { type: 'get-tab-report', tabId: -1 }],
    ['a string tab id', { type: 'get-tab-report', tabId: '4' }],
  ])('refuses %s', (_label, raw) => {
    expect(parseRequest(raw)).toBeNull();
  });
});
