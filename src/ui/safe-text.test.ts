import { describe, expect, it } from 'vitest';
import { safeHref, shortText } from './safe-text';

describe('shortText', () => {
  it('cuts long values and says their real length', () => {
    const text = shortText('x'.repeat(5000), 60);
    expect(text.length).toBeLessThan(100);
    expect(text).toContain('5000 characters');
  });

  it('shows right-to-left overrides and zero-width characters instead of obeying them', () => {
    expect(shortText('caf\u00e9\u200b\u202egnp.exe')).toBe('caf\u00e9\\u200b\\u202egnp.exe');
  });

  it('never cuts a surrogate pair in half', () => {
    const cut = shortText(`${'a'.repeat(59)}😀tail`, 60);
    expect(cut.startsWith('a'.repeat(59))).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('safeHref', () => {
  it('links only http(s) URLs', () => {
    expect(safeHref('https://www.jeejio.com/a')).toBe('https://www.jeejio.com/a');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<b>x</b>')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
    expect(safeHref(undefined)).toBeUndefined();
  });
});
