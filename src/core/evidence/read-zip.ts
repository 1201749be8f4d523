import { unzipSync } from 'fflate';
import { BUNDLE_LIMITS } from './bundle-layout';

export interface ZipContents {
  /** Stored entries by name. */
  files: Map<string, Uint8Array<ArrayBuffer>>;
  /** Entries that are compressed: a bundle stores every entry, so these are left unread. */
  compressed: string[];
  /** Names that occur more than once (only the last copy is in `files`), with their places in the directory. */
  duplicates: { name: string; entries: number[] }[];
  /** Names no bundle file has and an unzip tool could write outside its folder (`..`, absolute, backslashes). */
  unsafeNames: { name: string; entry: number }[];
}

/** Why a zip could not be read: `damaged` when its records contradict the file (a changed byte), not its size. */
export interface ZipError {
  error: string;
  damaged: boolean;
}

/** A name that climbs out of the folder it is unpacked into, or is not relative to it. */
const UNSAFE_NAME = /(^|[/\\])\.\.([/\\]|$)|^[/\\]|^[A-Za-z]:|\\/;

/**
 * The entries of a zip, read without ever inflating anything: the exporter
 * stores every entry, so a compressed one is not a bundle's and no zip bomb
 * can expand. Entry count and declared sizes are bounded before any entry is
 * copied, since a crafted directory can point many entries at the same bytes:
 * fflate copies each entry its filter accepts at once, so the directory is
 * read once with nothing accepted, then again to copy.
 */
export function readZip(zip: Uint8Array): ZipContents | ZipError {
  if (zip.length > BUNDLE_LIMITS.maxBytes) {
    return {
      error: `the file is ${zip.length} bytes; the limit is ${BUNDLE_LIMITS.maxBytes}`,
      damaged: false,
    };
  }
  const compressed: string[] = [];
  const seen = new Map<string, number[]>();
  const unsafeNames: { name: string; entry: number }[] = [];
  let entries = 0;
  let total = 0;
  let tooLarge: string | undefined;
  let damaged: string | undefined;
  let raw: Record<string, Uint8Array>;
  try {
    unzipSync(zip, {
      filter: (entry) => {
        entries += 1;
        // No entry's bytes in the zip outnumber the zip's: a size beyond it is a changed directory.
        if (entry.size > zip.length || (entry.compression === 0 && entry.originalSize > zip.length)) {
          damaged = `the directory gives entry ${entries} (${entry.name}) a size of ${entry.size} bytes, more than the whole file's ${zip.length}`;
          throw new RangeError(damaged);
        }
        total += Math.max(entry.size, entry.originalSize);
        if (entries > BUNDLE_LIMITS.maxEntries)
          tooLarge = `it has more than ${BUNDLE_LIMITS.maxEntries} entries`;
        else if (total > BUNDLE_LIMITS.maxTotalEntryBytes) {
          tooLarge = `its entries add up to more than ${BUNDLE_LIMITS.maxTotalEntryBytes} bytes`;
        }
        if (tooLarge) throw new RangeError(tooLarge);
        seen.set(entry.name, [...(seen.get(entry.name) ?? []), entries]);
        if (UNSAFE_NAME.test(entry.name)) unsafeNames.push({ name: entry.name, entry: entries });
        if (entry.compression !== 0) compressed.push(entry.name);
        return false;
      },
    });
    raw = unzipSync(zip, { filter: (entry) => entry.compression === 0 });
  } catch (error) {
    if (damaged) return { error: damaged, damaged: true };
    if (tooLarge) return { error: `the zip is too large to check: ${tooLarge}`, damaged: false };
    return {
      error: `it is not a readable zip (${error instanceof Error ? error.message : String(error)})`,
      damaged: false,
    };
  }
  const duplicates = [...seen]
    .filter(([, places]) => places.length > 1)
    .map(([name, places]) => ({ name, entries: places }));
  // fflate copies every stored entry into a fresh ArrayBuffer.
  return {
    files: new Map(Object.entries(raw as Record<string, Uint8Array<ArrayBuffer>>)),
    compressed,
    duplicates,
    unsafeNames,
  };
}
