import { unzipSync, zipSync } from 'fflate';
import { expect } from 'vitest';
import { type BundleInput, buildBundle, type Screenshot } from '../../src/core/evidence/build-bundle';
import { MANIFEST_FILE, MANIFEST_SIGNATURE_FILE } from '../../src/core/evidence/bundle-layout';
import { sha256HexOfBytes } from '../../src/core/evidence/digests';
import { type ChainEntry, EMPTY_CHAIN, extendChain } from '../../src/core/evidence/hash-chain';
import { type Manifest, signedPart } from '../../src/core/evidence/manifest';
import { signManifestBytes } from '../../src/core/evidence/manifest-signature';
import { OBSERVATIONS_FORMAT } from '../../src/core/evidence/observations-file';
import { exportPublicKey, generateSigningKeys, signCanonical } from '../../src/core/evidence/signing';
import { sealZip } from '../../src/core/evidence/zip-seal';
import type { Observation, RecordedLog } from '../../src/core/observations/observation';
import { JEEJIO_POLICY_2023_07 as policy } from '../../src/core/policy/jeejio-policy-2023-07';
import { buildReport } from '../../src/core/report/build-report';
import demoSession from './fixtures/demo-session.json';

export const sampleLog = demoSession as RecordedLog;

/** A 1×1 PNG: enough bytes to stand for a screenshot. */
export const TINY_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/** A signed bundle of the recorded demo session, with one screenshot. */
export async function sampleBundle(
  keys?: CryptoKeyPair,
  options: Pick<BundleInput, 'stamp'> & { created?: Date; observations?: Observation[] } = {},
) {
  const signingKeys = keys ?? (await generateSigningKeys({ extractable: false }));
  const observations = options.observations ?? sampleLog.observations;
  const report = buildReport({
    tool: { name: 'jeejio-privacy-inspector', version: '0.1.0' },
    policy,
    pages: sampleLog.pages,
    observations,
    generatedAt: 1_700_000_100_000,
  });
  const { entries, observationTexts } = extendChain(EMPTY_CHAIN, observations);
  const screenshots: Screenshot[] = [{ name: 'page-1.png', bytes: TINY_PNG }];
  const bundle = await buildBundle({
    report,
    pages: sampleLog.pages,
    entries,
    observationTexts,
    screenshots,
    environment: { browser: 'Chromium 140', platform: 'linux' },
    keys: signingKeys,
    created: options.created ?? new Date('2025-01-02T03:04:05Z'),
    ...(options.stamp && { stamp: options.stamp }),
  });
  return { ...bundle, keys: signingKeys, report, entries, observationTexts, screenshots };
}

export type BundleFiles = Record<string, Uint8Array<ArrayBuffer>>;

export function unzipBundle(zip: Uint8Array): BundleFiles {
  return unzipSync(zip) as BundleFiles;
}

/** The files zipped again as the exporter would, but without a seal: what a tamperer without the key makes. */
export function rezip(files: BundleFiles): Uint8Array<ArrayBuffer> {
  return zipSync(files, { level: 0 }) as Uint8Array<ArrayBuffer>;
}

export function readJson<T>(files: BundleFiles, name: string): T {
  return JSON.parse(new TextDecoder().decode(files[name])) as T;
}

export function writeJson(files: BundleFiles, name: string, value: unknown): void {
  files[name] = new TextEncoder().encode(JSON.stringify(value));
}

export const OBSERVATIONS_NDJSON = 'observations.ndjson';

/** observations.ndjson's header and entry lines, parsed. */
export function readObservations(files: BundleFiles): {
  header: Record<string, unknown>;
  entries: ChainEntry[];
} {
  const [header, ...entries] = new TextDecoder()
    .decode(files[OBSERVATIONS_NDJSON])
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  expect(header.format).toBe(OBSERVATIONS_FORMAT);
  return { header, entries };
}

/**
 * Writes observations.ndjson back as a tamperer would. JSON.stringify keeps
 * the members in the order they were read in, so untouched lines come out
 * as they were.
 */
export function writeObservations(
  files: BundleFiles,
  { header, entries }: { header: unknown; entries: unknown[] },
): void {
  const lines = [header, ...entries].map((line) => `${JSON.stringify(line)}\n`);
  files[OBSERVATIONS_NDJSON] = new TextEncoder().encode(lines.join(''));
}

/**
 * A forger with a key of their own: changes files, then lists, signs and
 * seals them as the exporter would. Everything verifies, except against the
 * fingerprint the real auditor handed over.
 */
export async function forge(files: BundleFiles, keys: CryptoKeyPair): Promise<Uint8Array<ArrayBuffer>> {
  const manifest = readJson<Manifest>(files, MANIFEST_FILE);
  for (const f of manifest.files) {
    const bytes = files[f.path] as Uint8Array<ArrayBuffer>;
    f.bytes = bytes.length;
    f.hash = `sha256:${await sha256HexOfBytes(bytes)}`;
  }
  manifest.publicKey = await exportPublicKey(keys.publicKey);
  manifest.signature = {
    algorithm: 'ES256',
    value: await signCanonical(keys.privateKey, signedPart(manifest)),
  };
  writeJson(files, MANIFEST_FILE, manifest);
  files[MANIFEST_SIGNATURE_FILE] = await signManifestBytes(
    keys.privateKey,
    files[MANIFEST_FILE] as Uint8Array<ArrayBuffer>,
  );
  return sealZip(rezip(files), keys.privateKey);
}
