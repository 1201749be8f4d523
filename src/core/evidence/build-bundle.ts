import type { PageVisit } from '../observations/observation';
import type { Report } from '../report/report-types';
import {
  FINDINGS_FILE,
  HAR_FILE,
  MANIFEST_FILE,
  MANIFEST_SIGNATURE_FILE,
  OBSERVATIONS_FILE,
  REPORT_FILE,
  REPORT_HTML_FILE,
  SCREENSHOT_DIR,
  SCREENSHOT_NAME,
  TIMESTAMP_FILE,
} from './bundle-layout';
import { derivedFile } from './derived-files';
import { sha256HexOfBytes } from './digests';
import { CHAIN_ALGORITHM, type ChainEntry, GENESIS_HASH } from './hash-chain';
import { MANIFEST_FORMAT, type Manifest, type UnsignedManifest } from './manifest';
import { signManifestBytes } from './manifest-signature';
import { serializeObservationsFile } from './observations-file';
import type { SecretsHandling } from './redaction-scheme';
import { exportPublicKey, SIGNATURE_ALGORITHM, signCanonical } from './signing';
import { storedZip } from './stored-zip';
import type { TimestampToken } from './timestamp/timestamp-token';
import { SEAL_LENGTH, sealInPlace } from './zip-seal';

