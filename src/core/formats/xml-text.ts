import { clip, MAX_TEXT_CHARS } from './text-bounds';

/** Everything outside XML 1.0's Char production, a lone surrogate included (the u flag sees code points). */
const NOT_XML_CHAR = /[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/gu;

/**
 * Text XML 1.0 can carry. The builder escapes markup, but NUL, most other
 * control characters and lone surrogates cannot appear in an XML document at
 * all, not even escaped, so they become U+FFFD. Clipped first, so a huge value
 * stays small.
 */
export function xmlText(text: string, max: number = MAX_TEXT_CHARS): string {
  return clip(text, max).replace(NOT_XML_CHAR, '\uFFFD');
}
