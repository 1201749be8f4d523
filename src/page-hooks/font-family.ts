/** "bold 72px/1 'Arial Black', monospace" → "'arial black', monospace": sizes and weights are not fonts. */
const FONT_SIZE_AND_BEFORE = /^.*?\d+(?:\.\d+)?(?:px|pt|pc|em|rem|ex|ch|vw|vh|%)(?:\s*\/\s*\S+)?\s+/i;

/** The font families of a CSS `font` value, as a canvas reports it, so that many sizes of one font count once. */
export function fontFamilyOf(font: string): string {
  return font.slice(0, 500).replace(FONT_SIZE_AND_BEFORE, '').trim().toLowerCase();
}