export interface Screenshot {
  /** A plain file name (letters, digits, . _ -), stored as screenshots/NAME. */
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface BundleInput {
  report: Report;
  pages: readonly PageVisit[];
  /** The whole chain from its first entry: as the extension stored it, or as `extendChain` made it. */
  entries: readonly ChainEntry[];
  /**
   * The JCS text of each entry's observation, as `extendChain` returns it;
   * without it each observation is canonicalised again here.
   */
  observationTexts?: readonly string[];
  screenshots?: readonly Screenshot[];
  /** Where and with what the evidence was gathered, as the caller knows it. */
  environment?: Readonly<Record<string, string>>;
  /**
   * What was done with the recorder's credentials, signed in the manifest. The
   * caller redacts (see `redactSecrets`) before it chains: this only says so.
   */
  secrets?: SecretsHandling;
  keys: CryptoKeyPair;
  created: Date;
  /** The zip's CRC-32: JavaScript by default; the CLI passes Node's native zlib.crc32. */
  crc32?: (bytes: Uint8Array) => number;
  /**
   * Asks a time-stamping authority to stamp the manifest's exact bytes and
   * returns its token (DER), or throws why it could not. A bundle whose stamp
   * fails is still written, without a token, and says why (`Bundle.timestamp`):
   * nothing recorded is lost for want of a TSA.
   */
  stamp?: (manifestBytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array<ArrayBuffer>>;
  /** Told as each step ends (`BundleStep`), so a caller can time them: the popup marks them for the export bench. */
  onStep?: (step: BundleStep) => void;
}

/** The steps of `buildBundle`, in order. */
export type BundleStep =
  | 'derived-files'
  | 'report-json'
  | 'observations-file'
  | 'hashes'
  | 'manifest'
  | 'timestamp'
  | 'zip'
  | 'seal';

export interface Bundle {
  zip: Uint8Array<ArrayBuffer>;
  manifest: Manifest;
  /** With `stamp`: what the TSA's token says, or why the bundle has none. */
  timestamp?: { token: TimestampToken } | { error: string };
}

const encoder = new TextEncoder();

/**
 * The evidence bundle as zip bytes: the report (as JSON and as a page for
 * people), the chained observations, a HAR of the requests, the findings as CSV, the screenshots, and a signed
 * manifest of them all; then the zip is sealed. Entries are stored, not
 * deflated: the JSON of 100,000 observations would take longer to compress
 * than to write, and a verifier that never inflates cannot be zip-bombed.
 */
export async function buildBundle(input: BundleInput): Promise<Bundle> {
  const screenshots = input.screenshots ?? [];
  checkScreenshotNames(screenshots);
  const { report, pages, entries } = input;
  if (entries.length > 0 && entries[0]?.seq !== 0)
    throw new Error('A bundle holds the whole chain, from entry 0');
  const files: [string, Uint8Array<ArrayBuffer>][] = [];
  const digests: Promise<string>[] = [];
  // WebCrypto hashes each file on another thread while this one serialises the next.
  const add = (path: string, bytes: Uint8Array<ArrayBuffer>) => {
    files.push([path, bytes]);
    digests.push(sha256HexOfBytes(bytes));
  };
  const screenshotPaths = screenshots.map((s) => `${SCREENSHOT_DIR}${s.name}`);
  const sources = {
    report,
    pages,
    observations: entries.map((e) => e.observation),
    screenshots: screenshotPaths,
  };
  // The smaller files first: once the large ones are allocated, every allocation pays for
  // marking a heap hundreds of megabytes larger.
  const html = derivedFile(REPORT_HTML_FILE, sources);
  const findings = derivedFile(FINDINGS_FILE, sources);
  const har = derivedFile(HAR_FILE, sources);
  const step = input.onStep ?? (() => {});
  step('derived-files');
  // Large files are neither indented nor end in a newline: appending one copies a string of
  // hundreds of megabytes. A third smaller, they are faster to hash and parse; any viewer lays them out.
  add(REPORT_FILE, encoder.encode(JSON.stringify(report)));
  step('report-json');
  add(REPORT_HTML_FILE, html);
  add(OBSERVATIONS_FILE, serializeObservationsFile(pages, entries, input.observationTexts));
  step('observations-file');
  add(HAR_FILE, har);
  add(FINDINGS_FILE, findings);
  screenshots.forEach((s, i) => {
    add(screenshotPaths[i] as string, s.bytes);
  });
  const [hashes, publicKey] = await Promise.all([
    Promise.all(digests),
    exportPublicKey(input.keys.publicKey),
  ]);
  step('hashes');
  const listed = files.map(([path, bytes], i) => ({
    path,
    bytes: bytes.length,
    hash: `sha256:${hashes[i]}`,
  }));
  const unsigned: UnsignedManifest = {
    format: MANIFEST_FORMAT,
    created: input.created.toISOString(),
    tool: report.tool,
    policy: report.policy,
    ruleSetVersion: report.ruleSetVersion,
    environment: { ...input.environment },
    files: listed,
    chain: { algorithm: CHAIN_ALGORITHM, length: entries.length, head: entries.at(-1)?.hash ?? GENESIS_HASH },
    ...(input.secrets && { secrets: input.secrets }),
    publicKey,
  };
  const manifest: Manifest = {
    ...unsigned,
    signature: {
      algorithm: SIGNATURE_ALGORITHM,
      value: await signCanonical(input.keys.privateKey, unsigned),
    },
  };
  const manifestBytes = encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);
  step('manifest');
  const signatures: [string, Uint8Array<ArrayBuffer>][] = [
    [MANIFEST_FILE, manifestBytes],
    [MANIFEST_SIGNATURE_FILE, await signManifestBytes(input.keys.privateKey, manifestBytes)],
  ];
  const timestamp = input.stamp ? await stampManifest(input.stamp, manifestBytes) : undefined;
  if (timestamp && 'der' in timestamp) signatures.push([TIMESTAMP_FILE, timestamp.der]);
  if (input.stamp) step('timestamp');
  const zip = storedZip([...files, ...signatures], {
    mtime: input.created,
    commentLength: SEAL_LENGTH,
    ...(input.crc32 && { crc32: input.crc32 }),
  });
  step('zip');
  const sealed = await sealInPlace(zip, input.keys.privateKey);
  step('seal');
  return {
    zip: sealed,
    manifest,
    ...(timestamp && { timestamp: 'der' in timestamp ? { token: timestamp.token } : timestamp }),
  };
}

/** The TSA's token over the manifest, read back so the caller can say what it stamped; or why there is none. */
async function stampManifest(
  stamp: NonNullable<BundleInput['stamp']>,
  manifestBytes: Uint8Array<ArrayBuffer>,
): Promise<{ der: Uint8Array<ArrayBuffer>; token: TimestampToken } | { error: string }> {
  try {
    const der = await stamp(manifestBytes);
    // Loaded only to stamp: PKI.js is most of the export's code, and most exports are not stamped.
    const { readTimestampToken } = await import('./timestamp/timestamp-token');
    const read = readTimestampToken(der);
    return 'error' in read ? { error: `the token ${read.error}` } : { der, token: read.token };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function checkScreenshotNames(screenshots: readonly Screenshot[]): void {
  const names = new Set<string>();
  for (const { name } of screenshots) {
    if (!SCREENSHOT_NAME.test(name)) throw new Error(`Not a screenshot file name: ${JSON.stringify(name)}`);
    if (names.has(name)) throw new Error(`Two screenshots are named ${name}`);
    names.add(name);
  }
}
