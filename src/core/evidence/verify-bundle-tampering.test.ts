import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BundleFiles,
  forge,
  readJson,
  rezip,
  sampleBundle,
  unzipBundle,
  writeJson,
} from '../../../tests/support/evidence-bundle';
import type { Manifest } from './manifest';
import { exportPublicKey, generateSigningKeys } from './signing';
import { storedZip } from './stored-zip';
import { type BundleVerdict, verifyBundle } from './verify-bundle';
import { verifyExitCode } from './verify-exit-code';
import { sealZip } from './zip-seal';

/**
 * The tampering suite: what someone does to a bundle after it left the
 * auditor, each with the verdict, the exit code `npm run verify` gives and
 * the words that say where. Every case starts from a real signed bundle.
 */
let sample: Awaited<ReturnType<typeof sampleBundle>>;
let fingerprint: string;
let files: BundleFiles;

beforeAll(async () => {
  sample = await sampleBundle();
  fingerprint = (await exportPublicKey(sample.keys.publicKey)).fingerprint;
  files = unzipBundle(sample.zip);
});

const encode = (text: string) => new TextEncoder().encode(text);

/** Where `name`'s data begins in the sample, from its local header. */
function dataStart(name: string): number {
  const text = new TextDecoder('latin1').decode(sample.zip);
  return text.indexOf(`PK\u0003\u0004`, text.indexOf(name) - 30) + 30 + name.length;
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Verdict, exit code and every problem's text, checked together. */
function expectVerdict(
  verdict: BundleVerdict,
  expected: { status: BundleVerdict['status']; exitCode: number; says: (string | RegExp)[] },
): void {
  expect(verdict.status).toBe(expected.status);
  expect(verifyExitCode(verdict)).toBe(expected.exitCode);
  const text = verdict.problems.map((p) => p.message).join('\n');
  for (const words of expected.says) expect(text).toMatch(words);
}

describe('verifyBundle against tampering', () => {
  it('cut inside the seal: tampered, exit 1, at the byte where the file ends', async () => {
    const cut = sample.zip.slice(0, sample.zip.length - 10);
    const verdict = await verifyBundle(cut);
    expectVerdict(verdict, {
      status: 'tampered',
      exitCode: 1,
      says: [`the file ends at byte ${cut.length}, 10 bytes short of the end its end record gives`],
    });
    expect(verdict.problems[0]).toMatchObject({ kind: 'container', offset: cut.length });
  });

  it('cut inside a file: tampered, exit 1, naming the file and its bytes, never "over 1 GiB"', async () => {
    const start = dataStart('report.html');
    const cut = sample.zip.slice(0, start + 1000);
    const verdict = await verifyBundle(cut);
    expectVerdict(verdict, {
      status: 'tampered',
      exitCode: 1,
      says: [
        `The bundle was cut: the file ends at byte ${cut.length}, inside report.html (its data runs from byte ${start} to `,
      ],
    });
    expect(verdict.problems.map((p) => p.message).join()).not.toMatch(/GiB|1073741824|too large/);
  });

  it('cut in the directory, after the last file: tampered, exit 1, the directory and seal missing', async () => {
    const cut = sample.zip.slice(0, sample.zip.length - 200);
    expectVerdict(await verifyBundle(cut), {
      status: 'tampered',
      exitCode: 1,
      says: [
        `the file ends at byte ${cut.length}, after manifest.sig: the zip's directory, end record and seal`,
      ],
    });
  });

  it('bytes put before it: tampered, exit 1, at bytes 0 to 15, and the zip after them found intact', async () => {
    const verdict = await verifyBundle(concat(encode('MZ-not-a-bundle!'), sample.zip));
    expectVerdict(verdict, {
      status: 'tampered',
      exitCode: 1,
      says: ['16 bytes were put before the zip (bytes 0 to 15); its first entry begins at byte 16'],
    });
    // The seal over the zip itself still holds: the added bytes are the only problem.
    expect(verdict.problems).toEqual([expect.objectContaining({ kind: 'container', offset: 0 })]);
  });

  it('bytes added after it: tampered, exit 1, from the byte where the zip ends', async () => {
    const verdict = await verifyBundle(concat(sample.zip, encode('<script>x</script>')));
    expectVerdict(verdict, {
      status: 'tampered',
      exitCode: 1,
      says: [
        `18 bytes were added after the end of the zip (from byte ${sample.zip.length} to the end of the file)`,
      ],
    });
    expect(verdict.problems).toEqual([
      expect.objectContaining({ kind: 'container', offset: sample.zip.length }),
    ]);
  });

  it('a patched directory size: tampered, exit 1, at the end record, not "too large"', async () => {
    const patched = sample.zip.slice();
    const end = patched.length - 117 - 22;
    patched[end + 12] = (patched[end + 12] ?? 0) ^ 0x40;
    const verdict = await verifyBundle(patched);
    expectVerdict(verdict, {
      status: 'tampered',
      exitCode: 1,
      says: [
        new RegExp(
          `^The zip is not the file the exporter wrote: the end record at byte ${end} gives the directory as`,
        ),
      ],
    });
    expect(verdict.problems[0]?.offset).toBe(end + 12);
  });

  it('a patched directory offset: tampered, exit 1, naming where the directory really begins', async () => {
    const patched = sample.zip.slice();
    const end = patched.length - 117 - 22;
    patched[end + 16] = (patched[end + 16] ?? 0) ^ 0x40;
    expectVerdict(await verifyBundle(patched), {
      status: 'tampered',
      exitCode: 1,
      says: [
        new RegExp(
          `the end record at byte ${end} gives the directory's offset as \\d+, but the directory begins at byte \\d+`,
        ),
      ],
    });
  });

  it('a name with "..", re-sealed with the same key: tampered, exit 1, naming the entry', async () => {
    const zip = await sealZip(rezip({ ...files, '../report.json': encode('{}') }), sample.keys.privateKey);
    const verdict = await verifyBundle(zip, { expectedFingerprint: fingerprint });
    expectVerdict(verdict, {
      status: 'tampered',
      exitCode: 1,
      says: [
        'Entry 9 of the zip is named ../report.json: a name that an unzip tool could write outside its folder',
      ],
    });
    expect(verdict.problems).toEqual([
      expect.objectContaining({ kind: 'container', file: '../report.json' }),
    ]);
  });

  it('a name with ".." listed in a manifest signed again: tampered, exit 1, naming the manifest entry', async () => {
    const changed = { ...files, 'screenshots/../../x.png': encode('png') };
    const manifest = readJson<Manifest>(changed, 'manifest.json');
    manifest.files.push({ path: 'screenshots/../../x.png', bytes: 3, hash: `sha256:${'0'.repeat(64)}` });
    writeJson(changed, 'manifest.json', manifest);
    expectVerdict(await verifyBundle(await forge(changed, sample.keys)), {
      status: 'tampered',
      exitCode: 1,
      says: ['manifest.json is not a bundle manifest: files.6.path: is not a bundle file name'],
    });
  });

  it('a file twice, re-sealed with the same key: tampered, exit 1, at both entries', async () => {
    const entries = Object.entries(files);
    const zip = await sealZip(
      storedZip([...entries, ['report.json', encode('{"violations":[]}')]], {
        mtime: new Date(2025, 0, 1),
        commentLength: 0,
      }),
      sample.keys.privateKey,
    );
    const verdict = await verifyBundle(zip, { expectedFingerprint: fingerprint });
    expectVerdict(verdict, {
      status: 'tampered',
      exitCode: 1,
      says: ['The zip holds report.json 2 times, as entries 1 and 9 of its directory'],
    });
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({ kind: 'container', file: 'report.json' }),
    );
  });

  it('an extra file, re-sealed with the same key: tampered, exit 1, naming the file', async () => {
    const zip = await sealZip(
      rezip({ ...files, 'notes.json': encode('{"genuine":true}') }),
      sample.keys.privateKey,
    );
    const verdict = await verifyBundle(zip, { expectedFingerprint: fingerprint });
    expectVerdict(verdict, {
      status: 'tampered',
      exitCode: 1,
      says: ['notes.json is in the zip but not in manifest.json.'],
    });
    expect(verdict.problems).toEqual([expect.objectContaining({ kind: 'file-extra', file: 'notes.json' })]);
  });

  it('signed by a foreign key: exit 3 without a fingerprint, naming the key; tampered, exit 1, with one', async () => {
    const foreign = await generateSigningKeys({ extractable: false });
    const foreignFingerprint = (await exportPublicKey(foreign.publicKey)).fingerprint;
    const forged = await forge(unzipBundle(sample.zip), foreign);

    const unchecked = await verifyBundle(forged);
    expect(unchecked).toMatchObject({
      status: 'intact',
      signer: { fingerprint: foreignFingerprint, check: 'not-checked' },
    });
    expect(verifyExitCode(unchecked)).toBe(3);

    const checked = await verifyBundle(forged, { expectedFingerprint: fingerprint });
    expectVerdict(checked, {
      status: 'tampered',
      exitCode: 1,
      says: [`The bundle is signed with key ${foreignFingerprint}, not the expected ${fingerprint}.`],
    });
    expect(checked.signer).toEqual({ fingerprint: foreignFingerprint, check: 'differs' });
  });

  it('untouched, with the fingerprint: intact, exit 0', async () => {
    const verdict = await verifyBundle(sample.zip, { expectedFingerprint: fingerprint });
    expectVerdict(verdict, { status: 'intact', exitCode: 0, says: [] });
    expect(verdict.signer).toEqual({ fingerprint, check: 'matches' });
  });

  it('a sealed bundle whose manifest was removed or broken: tampered, exit 1, naming the manifest', async () => {
    const { 'manifest.json': _manifest, ...rest } = files;
    expectVerdict(await verifyBundle(await sealZip(rezip(rest), sample.keys.privateKey)), {
      status: 'tampered',
      exitCode: 1,
      says: ['The zip holds no manifest.json.'],
    });
    const broken = await sealZip(
      rezip({ ...files, 'manifest.json': encode('{"format": ') }),
      sample.keys.privateKey,
    );
    expectVerdict(await verifyBundle(broken), {
      status: 'tampered',
      exitCode: 1,
      says: [/^manifest\.json is not valid JSON/],
    });
  });

  it('nothing to check: empty, not a zip, or a zip with neither seal nor manifest: unreadable, exit 2', async () => {
    expectVerdict(await verifyBundle(new Uint8Array(0)), {
      status: 'unreadable',
      exitCode: 2,
      says: ['Not an evidence bundle: the file is empty.'],
    });
    expectVerdict(await verifyBundle(encode('%PDF-1.7 a report, not a bundle')), {
      status: 'unreadable',
      exitCode: 2,
      says: ['it neither starts with a zip entry nor ends with a zip’s end record'],
    });
    expectVerdict(await verifyBundle(zipSync({ 'photo.jpg': encode('jpeg') }, { level: 0 })), {
      status: 'unreadable',
      exitCode: 2,
      says: ['The zip holds no manifest.json.'],
    });
    // A zip that is no bundle, cut: its first entry is none of a bundle's files.
    const other = zipSync({ 'photo.jpg': new Uint8Array(500) }, { level: 0 });
    expectVerdict(await verifyBundle(other.slice(0, 300)), {
      status: 'unreadable',
      exitCode: 2,
      says: ['Not an evidence bundle: the file ends at byte 300, inside photo.jpg'],
    });
  });
});
