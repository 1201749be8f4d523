/**
 * Text a page chose (a cookie name, a storage key, a payload's member name),
 * made safe to print in a terminal: control characters, which could move the
 * cursor or retitle the window, and invisible or direction-changing marks,
 * which could make one name read as another, each become "?".
 */
export function terminalSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing them is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '?');
}
