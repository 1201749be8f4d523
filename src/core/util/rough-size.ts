/**
 * A quick guess of how large a structured value is once serialized, in
 * characters: the length of every string and a few characters per other value
 * and per key. Good enough to keep rows well under a size limit; far cheaper
 * than serializing to measure. Depth is capped so a cycle cannot hang it.
 */
export function roughSize(value: unknown, depth = 0): number {
  if (typeof value === 'string') return value.length + 2;
  // The longest a JSON number can be: 17 significant digits just above 1e-6,
  // where JavaScript still writes them out in full ("-0.0000010027927888508332").
  if (typeof value === 'number') return 25;
  if (typeof value !== 'object' || value === null) return 8;
  if (depth > 8) return 8;
  let size = 2;
  if (Array.isArray(value)) {
    for (const item of value) size += roughSize(item, depth + 1) + 1;
    return size;
  }
  if (ArrayBuffer.isView(value)) return size + value.byteLength;
  for (const key in value)
    size += key.length + 4 + roughSize((value as Record<string, unknown>)[key], depth + 1);
  return size;
}
