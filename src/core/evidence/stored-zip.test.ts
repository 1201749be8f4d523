import { crc32 as nodeCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { END_RECORD, storedZip } from './stored-zip';

const mtime = new Date(2025, 0, 2, 3, 4, 6);
const entry = (name: string, text: string) => [name, new TextEncoder().encode(text)] as const;

describe('storedZip', () => {
  it('writes the very bytes fflate writes for stored entries', () => {
    const entries = [
      entry('report.json', '{"a":1}'),
      entry('screenshots/p.png', 'x'.repeat(1000)),
      entry('empty.csv', ''),
    ];
    expect(storedZip(entries, { mtime, commentLength: 0 })).toEqual(
      zipSync(Object.fromEntries(entries), { level: 0, mtime }),
    );
  });

  it('gives the same zip with Node’s CRC-32, for any contents', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => {
        const entries = [['a.bin', bytes] as const];
        const js = storedZip(entries, { mtime, commentLength: 0 });
        expect(storedZip(entries, { mtime, commentLength: 0, crc32: nodeCrc32 })).toEqual(js);
        expect(unzipSync(js)['a.bin']).toEqual(bytes);
      }),
    );
  });

  it('leaves room for the archive comment and says its length in the end record', () => {
    const zip = storedZip([entry('a.txt', 'hello')], { mtime, commentLength: 117 });
    const end = zip.length - 117 - END_RECORD;
    const view = new DataView(zip.buffer);
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    expect(view.getUint16(end + 20, true)).toBe(117);
    expect(zip.subarray(-117).every((b) => b === 0)).toBe(true);
    zip.set(new TextEncoder().encode('c'.repeat(117)), zip.length - 117);
    expect(unzipSync(zip)).toEqual({ 'a.txt': new TextEncoder().encode('hello') });
  });

  it('refuses names that are not plain ASCII, and dates a zip cannot hold', () => {
    expect(() => storedZip([entry('ü.txt', '')], { mtime, commentLength: 0 })).toThrow('Not a plain ASCII');
    expect(() => storedZip([entry('', '')], { mtime, commentLength: 0 })).toThrow('Not a plain ASCII');
    expect(() => storedZip([], { mtime: new Date(1979, 0, 1), commentLength: 0 })).toThrow('1980');
    expect(() => storedZip([], { mtime, commentLength: 70_000 })).toThrow('comment');
  });
});
