import { describe, expect, it } from 'vitest';
import { attributeToken, safeHref, shortText } from './safe-text';

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

describe('attributeToken', () => {
  it('keeps distinct texts distinct and never throws, lone surrogates included', () => {
    expect(attributeToken('cookie\u0000_ga\u0000.jeejio.com')).toBe('cookie_0_5fga_0_2ejeejio_2ecom');
    expect(attributeToken('a\uD800b')).toBe('a_d800b');
    expect(attributeToken('a_b')).not.toBe(attributeToken('a.b'));
  });
});
