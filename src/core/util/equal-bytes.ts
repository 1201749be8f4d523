/** Whether two byte strings are the same: digests, nonces, signature parts. (Nothing secret: no constant time.) */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
