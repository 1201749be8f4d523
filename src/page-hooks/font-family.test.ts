import { describe, expect, it } from 'vitest';
import { fontFamilyOf } from './font-family';

describe('fontFamilyOf', () => {
  it('drops style, weight, size and line height, so a chart drawing one font in many sizes is not probing', () => {
    expect(fontFamilyOf('72px "Arial Black", monospace')).toBe('"arial black", monospace');
    expect(fontFamilyOf('italic bold 12.5px/1.2 SimSun')).toBe('simsun');
    expect(new Set(['10px Arial', '12px Arial', 'bold 14px Arial'].map(fontFamilyOf)).size).toBe(1);
  });

  it('keeps a value without a size as it is', () => {
    expect(fontFamilyOf('Verdana')).toBe('verdana');
  });
});
