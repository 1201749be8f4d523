import CRC32 from 'crc-32';

/**
 * A zip of stored (not deflated) entries, written straight into one buffer
 * that has room for the archive comment the seal fills in afterwards.
 * fflate, which reads bundles, writes zips too, but computes every CRC-32
 * itself in JavaScript and cannot leave room for a comment: for a bundle of
 * 160 MB that meant a second CRC pass and a second copy of the whole file.
 * Only what a bundle needs: stored entries, ASCII names, no data
 * descriptors (every size and CRC is known before the entry is written, so
 * streaming readers, Java's included, can read it), no ZIP64 (a bundle is
 * at most 1 GiB).
 *
 * Layout (PKWARE APPNOTE 6.3.10, sections 4.3.7, 4.3.12, 4.3.16):
 * [local header, data]… central directory, end record, comment.
 */
export interface StoredZipOptions {
  /** The entries' modification time, as a DOS date and time in the local time zone (as fflate writes it). */
  mtime: Date;
  /** Bytes reserved after the end record for the archive comment (0 to 65,535), left zero. */
  commentLength: number;
  /** CRC-32 of bytes: the `crc-32` package by default; Node's zlib.crc32 is native and many times faster. */
  crc32?: (bytes: Uint8Array) => number;
}

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
export const END_RECORD = 22;
const VERSION = 20;

const crc32Js = (bytes: Uint8Array) => CRC32.buf(bytes) >>> 0;

export function storedZip(
  entries: readonly (readonly [string, Uint8Array])[],
  options: StoredZipOptions,
): Uint8Array<ArrayBuffer> {
  const crc32 = options.crc32 ?? crc32Js;
  if (entries.length > 0xffff) throw new RangeError('Too many entries for a zip without ZIP64');
  if (options.commentLength < 0 || options.commentLength > 0xffff)
    throw new RangeError('Zip comment too long');
  const names = entries.map(([name]) => {
    if (!/^[\x20-\x7e]{1,255}$/.test(name))
      throw new Error(`Not a plain ASCII zip entry name: ${JSON.stringify(name)}`);
    return Uint8Array.from(name, (c) => c.charCodeAt(0));
  });
  let dataLength = 0;
  let directoryLength = 0;
  entries.forEach(([, bytes], i) => {
    const nameLength = (names[i] as Uint8Array).length;
    dataLength += LOCAL_HEADER + nameLength + bytes.length;
    directoryLength += CENTRAL_HEADER + nameLength;
  });
  const total = dataLength + directoryLength + END_RECORD + options.commentLength;
  if (dataLength + directoryLength > 0xffffffff) throw new RangeError('Too large for a zip without ZIP64');
  const zip = new Uint8Array(total);
  const view = new DataView(zip.buffer);
  const { time, date } = dosDateTime(options.mtime);
  let at = 0;
  let central = dataLength;
  entries.forEach(([, bytes], i) => {
    const name = names[i] as Uint8Array;
    const crc = crc32(bytes);
    const offset = at;
    // Local file header.
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, VERSION, true);
    view.setUint16(at + 6, 0, true); // flags: no data descriptor, no encryption
    view.setUint16(at + 8, 0, true); // method: stored
    view.setUint16(at + 10, time, true);
    view.setUint16(at + 12, date, true);
    view.setUint32(at + 14, crc, true);
    view.setUint32(at + 18, bytes.length, true);
    view.setUint32(at + 22, bytes.length, true);
    view.setUint16(at + 26, name.length, true);
    view.setUint16(at + 28, 0, true);
    zip.set(name, at + LOCAL_HEADER);
    zip.set(bytes, at + LOCAL_HEADER + name.length);
    at += LOCAL_HEADER + name.length + bytes.length;
    // Central directory header.
    view.setUint32(central, 0x02014b50, true);
    view.setUint16(central + 4, VERSION, true);
    view.setUint16(central + 6, VERSION, true);
    view.setUint16(central + 8, 0, true);
    view.setUint16(central + 10, 0, true);
    view.setUint16(central + 12, time, true);
    view.setUint16(central + 14, date, true);
    view.setUint32(central + 16, crc, true);
    view.setUint32(central + 20, bytes.length, true);
    view.setUint32(central + 24, bytes.length, true);
    view.setUint16(central + 28, name.length, true);
    // Extra and comment lengths, disk number, attributes: all zero.
    view.setUint32(central + 42, offset, true);
    zip.set(name, central + CENTRAL_HEADER);
    central += CENTRAL_HEADER + name.length;
  });
  // End of central directory record.
  view.setUint32(central, 0x06054b50, true);
  view.setUint16(central + 8, entries.length, true);
  view.setUint16(central + 10, entries.length, true);
  view.setUint32(central + 12, directoryLength, true);
  view.setUint32(central + 16, dataLength, true);
  view.setUint16(central + 20, options.commentLength, true);
  return zip;
}

function dosDateTime(date: Date): { time: number; date: number } {
  const year = date.getFullYear();
  if (year < 1980 || year > 2107) throw new RangeError('A zip can only date files from 1980 to 2107');
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}
