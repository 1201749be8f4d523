import type * as pkijs from 'pkijs';
import * as v from 'valibot';
import type { Observation } from '../observations/observation';
import type { Report } from '../report/report-types';
import {
  BUNDLE_LIMITS,
  HAR_FILE,
  MANIFEST_FILE,
  MANIFEST_SIGNATURE_FILE,
  OBSERVATIONS_FILE,
  REPORT_FILE,
  REQUIRED_FILES,
  SCREENSHOT_DIR,
  TIMESTAMP_FILE,
} from './bundle-layout';
import { derivedFile, firstDifference, isDerivedPath } from './derived-files';
import { type Sha256Hex, sha256HexOfBytes } from './digests';
import { MANIFEST_FORMAT, type Manifest, signedPart, validateManifest } from './manifest';
import { verifyManifestBytes } from './manifest-signature';
import { lineOfEntry, type ObservationsRead, readObservationsFile } from './observations-file';
import { parseJsonFile } from './parse-json-file';
import { readZip, type ZipContents } from './read-zip';
import {
  exportPublicKey,
  fromBase64,
  importPublicKey,
  isLowS,
  verifyBytes,
  verifyCanonical,
} from './signing';
import {
  checkBundleTimestamp,
  latestRecordedTime,
  type RecordedTime,
  type TimestampVerdict,
} from './timestamp/bundle-timestamp';
import { type ChainChange, verifyChain } from './verify-chain';
import { frameZip } from './zip-framing';
import { readSeal } from './zip-seal';

/**
 * - `intact`: every check holds (who signed it is `signer`'s business);
 * - `tampered`: the file is, or was, a bundle, and something in it differs
 *   from what was sealed and signed: cut, bytes put before or after it, a
 *   changed byte, files added, removed or renamed, a key other than the
 *   expected one;
 * - `unreadable`: there is nothing to check: an empty file, a file with no
 *   zip in it, a zip with neither a seal nor a manifest (no bundle's), one
 *   larger than the verifier reads, or a bundle whose manifest is not one
 *   and which carries no seal, or whose signature vouches for a file that
 *   cannot be parsed (signed that way: broken, not changed).
 */
export type BundleStatus = 'intact' | 'tampered' | 'unreadable';

/**
 * Whether the signing key is the one the checker expected: `matches` the
 * fingerprint given, `differs` from it, or `not-checked` when none was
 * given. A bundle carries its own public key, so without a fingerprint from
 * elsewhere a verdict says nothing about who signed it.
 */
export type SignerCheck = 'matches' | 'differs' | 'not-checked';

/**
 * - `unreadable`: the bundle cannot be checked (see `BundleStatus`);
 * - `container`: the zip around the files: bytes before or after it, cut
 *   short, records that contradict the file, entries a bundle never has
 *   (compressed, duplicated, names with `..`);
 * - `seal`: bytes of the zip changed after it was sealed;
 * - `signature`, `public-key`: the manifest's signature or key;
 * - `file-missing`, `file-extra`, `file-size`, `file-hash`: a file against the manifest;
 * - `malformed`: a changed file that no longer parses;
 * - `chain`: the first entry of observations.ndjson that breaks the chain;
 * - `citation`: a violation citing an observation the chain does not hold;
 * - `mismatch`: the manifest and report.json disagree on policy, rule set or tool;
 * - `timestamp`: timestamp.tst is not a token for this manifest, or its
 *   signature or TSA does not hold;
 * - `clock`: the bundle records a time after its trusted timestamp.
 */
export type ProblemKind =
  | 'unreadable'
  | 'container'
  | 'seal'
  | 'signature'
  | 'public-key'
  | 'file-missing'
  | 'file-extra'
  | 'file-size'
  | 'file-hash'
  | 'malformed'
  | 'chain'
  | 'citation'
  | 'mismatch'
  | 'timestamp'
  | 'clock';

