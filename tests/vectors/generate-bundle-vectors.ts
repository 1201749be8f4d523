import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { BUNDLED_REFERENCE_TABLES } from '../../src/core/classify/bundled-reference-tables';
import { provideReferenceTables } from '../../src/core/classify/reference-tables';
import { buildBundle } from '../../src/core/evidence/build-bundle';
import { EMPTY_CHAIN, extendChain } from '../../src/core/evidence/hash-chain';
import { exportPublicKey, generateSigningKeys, ecdsaTwin as twin } from '../../src/core/evidence/signing';
import { timestampRequest } from '../../src/core/evidence/timestamp/timestamp-request';
import { tokenOfResponse } from '../../src/core/evidence/timestamp/timestamp-response';
import { sealZip } from '../../src/core/evidence/zip-seal';
import type { RecordedLog } from '../../src/core/observations/observation';
import { JEEJIO_POLICY_2023_07 as policy } from '../../src/core/policy/jeejio-policy-2023-07';
import { buildReport } from '../../src/core/report/build-report';
import demoSession from '../support/fixtures/demo-session.json';
import { startLocalTsa } from '../support/local-tsa';
import { BUNDLE_VECTORS_DIR, type BundleVector } from './bundle-vectors';

/**
 * Writes the bundle test vectors of docs/bundle-format.md: a small intact
 * bundle stamped by a TSA made with `openssl ts`, and bundles each wrong in
 * one way, with what a verifier must say of each (vectors.json). Run it
 * again only when the format changes: `npm run generate:test-vectors`.
 */
provideReferenceTables(BUNDLED_REFERENCE_TABLES);
const log = demoSession as RecordedLog;
const page = log.pages.find((p) => p.url === 'https://www.jeejio.com/') ?? log.pages[0];
if (!page) throw new Error('The demo session has no page');
const observations = log.observations.filter((o) => o.visitId === page.visitId).slice(0, 8);

// Its certificate expires half a minute after the vectors are made: every check of them shows a TSA certificate
// judged at the stamped time, as evidence outlives the certificates that stamped it.
const tsa = await startLocalTsa('Jeejio Test Vector TSA', { signerValidSeconds: 30 });
const otherTsa = await startLocalTsa('Another Test TSA');
const stamp = (bytes: Uint8Array<ArrayBuffer>) => stampAt(bytes);
async function stampAt(bytes: Uint8Array<ArrayBuffer>, authority = tsa): Promise<Uint8Array<ArrayBuffer>> {
  const request = await timestampRequest(bytes);
  const answer = tokenOfResponse(await authority.reply(request.der), request);
  if ('error' in answer) throw new Error(answer.error);
  return answer.token;
}

