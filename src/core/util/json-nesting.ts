/**
 * How deep a JSON text nests objects and arrays, read from the text itself,
 * so hostile input is measured before JSON.parse, or any recursive walk of
 * its result, can exhaust the stack. Strings are skipped with indexOf, which
 * is many times faster than reading them character by character: most of a
 * recorded log is string content.
 */
export function maxJsonNesting(json: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 34 /* " */) {
      let end = json.indexOf('"', i + 1);
      while (end !== -1 && isEscaped(json, end)) end = json.indexOf('"', end + 1);
      // An unterminated string nests nothing more; JSON.parse refuses it anyway.
      if (end === -1) return max;
      i = end;
    } else if (c === 123 || c === 91 /* { [ */) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93 /* } ] */) depth--;
  }
  return max;
}

/** A quote is escaped when an odd number of backslashes precede it. */
function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === 92 /* \ */) backslashes++;
  return backslashes % 2 === 1;
}