export interface BundleProblem {
  kind: ProblemKind;
  /** The file in the bundle the problem is in. */
  file?: string;
  /** For `chain`: the entry's position in observations.ndjson and what happened to it. */
  index?: number;
  change?: ChainChange;
  observationId?: string;
  /** For a changed file: the line (from 1) where it first differs, when that can be told. */
  line?: number;
  /** For the container: the byte of the file (from 0) where the damage is. */
  offset?: number;
  message: string;
}

export interface BundleVerdict {
  status: BundleStatus;
  problems: BundleProblem[];
  /** The manifest, when it could be read (checked or not: see `status`). */
  manifest?: Manifest;
  /** The fingerprint of the key that signed the bundle, whenever its key could be read, and whether it was the expected one. */
  signer?: { fingerprint: string; check: SignerCheck };
  /** The trusted time from the bundle's RFC 3161 token, when it has one or one was asked for. */
  timestamp?: TimestampVerdict;
}

export interface VerifyOptions {
  /**
   * The signing key's fingerprint as received apart from the bundle. Without
   * it a verdict proves the bundle is unchanged since it was signed, not who
   * signed it: anyone can re-sign a forged bundle with a key of their own.
   */
  expectedFingerprint?: string;
  /** The chain's hash function (see `extendChain`): JavaScript by default, Node's own in the CLI. */
  sha256Hex?: Sha256Hex;
  /**
   * Certificates of time-stamping authorities (or their CAs) the checker
   * trusts, from elsewhere than the bundle. Without them a token's signature
   * is checked, but not who issued it.
   */
  tsaTrust?: readonly pkijs.Certificate[];
}

/** Citations of missing observations listed one by one, before the rest are counted. */
const MAX_CITATION_PROBLEMS = 20;

/** A violation or advice, as far as its citations go. */
const Cited = v.looseObject({ id: v.string(), rule: v.string(), observationIds: v.array(v.string()) });

const ReportShape = v.looseObject({
  tool: v.looseObject({ name: v.string(), version: v.string() }),
  policy: v.looseObject({ id: v.string(), version: v.string(), sha256: v.string() }),
  ruleSetVersion: v.string(),
  violations: v.array(Cited),
  advice: v.optional(v.array(Cited)),
});

/**
 * Checks an evidence bundle, trusting nothing in it: every file against the
 * manifest, the manifest's signature, the seal over the whole zip, the chain
 * of observations against the signed head, and that every violation in
 * report.json cites observations the chain holds. Says what is wrong and
 * where. Never throws, whatever the bytes.
 */