async function bundle(options: {
  keys: CryptoKeyPair;
  created?: Date;
  stamp?: ((bytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array<ArrayBuffer>>) | null;
}): Promise<Uint8Array<ArrayBuffer>> {
  const created = options.created ?? new Date();
  const report = buildReport({
    tool: { name: 'jeejio-privacy-inspector', version: '0.1.0' },
    policy,
    pages: [page as RecordedLog['pages'][number]],
    observations,
    generatedAt: created.getTime() - 1000,
  });
  const { entries, observationTexts } = extendChain(EMPTY_CHAIN, observations);
  const built = await buildBundle({
    report,
    pages: [page as RecordedLog['pages'][number]],
    entries,
    observationTexts,
    environment: { purpose: 'test vector of docs/bundle-format.md' },
    keys: options.keys,
    created,
    ...(options.stamp !== null && { stamp: options.stamp ?? stamp }),
  });
  if (built.timestamp && 'error' in built.timestamp) throw new Error(built.timestamp.error);
  return built.zip;
}

/** The zip with one byte flipped: `offset` bytes into where `marker` first occurs. */
function flip(zip: Uint8Array, marker: Uint8Array | string, offset: number): Uint8Array {
  const bytes = Buffer.from(zip);
  const at = bytes.indexOf(typeof marker === 'string' ? Buffer.from(marker) : Buffer.from(marker)) + offset;
  if (at < offset) throw new Error('marker not found');
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return bytes;
}

const keys = await generateSigningKeys({ extractable: false });
const foreignKeys = await generateSigningKeys({ extractable: false });
const intact = await bundle({ keys });
const token = unzipSync(intact)['timestamp.tst'] as Uint8Array;
const { fingerprint } = await exportPublicKey(keys.publicKey);

const vectors: [BundleVector, Uint8Array][] = [
  [
    {
      file: 'intact.zip',
      description: 'A bundle as the exporter writes it, stamped by the test TSA.',
      verifyExitCode: 0,
      recipeExitCode: 0,
      problems: [],
    },
    intact,
  ],
  [
    {
      file: 'unstamped.zip',
      description:
        'An intact bundle without a timestamp: verify with --tsa-cert cannot establish a trusted time.',
      verifyExitCode: 3,
      recipeExitCode: 1,
      problems: [],
    },
    await bundle({ keys, stamp: null }),
  ],
  [
    {
      file: 'seal-twin.zip',
      description:
        "The seal rewritten into its twin (r, n − s) without the key: a valid ECDSA signature, but not the exporter's bytes.",
      verifyExitCode: 1,
      recipeExitCode: 1,
      problems: ['seal'],
    },
    withSealText(intact, (raw) => base64(twin(raw))),
  ],
  [
    {
      file: 'seal-non-canonical-base64.zip',
      description:
        "The seal's base64 with its unused padding bits set: the same signature bytes, another file.",
      verifyExitCode: 1,
      recipeExitCode: 1,
      problems: ['seal'],
    },
    withSealText(intact, (raw) => {
      const text = base64(raw);
      const last = text.charCodeAt(85);
      // The character before "==" carries 4 unused bits; setting the lowest changes no decoded byte.
      return `${text.slice(0, 85)}${String.fromCharCode(last === 0x41 ? 0x42 : last + 1)}${text.slice(86)}`;
    }),
  ],
  [
    {
      file: 'token-of-another-tsa.zip',
      description:
        'A genuine token over this manifest from a TSA that tsa-root.pem does not vouch for; sealed by the exporter.',
      verifyExitCode: 1,
      recipeExitCode: 1,
      problems: ['timestamp'],
    },
    await bundle({ keys, stamp: (bytes) => stampAt(bytes, otherTsa) }),
  ],
  [
    {
      file: 'tampered-report-byte.zip',
      description: 'One byte of report.json changed after sealing.',
      verifyExitCode: 1,
      recipeExitCode: 1,
      problems: ['file-hash', 'seal'],
    },
    flip(intact, '"title":"', 12),
  ],
  [
    {
      file: 'tampered-token-byte.zip',
      description: 'One byte of the token (timestamp.tst) changed after sealing: its signature.',
      verifyExitCode: 1,
      recipeExitCode: 1,
      problems: ['seal', 'timestamp'],
    },
    flip(intact, token.subarray(token.length - 16), 8),
  ],
  [
    {
      file: 'token-for-another-digest.zip',
      description:
        'A genuine token of the same TSA, but for other bytes than manifest.json; sealed by the exporter.',
      verifyExitCode: 1,
      recipeExitCode: 1,
      problems: ['timestamp'],
    },
    await bundle({ keys, stamp: (bytes) => stampAt(new Uint8Array([...bytes, 0x0a])) }),
  ],
  [
    {
      file: 'manifest-signature-of-another-manifest.zip',
      description: 'manifest.sig taken from another bundle by the same key; sealed by the exporter.',
      verifyExitCode: 1,
      recipeExitCode: 1,
      problems: ['signature'],
    },
    await withOtherManifestSignature(keys),
  ],
  [
    {
      file: 'signed-by-another-key.zip',
      description:
        'A whole bundle made, signed, sealed and stamped with another key than the fingerprint given.',
      verifyExitCode: 1,
      recipeExitCode: 1,
      problems: ['public-key'],
    },
    await bundle({ keys: foreignKeys }),
  ],
  [
    {
      file: 'recorded-after-the-stamp.zip',
      description: "The manifest says it was created an hour after the TSA's time.",
      verifyExitCode: 1,
      recipeExitCode: 1,
      problems: ['clock'],
    },
    await bundle({ keys, created: new Date(Date.now() + 3600_000) }),
  ],
];

/** The zip with its seal's base64 text replaced by what `rewrite` makes of the signature's raw bytes. */
function withSealText(zip: Uint8Array, rewrite: (raw: Uint8Array) => string): Uint8Array {
  const bytes = Buffer.from(zip);
  const raw = Buffer.from(bytes.subarray(bytes.length - 88).toString('latin1'), 'base64');
  const text = rewrite(raw);
  if (text.length !== 88) throw new Error('a seal is 88 base64 characters');
  bytes.write(text, bytes.length - 88, 'latin1');
  return bytes;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** The exporter's own bundle, its manifest.sig swapped for the one of a bundle made a second later, resealed. */
async function withOtherManifestSignature(signing: CryptoKeyPair): Promise<Uint8Array> {
  const first = unzipSync(await bundle({ keys: signing }));
  const second = unzipSync(await bundle({ keys: signing, created: new Date(Date.now() - 1000) }));
  const files = { ...first, 'manifest.sig': second['manifest.sig'] as Uint8Array };
  return sealZip(zipSync(files, { level: 0 }) as Uint8Array<ArrayBuffer>, signing.privateKey);
}

await mkdir(BUNDLE_VECTORS_DIR, { recursive: true });
for (const [vector, zip] of vectors) await writeFile(join(BUNDLE_VECTORS_DIR, vector.file), zip);
await copyFile(tsa.caPath, join(BUNDLE_VECTORS_DIR, 'tsa-root.pem'));
await writeFile(
  join(BUNDLE_VECTORS_DIR, 'vectors.json'),
  `${JSON.stringify({ format: 'jeejio-evidence/1', fingerprint, tsaRoot: 'tsa-root.pem', vectors: vectors.map(([v]) => v) }, null, 2)}\n`,
);
await Promise.all([tsa.close(), otherTsa.close()]);
console.log(`Wrote ${vectors.length} bundle vectors to ${BUNDLE_VECTORS_DIR}, signed by ${fingerprint}`);
