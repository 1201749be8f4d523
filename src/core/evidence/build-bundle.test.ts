import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BundleFiles,
  readJson,
  readObservations,
  sampleBundle,
  TINY_PNG,
  unzipBundle,
} from '../../../tests/support/evidence-bundle';
import { toReportHtml } from '../formats/report-html';
import { buildBundle } from './build-bundle';
import { sha256HexOfBytes } from './digests';
import { GENESIS_HASH } from './hash-chain';
import { MANIFEST_FORMAT, type Manifest, signedPart } from './manifest';
import { OBSERVATIONS_FORMAT } from './observations-file';
import { exportPublicKey, importPublicKey, verifyCanonical } from './signing';
import { readSeal } from './zip-seal';

describe('buildBundle', () => {
  let sample: Awaited<ReturnType<typeof sampleBundle>>;
  let files: BundleFiles;
  beforeAll(async () => {
    sample = await sampleBundle();
    files = unzipBundle(sample.zip);
  });

  it('holds the report, the chained observations, the HAR, the findings, the screenshots and the manifest', () => {
    expect(Object.keys(files)).toEqual([
      'report.json',
      'report.html',
      'observations.ndjson',
      'captured.har',
      'findings.csv',
      'screenshots/page-1.png',
      'manifest.json',
      'manifest.sig',
    ]);
    expect(readJson(files, 'report.json')).toEqual(sample.report);
    expect(new TextDecoder().decode(files['report.html'])).toBe(
      toReportHtml({ report: sample.report, rules: [], screenshots: ['screenshots/page-1.png'] }),
    );
    expect(readObservations(files)).toEqual({
      header: { format: OBSERVATIONS_FORMAT, chain: 'jeejio-chain/1', pages: expect.any(Array) },
      entries: sample.entries,
    });
    expect(
      readJson<{ log: { entries: unknown[] } }>(files, 'captured.har').log.entries.length,
    ).toBeGreaterThan(0);
    const csvRows = new TextDecoder().decode(files['findings.csv']).split('\r\n').filter(Boolean);
    expect(csvRows).toHaveLength(sample.report.findings.length + 1);
    expect(files['screenshots/page-1.png']).toEqual(TINY_PNG);
  });

  it('stores every entry uncompressed, so verifying never inflates anything', () => {
    const methods: number[] = [];
    unzipSync(sample.zip, {
      filter: (entry) => {
        methods.push(entry.compression);
        return false;
      },
    });
    expect(methods).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('lists every other file with its size and SHA-256 in the manifest, with what produced it', async () => {
    const manifest = readJson<Manifest>(files, 'manifest.json');
    expect(manifest).toEqual(sample.manifest);
    const listed = await Promise.all(
      Object.entries(files)
        .filter(([path]) => path !== 'manifest.json' && path !== 'manifest.sig')
        .map(async ([path, bytes]) => ({
          path,
          bytes: bytes.length,
          hash: `sha256:${await sha256HexOfBytes(bytes)}`,
        })),
    );
    expect(manifest.files).toEqual(listed);
    expect(manifest).toMatchObject({
      format: MANIFEST_FORMAT,
      created: '2025-01-02T03:04:05.000Z',
      tool: sample.report.tool,
      policy: sample.report.policy,
      ruleSetVersion: sample.report.ruleSetVersion,
      environment: { browser: 'Chromium 140', platform: 'linux' },
      chain: {
        algorithm: 'jeejio-chain/1',
        length: sample.entries.length,
        head: sample.entries.at(-1)?.hash,
      },
      publicKey: await exportPublicKey(sample.keys.publicKey),
    });
  });

  it('signs the canonical manifest without its signature, and seals the zip', async () => {
    const manifest = readJson<Manifest>(files, 'manifest.json');
    const key = await importPublicKey(manifest.publicKey.jwk);
    expect(manifest.signature.algorithm).toBe('ES256');
    expect(await verifyCanonical(key, manifest.signature.value, signedPart(manifest))).toBe(true);
    const seal = readSeal(sample.zip);
    expect('signed' in seal && seal.signed.length).toBe(sample.zip.length - 117);
    expect(new TextDecoder().decode(sample.zip.subarray(-117))).toMatch(
      /^jeejio-evidence-seal\/1 ES256 [A-Za-z0-9+/]{86}==$/,
    );
  });

  it('gives an empty chain the genesis head', async () => {
    const { manifest } = await buildBundle({
      report: sample.report,
      pages: [],
      entries: [],
      keys: sample.keys,
      created: new Date('2025-01-01T00:00:00Z'),
    });
    expect(manifest.chain).toEqual({ algorithm: 'jeejio-chain/1', length: 0, head: GENESIS_HASH });
  });

  it('refuses part of a chain', async () => {
    await expect(
      buildBundle({
        report: sample.report,
        pages: [],
        entries: sample.entries.slice(1),
        keys: sample.keys,
        created: new Date(),
      }),
    ).rejects.toThrow('whole chain');
  });

  it('refuses screenshot names that could land outside the bundle or collide', async () => {
    const input = { report: sample.report, pages: [], entries: [], keys: sample.keys, created: new Date() };
    for (const name of ['../evil.png', 'a/b.png', '', '.hidden']) {
      await expect(buildBundle({ ...input, screenshots: [{ name, bytes: TINY_PNG }] })).rejects.toThrow(
        'Not a screenshot file name',
      );
    }
    const twice = [
      { name: 'a.png', bytes: TINY_PNG },
      { name: 'a.png', bytes: TINY_PNG },
    ];
    await expect(buildBundle({ ...input, screenshots: twice })).rejects.toThrow('Two screenshots');
  });
});