export async function verifyBundle(
  zip: Uint8Array<ArrayBuffer>,
  options: VerifyOptions = {},
): Promise<BundleVerdict> {
  // Refused before anything is read, so a huge file costs nothing (the CLI refuses it before loading it).
  if (zip.length > BUNDLE_LIMITS.maxBytes) {
    return unreadable(
      `Not checked: the file is ${zip.length} bytes; the limit is ${BUNDLE_LIMITS.maxBytes}.`,
    );
  }
  const framing = frameZip(zip);
  if ('notZip' in framing) return unreadable(`Not an evidence bundle: ${framing.notZip}.`);
  if ('cut' in framing) {
    // A zip cut before its end record: a bundle's when it starts with a bundle's first file.
    const problem = {
      kind: 'container',
      offset: framing.cut.offset,
      message: `The bundle was cut: ${framing.cut.message}.`,
    } as const;
    return isBundleFile(framing.firstEntry)
      ? { status: 'tampered', problems: [problem] }
      : unreadable(`Not an evidence bundle: ${framing.cut.message}.`);
  }
  const framingProblems: BundleProblem[] = framing.damage.map((d) => ({
    kind: 'container',
    offset: d.offset,
    message: `The zip is not the file the exporter wrote: ${d.message}.`,
  }));
  if (framing.damage.some((d) => d.fatal)) return { status: 'tampered', problems: framingProblems };
  // From here on only the zip itself is read, so a seal over it still holds after bytes were added around it.
  const inner = framing.zip;
  // A seal in the archive comment marks a bundle the exporter wrote: what makes it unreadable now was done to it.
  const sealed = !('error' in readSeal(inner));
  const damaged = (kind: ProblemKind, message: string, file?: string): BundleVerdict =>
    sealed || framingProblems.length > 0
      ? {
          status: 'tampered',
          problems: [...framingProblems, { kind, ...(file && { file }), message }],
        }
      : unreadable(message, file);
  const contents = readZip(inner);
  if ('error' in contents) {
    return contents.damaged
      ? {
          status: 'tampered',
          problems: [
            ...framingProblems,
            { kind: 'container', message: `The zip was changed: ${contents.error}.` },
          ],
        }
      : damaged('container', `The zip cannot be read: ${contents.error}.`);
  }
  const manifestBytes = contents.files.get(MANIFEST_FILE);
  if (!manifestBytes) return damaged('file-missing', `The zip holds no ${MANIFEST_FILE}.`, MANIFEST_FILE);
  if (manifestBytes.length > BUNDLE_LIMITS.maxManifestBytes) {
    return unreadable(
      `${MANIFEST_FILE} is ${manifestBytes.length} bytes, too large for a manifest.`,
      MANIFEST_FILE,
    );
  }
  const parsed = parseJsonFile(manifestBytes);
  if ('error' in parsed) return damaged('malformed', `${MANIFEST_FILE} ${parsed.error}.`, MANIFEST_FILE);
  const checked = validateManifest(parsed.value);
  if ('error' in checked)
    return damaged(
      'malformed',
      `${MANIFEST_FILE} is not a bundle manifest: ${checked.error}.`,
      MANIFEST_FILE,
    );
  const { manifest } = checked;
  const raw = parsed.value as Record<string, unknown>;

  // WebCrypto hashes on other threads: start the seal and every digest, then do the JSON work meanwhile.
  const keyProblems = await checkKey(manifest, raw, inner, options, {
    manifestBytes,
    detached: contents.files.get(MANIFEST_SIGNATURE_FILE),
  });
  const fileDigests = manifest.files.map((f) => {
    const bytes = contents.files.get(f.path);
    return bytes && bytes.length === f.bytes ? sha256HexOfBytes(bytes) : undefined;
  });

  const containerProblems = checkContainer(contents, manifest);
  const observations = checkObservations(contents.files.get(OBSERVATIONS_FILE), manifest, options.sha256Hex);
  const report = checkReport(contents.files.get(REPORT_FILE), manifest, observations.ids);
  const files = await checkFiles(contents, manifest, fileDigests);
  locateChanges(files, contents, manifest, observations, report.report);

  const contentProblems = [...observations.problems, ...report.problems];
  // A file that cannot be parsed was changed if its hash says so; otherwise it was signed broken.
  for (const p of contentProblems) {
    if (p.kind === 'unreadable' && p.file && files.changed.has(p.file)) p.kind = 'malformed';
  }
  const key = await keyProblems();
  const stamped = await checkBundleTimestamp(
    contents.files.get(TIMESTAMP_FILE),
    manifestBytes,
    options.tsaTrust,
    latestRecordedTime(recordedTimes(manifest, report.report, observations.read)),
  );
  const all = [
    ...framingProblems,
    ...key.problems,
    ...containerProblems,
    ...files.problems,
    ...contentProblems,
    ...stamped.problems,
  ];
  const status = all.some((p) => p.kind === 'unreadable')
    ? 'unreadable'
    : all.length > 0
      ? 'tampered'
      : 'intact';
  return {
    status,
    problems: all,
    manifest,
    ...(key.signer && { signer: key.signer }),
    ...(stamped.verdict && { timestamp: stamped.verdict }),
  };
}

