import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUNDLE_LIMITS } from './bundle-layout';
import { readZip } from './read-zip';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Offset of the central directory record of the first entry. */
function centralDirectory(zip: Uint8Array): number {
  for (let i = zip.length - 4; i >= 0; i--) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x01 && zip[i + 3] === 0x02) return i;
  }
  throw new Error('no central directory');
}

describe('readZip', () => {
  it('reads stored entries', () => {
    const contents = readZip(zipSync({ 'a.json': bytes('{}'), 'b.csv': bytes('x') }, { level: 0 }));
    if ('error' in contents) throw new Error(contents.error);
    expect([...contents.files.keys()]).toEqual(['a.json', 'b.csv']);
    expect(contents.compressed).toEqual([]);
    expect(contents.duplicates).toEqual([]);
  });

  it('never inflates a compressed entry, so a deflate bomb costs nothing', () => {
    const bomb = zipSync({ 'bomb.json': new Uint8Array(16 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(50_000);
    const start = performance.now();
    const contents = readZip(bomb);
    expect(performance.now() - start).toBeLessThan(100);
    expect(contents).toMatchObject({ compressed: ['bomb.json'] });
    if (!('error' in contents)) expect(contents.files.size).toBe(0);
  });

  it('says a directory that gives an entry more bytes than the file has was changed, not that the zip is large', () => {
    const zip = zipSync({ 'a.json': bytes('{}') }, { level: 0 });
    const cd = centralDirectory(zip);
    // The size fields of the entry's directory record: a 4 GB claim in a file of a hundred bytes.
    new DataView(zip.buffer, zip.byteOffset).setUint32(cd + 20, 0xfffffff0, true);
    new DataView(zip.buffer, zip.byteOffset).setUint32(cd + 24, 0xfffffff0, true);
    expect(readZip(zip)).toEqual({
      error: `the directory gives entry 1 (a.json) a size of ${0xfffffff0} bytes, more than the whole file's ${zip.length}`,
      damaged: true,
    });
  });

  it('refuses directory records that add up to more than the limit, before copying any', () => {
    // One stored entry of 2 MiB, and 600 directory records that all point at it: 1.2 GB declared.
    const zip = zipSync({ 'a.json': new Uint8Array(2 * 1024 * 1024) }, { level: 0 });
    const cd = centralDirectory(zip);
    const record = zip.subarray(cd, zip.length - 22);
    const copies = 600;
    const crafted = new Uint8Array(cd + record.length * copies + 22);
    crafted.set(zip.subarray(0, cd));
    for (let i = 0; i < copies; i++) crafted.set(record, cd + i * record.length);
    const end = new DataView(crafted.buffer, cd + record.length * copies);
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, copies, true);
    end.setUint16(10, copies, true);
    end.setUint32(12, record.length * copies, true);
    end.setUint32(16, cd, true);
    const start = performance.now();
    expect(readZip(crafted)).toEqual({
      error: `the zip is too large to check: its entries add up to more than ${BUNDLE_LIMITS.maxTotalEntryBytes} bytes`,
      damaged: false,
    });
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('refuses more entries than a bundle can have', () => {
    const many = Object.fromEntries(
      Array.from({ length: BUNDLE_LIMITS.maxEntries + 1 }, (_, i) => [`f${i}.json`, new Uint8Array(0)]),
    );
    expect(readZip(zipSync(many, { level: 0 }))).toMatchObject({
      error: expect.stringContaining('more than 10000 entries'),
    });
  });

  it('notes names that occur twice', () => {
    const zip = zipSync({ 'a.json': bytes('1'), 'b.json': bytes('2') }, { level: 0 });
    // Rename b.json to a.json in both its local header and its directory record.
    const text = new TextDecoder('latin1').decode(zip);
    for (let at = text.indexOf('b.json'); at !== -1; at = text.indexOf('b.json', at + 1)) zip[at] = 0x61;
    expect(readZip(zip)).toMatchObject({ duplicates: [{ name: 'a.json', entries: [1, 2] }] });
  });

  it('notes names an unzip tool could write outside its folder', () => {
    const names = [
      '../up.json',
      'screenshots/../../x.png',
      '/etc/passwd',
      'C:x.json',
      'a\\b.json',
      'a..b.json',
    ];
    const zip = zipSync(Object.fromEntries(names.map((n) => [n, bytes('1')])), { level: 0 });
    expect(readZip(zip)).toMatchObject({
      unsafeNames: names.slice(0, 5).map((name, i) => ({ name, entry: i + 1 })),
    });
  });

  it('says what is wrong with bytes that are no zip, and refuses oversized input', () => {
    expect(readZip(bytes('not a zip at all, just some text'))).toMatchObject({
      error: expect.stringContaining('not a readable zip'),
    });
    expect(readZip(new Uint8Array(0))).toMatchObject({
      error: expect.stringContaining('not a readable zip'),
    });
    const huge = { length: BUNDLE_LIMITS.maxBytes + 1 } as Uint8Array;
    expect(readZip(huge)).toMatchObject({ error: expect.stringContaining('the limit is') });
  });
});
