import { describe, expect, it } from 'vitest';
import { xmlText } from './xml-text';

describe('xmlText', () => {
  it('replaces what XML 1.0 cannot carry and keeps what it can', () => {
    expect(xmlText('a\u0000b\u0008c\u000bd\u001fe\tf\ng\rh')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\tf\ng\rh');
    expect(xmlText('\ud800 lone, \udc00 lone, \ud83d\ude00 pair, \uFFFE \uFFFF')).toBe(
      '\uFFFD lone, \uFFFD lone, \ud83d\ude00 pair, \uFFFD \uFFFD',
    );
    expect(xmlText('<&>"\' \u007f \u202e 中文')).toBe('<&>"\' \u007f \u202e 中文');
  });

  it('clips before it replaces, never splitting a surrogate pair', () => {
    expect(xmlText(`${'x'.repeat(8)}\ud83d\ude00tail`, 10)).toBe(`${'x'.repeat(8)}…`);
  });
});