/** The times the recorder wrote: the manifest's, the report's, each page's start and each observation's. */
function* recordedTimes(
  manifest: Manifest,
  report: unknown,
  observations: ObservationsRead | undefined,
): Generator<RecordedTime> {
  yield { at: Date.parse(manifest.created), what: `${MANIFEST_FILE} "created"` };
  const generatedAt = (report as { generatedAt?: unknown } | undefined)?.generatedAt;
  if (typeof generatedAt === 'string')
    yield { at: Date.parse(generatedAt), what: `${REPORT_FILE} "generatedAt"` };
  for (const page of observations?.header.pages ?? []) {
    const { startedAt, visitId } = page as { startedAt?: unknown; visitId?: unknown };
    if (typeof startedAt === 'number')
      yield { at: startedAt, what: `page visit ${String(visitId)} "startedAt"` };
  }
  for (const entry of observations?.entries ?? []) {
    const observation = (entry as { observation?: { observedAt?: unknown; id?: unknown } } | null)
      ?.observation;
    if (typeof observation?.observedAt === 'number') {
      yield { at: observation.observedAt, what: `observation ${String(observation.id)} "observedAt"` };
    }
  }
}

function isBundleFile(name: string): boolean {
  return (
    name === MANIFEST_FILE ||
    (REQUIRED_FILES as readonly string[]).includes(name) ||
    name.startsWith(SCREENSHOT_DIR)
  );
}

function unreadable(message: string, file?: string): BundleVerdict {
  return { status: 'unreadable', problems: [{ kind: 'unreadable', ...(file && { file }), message }] };
}

/** Entries a bundle never has, and files the manifest and the zip disagree on. */
function checkContainer(contents: ZipContents, manifest: Manifest): BundleProblem[] {
  const problems: BundleProblem[] = [];
  for (const name of contents.compressed) {
    problems.push({
      kind: 'container',
      file: name,
      message: `${name} is compressed; a bundle stores every file as is.`,
    });
  }
  for (const { name, entries } of contents.duplicates) {
    problems.push({
      kind: 'container',
      file: name,
      message: `The zip holds ${name} ${entries.length} times, as entries ${entries.join(' and ')} of its directory; a bundle holds each file once.`,
    });
  }
  for (const { name, entry } of contents.unsafeNames) {
    problems.push({
      kind: 'container',
      file: name,
      message: `Entry ${entry} of the zip is named ${name}: a name that an unzip tool could write outside its folder; a bundle has none.`,
    });
  }
  const unsafe = new Set(contents.unsafeNames.map((u) => u.name));
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const path of REQUIRED_FILES) {
    if (!listed.has(path)) {
      problems.push({ kind: 'file-missing', file: path, message: `${MANIFEST_FILE} does not list ${path}.` });
    }
  }
  if (manifest.format === MANIFEST_FORMAT && !contents.files.has(MANIFEST_SIGNATURE_FILE)) {
    problems.push({
      kind: 'file-missing',
      file: MANIFEST_SIGNATURE_FILE,
      message: `The zip holds no ${MANIFEST_SIGNATURE_FILE}, which every ${MANIFEST_FORMAT} bundle has.`,
    });
  }
  const unlisted = new Set([MANIFEST_FILE, MANIFEST_SIGNATURE_FILE, TIMESTAMP_FILE]);
  for (const name of [...contents.files.keys(), ...contents.compressed]) {
    if (!unlisted.has(name) && !listed.has(name) && !unsafe.has(name)) {
      problems.push({
        kind: 'file-extra',
        file: name,
        message: `${name} is in the zip but not in ${MANIFEST_FILE}.`,
      });
    }
  }
  return problems;
}

