import { describe, expect, it } from 'vitest';
import { parseRequest } from './worker-requests';

describe('recording and retention requests', () => {
  it('accept their exact shapes', () => {
    const start = { type: 'start-recording', caseName: 'C', auditorName: 'A', notes: '' };
    expect(parseRequest(start)).toEqual(start);
    for (const type of ['get-recording', 'stop-recording', 'settle-recording', 'get-retention'])
      expect(parseRequest({ type })).toEqual({ type });
    expect(parseRequest({ type: 'set-retention', days: 7 })).toEqual({ type: 'set-retention', days: 7 });
  });

  it.each([
    ['a start without notes', { type: 'start-recording', caseName: 'C', auditorName: 'A' }],
    ['a start with a number', { type: 'start-recording', caseName: 1, auditorName: 'A', notes: '' }],
    [
      'a start with an extra field',
      { type: 'start-recording', caseName: 'C', auditorName: 'A', notes: '', x: 1 },
    ],
    [
      'a start with a huge note',
      { type: 'start-recording', caseName: 'C', auditorName: 'A', notes: 'n'.repeat(10_001) },
    ],
    ['a stop with a field', { type: 'stop-recording', sessionId: 'x' }],
    ['a retention of text', { type: 'set-retention', days: '7' }],
    ['a retention without days', { type: 'set-retention' }],
  ])('refuse %s', (_label, raw) => {
    expect(parseRequest(raw)).toBeNull();
  });
});
