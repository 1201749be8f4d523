/**
 * Where the zip lies in a file that is meant to be one bundle, and what
 * surrounds or cuts it. A zip reader finds a zip from its end record, so
 * bytes put before it, bytes added after it, or a file cut short make the
 * reader fail or misread without saying why; this finds the zip's edges from
 * its own records, so a verdict can say "16 bytes were put before the zip"
 * or "the file ends at byte 5,000, inside captured.har" instead of "not a
 * zip". Only the records of a stored zip without ZIP64 are read, as
 * `storedZip` and fflate write them (PKWARE APPNOTE 6.3.10, 4.3.7, 4.3.16).
 */
export interface FramingDamage {
  /** The first byte of the file (from 0) the damage concerns. */
  offset: number;
  message: string;
  /** The zip's records contradict each other here, so its entries cannot be read at all. */
  fatal?: true;
}

export type ZipFraming =
  | {
      /** The zip itself: the file without the bytes put before or after it. */
      zip: Uint8Array<ArrayBuffer>;
      /** Where `zip` starts in the file. */
      start: number;
      damage: FramingDamage[];
    }
  | {
      /** No end record: the zip cannot be read, only where it was cut. */
      cut: FramingDamage;
      /** The name of the file's first entry, when it starts with one. */
      firstEntry: string;
    }
  | { notZip: string };

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const LOCAL_HEADER = 30;
const END_RECORD = 22;

export function frameZip(file: Uint8Array<ArrayBuffer>): ZipFraming {
  if (file.length === 0) return { notZip: 'the file is empty' };
  const end = findEndRecord(file);
  if (end === undefined) {
    if (u32(file, 0) !== LOCAL_SIGNATURE) {
      return { notZip: 'it neither starts with a zip entry nor ends with a zip’s end record' };
    }
    const patched = endRecordEndingFile(file);
    if (patched === undefined) return { cut: whereCut(file), firstEntry: entryName(file, 0) };
    const walked = walkEntries(file);
    return {
      zip: file,
      start: 0,
      damage: [
        {
          offset: patched + 12,
          message: `the end record at byte ${patched} gives the directory as ${u32(file, patched + 12)} bytes from byte ${u32(file, patched + 16)}, but the entries end and the directory begins at byte ${walked.end}, ${patched - walked.end} bytes long`,
          fatal: true,
        },
      ],
    };
  }
  const damage: FramingDamage[] = [];
  const directorySize = u32(file, end + 12);
  const directoryOffset = u32(file, end + 16);
  const commentLength = u16(file, end + 20);
  const directoryStart = end - directorySize;
  const start = directoryStart - directoryOffset;
  const prepended = start > 0 && u32(file, start) === LOCAL_SIGNATURE;
  if (prepended) {
    damage.push({
      offset: 0,
      message: `${count(start)} ${start === 1 ? 'was' : 'were'} put before the zip (bytes 0 to ${start - 1}); its first entry begins at byte ${start}`,
    });
  } else if (start !== 0) {
    damage.push({
      offset: end + 16,
      message: `the end record at byte ${end} gives the directory's offset as ${directoryOffset}, but the directory begins at byte ${directoryStart}`,
      fatal: true,
    });
  }
  const zipStart = prepended ? start : 0;
  const zipEnd = end + END_RECORD + commentLength;
  if (zipEnd < file.length) {
    damage.push({
      offset: zipEnd,
      message: `${count(file.length - zipEnd)} ${file.length - zipEnd === 1 ? 'was' : 'were'} added after the end of the zip (from byte ${zipEnd} to the end of the file)`,
    });
  } else if (zipEnd > file.length) {
    damage.push({
      offset: file.length,
      message: `the file ends at byte ${file.length}, ${count(zipEnd - file.length)} short of the end its end record gives: the archive comment, which holds the seal, was cut`,
    });
  }
  return { zip: file.subarray(zipStart, Math.min(zipEnd, file.length)), start: zipStart, damage };
}

/**
 * The last end record whose directory is where it says it ends: scanning from
 * the end of the file over whatever was added there, and skipping the
 * signature's four bytes where they merely occur inside an entry's data.
 */
function findEndRecord(file: Uint8Array): number | undefined {
  for (let at = file.length - 4; at >= 0; at--) {
    if (u32(file, at) !== END_SIGNATURE || at + END_RECORD > file.length) continue;
    const entries = u16(file, at + 10);
    const directoryStart = at - u32(file, at + 12);
    if (directoryStart < 0) continue;
    if (entries === 0 ? directoryStart === at : u32(file, directoryStart) === CENTRAL_SIGNATURE) return at;
  }
  return undefined;
}

/** An end record whose comment ends the file, whatever its directory fields say: one that was changed. */
function endRecordEndingFile(file: Uint8Array): number | undefined {
  for (let at = file.length - END_RECORD; at >= 0 && at >= file.length - END_RECORD - 0xffff; at--) {
    if (u32(file, at) === END_SIGNATURE && at + END_RECORD + u16(file, at + 20) === file.length) return at;
  }
  return undefined;
}

/**
 * The entries from the start of the file, by their local headers (stored
 * entries give their size there): where they end, the last one whole, and
 * the one the file ends inside, if any.
 */
function walkEntries(file: Uint8Array): {
  end: number;
  last: string;
  cutInside?: { name: string; dataStart: number; dataEnd: number };
} {
  let at = 0;
  let last = '';
  while (u32(file, at) === LOCAL_SIGNATURE && at + LOCAL_HEADER <= file.length) {
    const name = entryName(file, at);
    const dataStart = at + LOCAL_HEADER + u16(file, at + 26) + u16(file, at + 28);
    const dataEnd = dataStart + u32(file, at + 18);
    if (dataEnd > file.length) return { end: at, last, cutInside: { name, dataStart, dataEnd } };
    last = name;
    at = dataEnd;
  }
  return { end: at, last };
}

/** Where a file without an end record stops being a zip. */
function whereCut(file: Uint8Array): FramingDamage {
  const { end: at, last, cutInside } = walkEntries(file);
  if (cutInside) {
    const { name, dataStart, dataEnd } = cutInside;
    return {
      offset: file.length,
      message: `the file ends at byte ${file.length}, inside ${name} (its data runs from byte ${dataStart} to ${dataEnd}); the rest of the zip, its directory and its seal are missing`,
    };
  }
  if (at >= file.length || u32(file, at) === CENTRAL_SIGNATURE || at + 4 > file.length) {
    return {
      offset: file.length,
      message: `the file ends at byte ${file.length}, after ${last || 'the first entry header'}: the zip's directory, end record and seal are missing or cut`,
    };
  }
  return {
    offset: at,
    message: `at byte ${at}, after ${last || 'the start'}, there is neither another entry nor the zip's directory, and the file has no end record`,
  };
}

function entryName(file: Uint8Array, at: number): string {
  const start = at + LOCAL_HEADER;
  const length = Math.min(u16(file, at + 26), Math.max(0, file.length - start));
  return String.fromCharCode(...file.subarray(start, start + length));
}

function count(bytes: number): string {
  return bytes === 1 ? '1 byte' : `${bytes} bytes`;
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}