/** Each listed file's presence, size and SHA-256 against the manifest; `changed` names those that differ. */
async function checkFiles(
  contents: ZipContents,
  manifest: Manifest,
  digests: (Promise<string> | undefined)[],
): Promise<{ problems: BundleProblem[]; changed: Set<string> }> {
  const problems: BundleProblem[] = [];
  const changed = new Set<string>();
  for (const [i, f] of manifest.files.entries()) {
    const bytes = contents.files.get(f.path);
    if (!bytes) {
      if (!contents.compressed.includes(f.path)) {
        problems.push({
          kind: 'file-missing',
          file: f.path,
          message: `${f.path} is listed in ${MANIFEST_FILE} but is not in the zip.`,
        });
      }
      continue;
    }
    if (bytes.length !== f.bytes) {
      changed.add(f.path);
      problems.push({
        kind: 'file-size',
        file: f.path,
        message: `${f.path} is ${bytes.length} bytes; ${MANIFEST_FILE} says ${f.bytes}.`,
      });
      continue;
    }
    const actual = `sha256:${await digests[i]}`;
    if (actual !== f.hash) {
      changed.add(f.path);
      problems.push({
        kind: 'file-hash',
        file: f.path,
        message: `${f.path} was changed: its SHA-256 is ${actual.slice(7)}, ${MANIFEST_FILE} says ${f.hash.slice(7)}.`,
      });
    }
  }
  return { problems, changed };
}

/**
 * The public key against itself and the expected fingerprint, the manifest's
 * signature, and the seal. The key is imported first so that the seal's
 * hashing of the whole zip starts on another thread before the JSON work.
 */
async function checkKey(
  manifest: Manifest,
  raw: Record<string, unknown>,
  zip: Uint8Array<ArrayBuffer>,
  options: VerifyOptions,
  signed: { manifestBytes: Uint8Array<ArrayBuffer>; detached: Uint8Array | undefined },
): Promise<() => Promise<{ problems: BundleProblem[]; signer?: BundleVerdict['signer'] }>> {
  let key: CryptoKey;
  try {
    key = await importPublicKey(manifest.publicKey.jwk);
  } catch (error) {
    const problem: BundleProblem = {
      kind: 'public-key',
      file: MANIFEST_FILE,
      message: `The manifest's public key is unusable (${(error as Error).message}), so neither the signature nor the seal can be checked.`,
    };
    return async () => ({ problems: [problem] });
  }
  const seal = readSeal(zip);
  // jeejio-evidence/1 signs in low-s form only, so that no byte of a bundle has a second valid spelling.
  const lowSOnly = manifest.format === MANIFEST_FORMAT;
  const sealHolds = 'error' in seal ? undefined : verifyBytes(key, seal.signature, seal.signed);
  const sealLowS = 'error' in seal ? true : isLowS(fromBase64(seal.signature) ?? new Uint8Array());
  // JCS refuses a lone surrogate that JSON escapes could smuggle in; no signer produced that.
  const signatureHolds = verifyCanonical(key, manifest.signature.value, signedPart(raw), { lowSOnly }).catch(
    () => false,
  );
  const detachedHolds = signed.detached && verifyManifestBytes(key, signed.detached, signed.manifestBytes);
  const exported = exportPublicKey(key);
  return async () => {
    const problems: BundleProblem[] = [];
    const { spki, fingerprint } = await exported;
    if (spki !== manifest.publicKey.spki || fingerprint !== manifest.publicKey.fingerprint) {
      problems.push({
        kind: 'public-key',
        file: MANIFEST_FILE,
        message: `The manifest's public key (JWK) does not match its SPKI and fingerprint: the key is ${fingerprint}.`,
      });
    }
    let check: SignerCheck = 'not-checked';
    if (options.expectedFingerprint !== undefined) {
      const expected = options.expectedFingerprint.replace(/[\s:]/g, '').toLowerCase();
      check = expected === fingerprint ? 'matches' : 'differs';
      if (check === 'differs') {
        problems.push({
          kind: 'public-key',
          file: MANIFEST_FILE,
          message: `The bundle is signed with key ${fingerprint}, not the expected ${expected}.`,
        });
      }
    }
    if (!(await signatureHolds)) {
      problems.push({
        kind: 'signature',
        file: MANIFEST_FILE,
        message: `The manifest's signature does not verify with its public key: ${MANIFEST_FILE} was changed after it was signed.`,
      });
    }
    const detached = await detachedHolds;
    if (detached === 'high-s') {
      problems.push({
        kind: 'signature',
        file: MANIFEST_SIGNATURE_FILE,
        message: `${MANIFEST_SIGNATURE_FILE} verifies, but in the twin form (high s) that anyone can make from the exporter's without the key: it was rewritten.`,
      });
    } else if (detached && detached !== 'holds') {
      problems.push({
        kind: 'signature',
        file: MANIFEST_SIGNATURE_FILE,
        message:
          detached === 'fails'
            ? `${MANIFEST_SIGNATURE_FILE} does not verify over ${MANIFEST_FILE} with the manifest's public key: one of them was changed after signing.`
            : `${MANIFEST_SIGNATURE_FILE} is not a DER ECDSA signature.`,
      });
    }
    if ('error' in seal)
      problems.push({ kind: 'seal', message: `The zip was rewritten after it was sealed: ${seal.error}.` });
    else if (!(await sealHolds)) {
      problems.push({
        kind: 'seal',
        message: 'The zip was changed after it was sealed: its seal does not verify.',
      });
    } else if (lowSOnly && !sealLowS) {
      problems.push({
        kind: 'seal',
        message:
          "The seal verifies, but in the twin form (high s) that anyone can make from the exporter's without the key: this file is not byte for byte the one exported.",
      });
    }
    return { problems, signer: { fingerprint, check } };
  };
}

