/**
 * A deterministic id for a fact, so the same fact observed twice (a replayed
 * event, a second snapshot, a worker restarted mid-page) is stored once.
 * Not a security hash: integrity of evidence is a separate, SHA-256 matter.
 * Two independent 53-bit cyrb53 halves keep collisions negligible for
 * millions of observations.
 */
export function stableId(
  prefix: string,
  parts: ReadonlyArray<string | number | boolean | undefined>,
): string {
  const text = parts.map((p) => (p === undefined ? '\u0001' : String(p))).join('\u0000');
  return `${prefix}-${cyrb53(text, 0x9e3779b9).toString(36)}${cyrb53(text, 0x85ebca6b).toString(36)}`;
}

function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
