/**
 * The known word nearest to a mistyped one ("audti" → "audit", "--fromat" →
 * "--format"), within two edits; undefined when none is that near.
 */
export function nearestWord(typed: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const word of known) {
    const distance = editDistance(word, typed);
    if (distance < bestDistance) {
      best = word;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Node's parseArgs error for an unknown option, said plainly with the nearest
 * known option; any other message as it is.
 */
export function plainOptionError(message: string, options: Readonly<Record<string, unknown>>): string {
  const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
  if (!unknown) return message;
  const near = nearestWord(
    unknown,
    Object.keys(options).map((name) => `--${name}`),
  );
  return `Unknown option ${unknown}${near ? `; did you mean ${near}?` : '.'}`;
}