/** The chain in observations.ndjson against the manifest, and the observation ids it holds. */
function checkObservations(
  bytes: Uint8Array | undefined,
  manifest: Manifest,
  sha256Hex: Sha256Hex | undefined,
): { problems: BundleProblem[]; ids?: Set<string>; read?: ObservationsRead } {
  if (!bytes) return { problems: [] };
  const read = readObservationsFile(bytes);
  if ('error' in read) {
    return {
      problems: [
        { kind: 'unreadable', file: OBSERVATIONS_FILE, message: `${OBSERVATIONS_FILE} ${read.error}.` },
      ],
    };
  }
  const problems: BundleProblem[] = [];
  const verdict = verifyChain(read.entries, manifest.chain, {
    observationTexts: read.observationTexts,
    ...(sha256Hex && { sha256Hex }),
  });
  if (!verdict.ok) {
    const { change, index, observationId, message } = verdict.problem;
    problems.push({
      kind: 'chain',
      file: OBSERVATIONS_FILE,
      change,
      index,
      ...(observationId !== undefined && { observationId }),
      message: `In ${OBSERVATIONS_FILE} at line ${lineOfEntry(index)}, ${message}${observationId === undefined ? '' : ` (observation ${observationId})`}.`,
    });
  }
  const ids = new Set<string>();
  for (const entry of read.entries) {
    const id = (entry as { observation?: { id?: unknown } } | null)?.observation?.id;
    if (typeof id === 'string') ids.add(id);
  }
  return { problems, ids, ...(verdict.ok && { read }) };
}

