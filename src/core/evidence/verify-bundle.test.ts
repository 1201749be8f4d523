import fc from 'fast-check';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BundleFiles,
  forge,
  OBSERVATIONS_NDJSON,
  readJson,
  readObservations,
  rezip,
  sampleBundle,
  TINY_PNG,
  unzipBundle,
  writeJson,
  writeObservations,
} from '../../../tests/support/evidence-bundle';
import type { Report } from '../report/report-types';
import type { ChainEntry } from './hash-chain';
import type { Manifest } from './manifest';
import { exportPublicKey, generateSigningKeys, groupFingerprint } from './signing';
import { type BundleProblem, verifyBundle } from './verify-bundle';

let sample: Awaited<ReturnType<typeof sampleBundle>>;
let fingerprint: string;

beforeAll(async () => {
  sample = await sampleBundle();
  fingerprint = (await exportPublicKey(sample.keys.publicKey)).fingerprint;
});

/** The sample's files, changed by `change`, zipped again by someone without the key. */
function tampered(change: (files: BundleFiles) => void): Uint8Array<ArrayBuffer> {
  const files = unzipBundle(sample.zip);
  change(files);
  return rezip(files);
}

function changeObservations(change: (entries: ChainEntry[]) => void): Uint8Array<ArrayBuffer> {
  return tampered((files) => {
    const file = readObservations(files);
    change(file.entries);
    writeObservations(files, file);
  });
}

const kinds = (problems: BundleProblem[]) => problems.map((p) => p.kind);

/** A file that differs from the manifest: by size, or by hash when the size happens to be the same. */
const changedFile = (file: string) =>
  expect.objectContaining({ kind: expect.stringMatching(/^file-(size|hash)$/), file });

