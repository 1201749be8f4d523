/**
 * Page-controlled text as the interface shows it: cut to a bounded length
 * with the real length said, and with the characters that reorder or hide
 * text (bidirectional overrides, zero-width marks) made visible, so a value
 * cannot pose as something else. Rendered as text, never as markup.
 */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function shortText(
  text: string,
  max = 60,
  /** How the cut is said: "(103 characters)" in English; an interface words it in the reader's language. */
  cutNote: (length: number) => string = (length) => `(${length} characters)`,
): string {
  const visible = text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (visible.length <= max) return visible;
  // Do not cut a surrogate pair in half.
  const cut = visible.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}… ${cutNote(text.length)}`;
}

/** A link target only for http(s) URLs; anything else (javascript:, data:) is shown as text. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Any text as a token safe inside an attribute selector: letters, digits and
 * dashes stay, every other UTF-16 unit becomes _hex. Never throws, even on a
 * lone surrogate (which encodeURIComponent refuses).
 */
export function attributeToken(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += /[A-Za-z0-9-]/.test(text[i] as string) ? text[i] : `_${c.toString(16)}`;
  }
  return out;
}