/** report.json against the manifest, and its violations' evidence against the chain. */
function checkReport(
  bytes: Uint8Array | undefined,
  manifest: Manifest,
  chainIds: ReadonlySet<string> | undefined,
): { problems: BundleProblem[]; report?: unknown } {
  if (!bytes) return { problems: [] };
  const parsed = parseJsonFile(bytes);
  if ('error' in parsed)
    return {
      problems: [{ kind: 'unreadable', file: REPORT_FILE, message: `${REPORT_FILE} ${parsed.error}.` }],
    };
  const shaped = v.safeParse(ReportShape, parsed.value);
  if (!shaped.success) {
    const where = v.getDotPath(shaped.issues[0]) ?? '(root)';
    return {
      problems: [
        { kind: 'unreadable', file: REPORT_FILE, message: `${REPORT_FILE} is not a report (${where}).` },
      ],
    };
  }
  const report = shaped.output;
  const problems: BundleProblem[] = [];
  const disagreements = [
    ['policy id', report.policy.id, manifest.policy.id],
    ['policy version', report.policy.version, manifest.policy.version],
    ['policy hash', report.policy.sha256, manifest.policy.sha256],
    ['rule set version', report.ruleSetVersion, manifest.ruleSetVersion],
    ['tool', `${report.tool.name} ${report.tool.version}`, `${manifest.tool.name} ${manifest.tool.version}`],
  ].filter(([, inReport, inManifest]) => inReport !== inManifest);
  for (const [what, inReport, inManifest] of disagreements) {
    problems.push({
      kind: 'mismatch',
      file: REPORT_FILE,
      message: `${REPORT_FILE} gives the ${what} as ${inReport}; ${MANIFEST_FILE} says ${inManifest}.`,
    });
  }
  if (!chainIds) return { problems, report: parsed.value };
  let uncited = 0;
  for (const violation of [...report.violations, ...(report.advice ?? [])]) {
    for (const id of violation.observationIds) {
      if (chainIds.has(id)) continue;
      uncited += 1;
      if (uncited <= MAX_CITATION_PROBLEMS) {
        problems.push({
          kind: 'citation',
          file: REPORT_FILE,
          observationId: id,
          message: `Finding ${violation.id} (${violation.rule}) in ${REPORT_FILE} cites observation ${id}, which is not in the chain.`,
        });
      }
    }
  }
  if (uncited > MAX_CITATION_PROBLEMS) {
    problems.push({
      kind: 'citation',
      file: REPORT_FILE,
      message: `…and ${uncited - MAX_CITATION_PROBLEMS} more citations of observations not in the chain.`,
    });
  }
  return { problems, report: parsed.value };
}

/**
 * For a changed file that is made from report.json and the chain
 * (report.html, findings.csv, captured.har), when those are intact: where it
 * first differs from what they give, so the message can point at the line.
 * Only a changed file is made again, so an intact bundle costs nothing here.
 */
function locateChanges(
  files: { problems: BundleProblem[]; changed: Set<string> },
  contents: ZipContents,
  manifest: Manifest,
  observations: { read?: ObservationsRead },
  report: unknown,
): void {
  if (report === undefined || files.changed.has(REPORT_FILE)) return;
  for (const problem of files.problems) {
    const path = problem.file;
    const changed = problem.kind === 'file-hash' || problem.kind === 'file-size';
    if (!changed || path === undefined || !isDerivedPath(path)) continue;
    const { read } = observations;
    if (path === HAR_FILE && (!read || files.changed.has(OBSERVATIONS_FILE))) continue;
    const actual = contents.files.get(path);
    if (!actual) continue;
    let expected: Uint8Array;
    try {
      expected = derivedFile(path, {
        report: report as Report,
        pages: read?.header.pages ?? [],
        observations: (read?.entries ?? []).map((e) => (e as { observation: Observation }).observation),
        screenshots: manifest.files.map((f) => f.path).filter((p) => p.startsWith(SCREENSHOT_DIR)),
      });
    } catch {
      // A report that passed the shape check but is no report the renderers know: nothing to compare with.
      continue;
    }
    const where = firstDifference(actual, expected);
    if (!where) continue;
    problem.line = where.line;
    problem.message += ` It first differs from what ${path === HAR_FILE ? `${OBSERVATIONS_FILE} and ${REPORT_FILE} give` : `${REPORT_FILE} gives`} at line ${where.line} (byte ${where.offset}).`;
  }
}