describe('verifyBundle', () => {
  it('finds an untouched bundle intact, with or without the expected fingerprint', async () => {
    expect(await verifyBundle(sample.zip)).toEqual({
      status: 'intact',
      problems: [],
      manifest: sample.manifest,
      signer: { fingerprint, check: 'not-checked' },
    });
    const grouped = groupFingerprint(fingerprint).toUpperCase();
    expect(await verifyBundle(sample.zip, { expectedFingerprint: grouped })).toMatchObject({
      status: 'intact',
      signer: { fingerprint, check: 'matches' },
    });
  });

  it('finds one flipped byte of a screenshot, and names the screenshot', async () => {
    const zip = sample.zip.slice();
    const at = indexOf(zip, TINY_PNG) + 40;
    zip[at] = (zip[at] ?? 0) ^ 0x01;
    const verdict = await verifyBundle(zip);
    expect(verdict.status).toBe('tampered');
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({ kind: 'file-hash', file: 'screenshots/page-1.png' }),
    );
    expect(kinds(verdict.problems)).toContain('seal');
  });

  it('finds one flipped byte of report.html, and names it', async () => {
    const zip = sample.zip.slice();
    const at = indexOf(zip, new TextEncoder().encode('<h1>Privacy report</h1>')) + 5;
    zip[at] = (zip[at] ?? 0) ^ 0x01;
    const verdict = await verifyBundle(zip);
    expect(verdict.status).toBe('tampered');
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({ kind: 'file-hash', file: 'report.html' }),
    );
    const problem = verdict.problems.find((p) => p.file === 'report.html');
    expect(problem?.message).toMatch(/^report\.html was changed/);
    const html = new TextDecoder().decode(unzipBundle(sample.zip)['report.html']);
    const line = html.slice(0, html.indexOf('<h1>')).split('\n').length;
    expect(problem?.line).toBe(line);
    expect(problem?.message).toContain(`It first differs from what report.json gives at line ${line} (byte `);
  });

  it('says at which line a changed CSV or HAR first differs from what report.json and the chain give', async () => {
    const verdict = await verifyBundle(
      tampered((files) => {
        const csv = new TextDecoder().decode(files['findings.csv']).split('\r\n');
        csv[3] = (csv[3] as string).replace(/^(high|medium|low)/, 'none');
        files['findings.csv'] = new TextEncoder().encode(csv.join('\r\n'));
        const har = readJson<{ log: { entries: { request: { url: string } }[] } }>(files, 'captured.har');
        (har.log.entries[2] as { request: { url: string } }).request.url = 'https://elsewhere.example/';
        writeJson(files, 'captured.har', har);
      }),
    );
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({
        file: 'findings.csv',
        line: 4,
        message: expect.stringContaining('It first differs from what report.json gives at line 4'),
      }),
    );
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({
        file: 'captured.har',
        line: 1,
        message: expect.stringContaining(
          'It first differs from what observations.ndjson and report.json give at line 1',
        ),
      }),
    );
  });

  it('does not say where a derived file differs when report.json changed too', async () => {
    const verdict = await verifyBundle(
      tampered((files) => {
        const report = readJson<Report>(files, 'report.json');
        report.violations.shift();
        writeJson(files, 'report.json', report);
        files['findings.csv'] = new TextEncoder().encode('severity\r\n');
      }),
    );
    const csv = verdict.problems.find((p) => p.file === 'findings.csv');
    expect(csv?.kind).toMatch(/^file-(size|hash)$/);
    expect(csv?.line).toBeUndefined();
  });

  it('finds report.html removed, even from a re-signed manifest', async () => {
    const files = unzipBundle(sample.zip);
    delete files['report.html'];
    const manifest = readJson<Manifest>(files, 'manifest.json');
    manifest.files = manifest.files.filter((f) => f.path !== 'report.html');
    writeJson(files, 'manifest.json', manifest);
    const verdict = await verifyBundle(await forge(files, sample.keys));
    expect(verdict.problems).toEqual([
      expect.objectContaining({
        kind: 'file-missing',
        file: 'report.html',
        message: 'manifest.json does not list report.html.',
      }),
    ]);
  });

  it('finds an edited observation, at its entry', async () => {
    const verdict = await verifyBundle(
      changeObservations((entries) => {
        (entries[5] as ChainEntry).observation.pageUrl = 'https://elsewhere.example/';
      }),
    );
    expect(verdict.status).toBe('tampered');
    expect(verdict.problems).toContainEqual(changedFile(OBSERVATIONS_NDJSON));
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({
        kind: 'chain',
        change: 'edited',
        file: OBSERVATIONS_NDJSON,
        index: 5,
        observationId: sample.entries[5]?.observation.id,
        message: expect.stringContaining(`In ${OBSERVATIONS_NDJSON} at line 7, entry 5 was changed`),
      }),
    );
  });

  it('finds an observation line re-spelled but equal as JSON, since the stored text is what is hashed', async () => {
    const verdict = await verifyBundle(
      tampered((files) => {
        const lines = new TextDecoder().decode(files[OBSERVATIONS_NDJSON]).split('\n');
        lines[4] = JSON.stringify(JSON.parse(lines[4] as string), null, 1).replaceAll('\n', '');
        files[OBSERVATIONS_NDJSON] = new TextEncoder().encode(lines.join('\n'));
      }),
    );
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({ kind: 'chain', change: 'malformed', index: 3 }),
    );
  });

  it('finds a deleted observation, and the violations that cite it', async () => {
    const cited = sample.report.violations[0]?.observationIds[0];
    const index = sample.entries.findIndex((e) => e.observation.id === cited);
    expect(index).toBeGreaterThan(0);
    const verdict = await verifyBundle(changeObservations((entries) => entries.splice(index, 1)));
    expect(verdict.status).toBe('tampered');
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({ kind: 'chain', change: 'deleted', index }),
    );
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({ kind: 'citation', file: 'report.json', observationId: cited }),
    );
  });

  it('finds reordered observations', async () => {
    const verdict = await verifyBundle(
      changeObservations((entries) => {
        [entries[10], entries[11]] = [entries[11] as ChainEntry, entries[10] as ChainEntry];
      }),
    );
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({
        kind: 'chain',
        change: 'reordered',
        index: 10,
        observationId: sample.entries[11]?.observation.id,
      }),
    );
  });

  it('finds an inserted observation', async () => {
    const verdict = await verifyBundle(
      changeObservations((entries) => {
        const copy = structuredClone(entries[3] as ChainEntry);
        copy.observation.id = 'planted';
        entries.splice(7, 0, copy);
      }),
    );
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({ kind: 'chain', change: 'inserted', index: 7, observationId: 'planted' }),
    );
  });

  it('finds a violation removed from report.json', async () => {
    const verdict = await verifyBundle(
      tampered((files) => {
        const report = readJson<Report>(files, 'report.json');
        report.violations.shift();
        writeJson(files, 'report.json', report);
      }),
    );
    expect(verdict.status).toBe('tampered');
    expect(verdict.problems).toContainEqual(changedFile('report.json'));
  });

  it('finds a public key swapped for another', async () => {
    const other = await exportPublicKey((await generateSigningKeys({ extractable: false })).publicKey);
    const verdict = await verifyBundle(
      tampered((files) => {
        const manifest = readJson<Manifest>(files, 'manifest.json');
        manifest.publicKey.jwk = other.jwk;
        writeJson(files, 'manifest.json', manifest);
      }),
    );
    expect(verdict.status).toBe('tampered');
    expect(kinds(verdict.problems)).toEqual(expect.arrayContaining(['public-key', 'signature', 'seal']));
  });

  it('finds a signature swapped for another bundle’s, or corrupted', async () => {
    const otherSignature = (await sampleBundle()).manifest.signature;
    const swapped = await verifyBundle(
      tampered((files) => {
        const manifest = readJson<Manifest>(files, 'manifest.json');
        manifest.signature = otherSignature;
        writeJson(files, 'manifest.json', manifest);
      }),
    );
    expect(swapped.problems).toContainEqual(
      expect.objectContaining({ kind: 'signature', file: 'manifest.json' }),
    );

    const corrupted = await verifyBundle(
      tampered((files) => {
        const manifest = readJson<Manifest>(files, 'manifest.json');
        const value = manifest.signature.value;
        manifest.signature.value = `${value[0] === 'A' ? 'B' : 'A'}${value.slice(1)}`;
        writeJson(files, 'manifest.json', manifest);
      }),
    );
    expect(corrupted.status).toBe('tampered');
    expect(corrupted.problems).toContainEqual(
      expect.objectContaining({ kind: 'signature', file: 'manifest.json' }),
    );
  });

  it('cannot tell a bundle re-signed with another key from the original, unless given the fingerprint', async () => {
    const forgerKeys = await generateSigningKeys({ extractable: false });
    const forged = await forge(unzipBundle(sample.zip), forgerKeys);
    expect((await verifyBundle(forged)).status).toBe('intact');
    const verdict = await verifyBundle(forged, { expectedFingerprint: fingerprint });
    expect(verdict.status).toBe('tampered');
    expect(verdict.problems).toEqual([
      expect.objectContaining({
        kind: 'public-key',
        message: expect.stringContaining(`not the expected ${fingerprint}`),
      }),
    ]);
  });

  it('finds a violation citing an observation the chain does not hold, even when properly signed', async () => {
    const files = unzipBundle(sample.zip);
    const report = readJson<Report>(files, 'report.json');
    report.violations[0]?.observationIds.push('never-observed');
    writeJson(files, 'report.json', report);
    const verdict = await verifyBundle(await forge(files, sample.keys));
    expect(verdict.status).toBe('tampered');
    expect(verdict.problems).toEqual([
      expect.objectContaining({ kind: 'citation', file: 'report.json', observationId: 'never-observed' }),
    ]);
  });

  it('finds files added, removed or compressed', async () => {
    const added = await verifyBundle(
      tampered((files) => {
        files['extra.json'] = new Uint8Array([123, 125]);
      }),
    );
    expect(added.problems).toContainEqual(
      expect.objectContaining({ kind: 'file-extra', file: 'extra.json' }),
    );

    const removed = await verifyBundle(
      tampered((files) => {
        delete files['captured.har'];
      }),
    );
    expect(removed.problems).toContainEqual(
      expect.objectContaining({ kind: 'file-missing', file: 'captured.har' }),
    );

    const files = unzipBundle(sample.zip);
    const compressed = await verifyBundle(
      zipSync(
        { ...files, 'findings.csv': [files['findings.csv'] as Uint8Array, { level: 6 }] },
        { level: 0 },
      ),
    );
    expect(compressed.problems).toContainEqual(
      expect.objectContaining({ kind: 'container', file: 'findings.csv' }),
    );
  });

  it('says a file the signature vouches for but cannot be parsed is unreadable; changed, it is tampered', async () => {
    const deep = new TextEncoder().encode(`${'['.repeat(100)}${']'.repeat(100)}`);
    const signedBroken = await verifyBundle(
      await forge({ ...unzipBundle(sample.zip), [OBSERVATIONS_NDJSON]: deep }, sample.keys),
    );
    expect(signedBroken.status).toBe('unreadable');
    expect(signedBroken.problems).toEqual([
      expect.objectContaining({
        kind: 'unreadable',
        file: OBSERVATIONS_NDJSON,
        message: expect.stringContaining('nests 100 levels'),
      }),
    ]);
    const changedBroken = await verifyBundle(
      tampered((files) => {
        files['report.json'] = new TextEncoder().encode('{"violations": [');
      }),
    );
    expect(changedBroken.status).toBe('tampered');
    expect(changedBroken.problems).toContainEqual(
      expect.objectContaining({ kind: 'malformed', file: 'report.json' }),
    );
  });

  it('says what is unreadable: not a zip, no manifest, a manifest that is not JSON or not a manifest', async () => {
    const notZip = await verifyBundle(new TextEncoder().encode('%PDF-1.7 this is not a zip'));
    expect(notZip).toMatchObject({ status: 'unreadable', problems: [{ kind: 'unreadable' }] });
    expect(notZip.problems[0]?.message).toBe(
      'Not an evidence bundle: it neither starts with a zip entry nor ends with a zip’s end record.',
    );

    const noManifest = await verifyBundle(
      tampered((files) => {
        delete files['manifest.json'];
      }),
    );
    expect(noManifest).toMatchObject({ status: 'unreadable', problems: [{ file: 'manifest.json' }] });

    const notJson = await verifyBundle(
      tampered((files) => {
        files['manifest.json'] = new TextEncoder().encode('{"format": ');
      }),
    );
    expect(notJson).toMatchObject({
      status: 'unreadable',
      problems: [{ message: expect.stringContaining('not valid JSON') }],
    });

    const notManifest = await verifyBundle(
      tampered((files) => {
        writeJson(files, 'manifest.json', { format: 'jeejio-evidence-bundle/1', files: 'all of them' });
      }),
    );
    expect(notManifest).toMatchObject({
      status: 'unreadable',
      problems: [{ message: expect.stringContaining('not a bundle manifest') }],
    });
  });

  it('finds the bundle tampered, never intact or unreadable, after any single byte of it changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(sample.zip.length - 1), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        const zip = sample.zip.slice();
        zip[at] = (zip[at] ?? 0) ^ mask;
        const verdict = await verifyBundle(zip);
        expect(verdict.status, `byte ${at} ^ ${mask}`).toBe('tampered');
        expect(verdict.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    // 300 runs take about 4 s on an idle core; the CPU is shared when the whole suite runs.
  }, 30_000);
});

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error('not found');
}
