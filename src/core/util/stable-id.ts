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
  const [a, b] = cyrb53Pair(text);
  return `${prefix}-${a.toString(36)}${b.toString(36)}`;
}

/** cyrb53 under two seeds, computed in one pass over the text. */
function cyrb53Pair(text: string): [number, number] {
  let a1 = 0xdeadbeef ^ 0x9e3779b9;
  let a2 = 0x41c6ce57 ^ 0x9e3779b9;
  let b1 = 0xdeadbeef ^ 0x85ebca6b;
  let b2 = 0x41c6ce57 ^ 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a1 = Math.imul(a1 ^ ch, 2654435761);
    a2 = Math.imul(a2 ^ ch, 1597334677);
    b1 = Math.imul(b1 ^ ch, 2654435761);
    b2 = Math.imul(b2 ^ ch, 1597334677);
  }
  return [finish(a1, a2), finish(b1, b2)];
}

function finish(h1: number, h2: number): number {
  const x1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const x2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(x1 ^ (x1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & x2) + (x1 >>> 0);
}
