import { describe, expect, it } from 'vitest';
import { evidenceCompleteField } from './evidence-complete';

describe('evidenceCompleteField', () => {
  it('says yes when nothing was dropped and nothing paused', () => {
    expect(evidenceCompleteField({ evidence: { complete: true, losses: [] } })).toBe('yes');
    expect(evidenceCompleteField({})).toBe('yes');
  });

  it('names each reason: a paused recording, then every loss with its count', () => {
    expect(
      evidenceCompleteField(
        {
          evidence: {
            complete: false,
            losses: [
              { cause: 'flood', count: 3_000, occurrences: 4, pages: ['https://www.jeejio.com/'] },
              { cause: 'storage-key-cap', count: 12, occurrences: 1, pages: ['https://www.jeejio.com/'] },
            ],
          },
        },
        ['recording was paused (storage full)'],
      ),
    ).toBe('no: recording was paused (storage full); 3000 flood (4×); 12 storage-key-cap (1×)');
  });
});
