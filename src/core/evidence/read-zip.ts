import { unzipSync } from 'fflate';
import { BUNDLE_LIMITS } from './bundle-layout';

export interface ZipContents {
  /** Stored entries by name. */
  files: Map<string, Uint8Array<ArrayBuffer>>;
  /** Entries that are compressed: a bundle stores every entry, so these are left unread. */
  compressed: string[];
  /** Names that occur more than once (only the last copy is in `files`). */
  duplicates: string[];
}

/**
 * The entries of a zip, read without ever inflating anything: the exporter
 * stores every entry, so a compressed one is not a bundle's and no zip bomb
 * can expand. Entry count and declared sizes are bounded before any entry is
 * copied, since a crafted directory can point many entries at the same bytes.
 */
export function readZip(zip: Uint8Array): ZipContents | { error: string } {
  if (zip.length > BUNDLE_LIMITS.maxBytes) {
    return { error: `the file is ${zip.length} bytes; the limit is ${BUNDLE_LIMITS.maxBytes}` };
  }
  const compressed: string[] = [];
  const seen = new Set<string>();
  const duplicates: string[] = [];
  let entries = 0;
  let total = 0;
  let tooLarge: string | undefined;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(zip, {
      filter: (entry) => {
        entries += 1;
        total += Math.max(entry.size, entry.originalSize);
        if (entries > BUNDLE_LIMITS.maxEntries)
          tooLarge = `it has more than ${BUNDLE_LIMITS.maxEntries} entries`;
        else if (total > BUNDLE_LIMITS.maxTotalEntryBytes) {
          tooLarge = `its entries add up to more than ${BUNDLE_LIMITS.maxTotalEntryBytes} bytes`;
        }
        if (tooLarge) throw new RangeError(tooLarge);
        if (seen.has(entry.name)) duplicates.push(entry.name);
        seen.add(entry.name);
        if (entry.compression !== 0) {
          compressed.push(entry.name);
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    if (tooLarge) return { error: `the zip is too large to check: ${tooLarge}` };
    return { error: `it is not a readable zip (${error instanceof Error ? error.message : String(error)})` };
  }
  // fflate copies every stored entry into a fresh ArrayBuffer.
  return {
    files: new Map(Object.entries(raw as Record<string, Uint8Array<ArrayBuffer>>)),
    compressed,
    duplicates,
  };
}
