/**
 * Report fields can carry what a hostile page put in a cookie; these bounds keep
 * one finding from swelling a CI artefact that people and tools must open.
 */
export const MAX_TEXT_CHARS = 2000;
/** Evidence lists: the full list is in report.json. */
export const MAX_LISTED = 100;

/** Cuts text to at most `max` characters, never through a surrogate pair, marking the cut. */
export function clip(text: string, max: number = MAX_TEXT_CHARS): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** The first `max` items and how many more there are. */
export function firstOf<T>(items: readonly T[], max: number = MAX_LISTED): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

/** "o-1 o-2 o-3 (and 40 more in report.json)" */
export function listWithMore(items: readonly string[], max: number = MAX_LISTED): string {
  const { shown, more } = firstOf(items, max);
  return more > 0 ? `${shown.join(' ')} (and ${more} more in report.json)` : shown.join(' ');
}
