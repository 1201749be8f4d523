import * as v from 'valibot';
import { BUNDLE_LIMITS, SCREENSHOT_DIR, SCREENSHOT_NAME } from './bundle-layout';
import { CHAIN_ALGORITHM } from './hash-chain';
import { REDACTION_ALGORITHM, REDACTION_SCHEME } from './redaction-scheme';
import { SIGNATURE_ALGORITHM } from './signing';

/**
 * manifest.json: what the bundle holds and who vouches for it, after the
 * layout of WACZ's datapackage.json and its signed digest. `signature` signs
 * the JCS text (RFC 8785) of the manifest without its `signature` member.
 */
export const MANIFEST_FORMAT = 'jeejio-evidence/1';
/**
 * The format before docs/bundle-format.md: the same files and checks, without
 * manifest.sig or a timestamp. Still verified, so bundles already handed over
 * keep their worth.
 */
export const LEGACY_MANIFEST_FORMAT = 'jeejio-evidence-bundle/2';

const hex64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const text = v.pipe(v.string(), v.maxLength(4096));

/** A bundle's own files, and screenshots under screenshots/, with names no zip tool can misplace. */
const filePath = v.pipe(
  v.string(),
  v.check(
    (path) =>
      /^[a-z]+\.(json|ndjson|har|csv|html)$/.test(path) ||
      (path.startsWith(SCREENSHOT_DIR) && SCREENSHOT_NAME.test(path.slice(SCREENSHOT_DIR.length))),
    'is not a bundle file name',
  ),
);

const ManifestFileSchema = v.looseObject({
  path: filePath,
  bytes: count,
  /** "sha256:" and the lowercase hex SHA-256 of the file's bytes, as WACZ writes it. */
  hash: v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/)),
});

// Loose objects: unknown members are kept, so the signature is checked over all of them.
const UnsignedManifestSchema = v.looseObject({
  format: v.picklist([MANIFEST_FORMAT, LEGACY_MANIFEST_FORMAT]),
  created: text,
  tool: v.looseObject({ name: text, version: text }),
  policy: v.looseObject({ id: text, version: text, sha256: text }),
  ruleSetVersion: text,
  /** Where and with what the evidence was gathered (browser, host rules …), as the exporter was told. */
  environment: v.record(v.string(), text),
  files: v.pipe(v.array(ManifestFileSchema), v.maxLength(BUNDLE_LIMITS.maxEntries)),
  chain: v.looseObject({ algorithm: v.literal(CHAIN_ALGORITHM), length: count, head: hex64 }),
  /** What was done with the recorder's credentials (see redaction-scheme.ts); absent in older bundles. */
  secrets: v.optional(
    v.looseObject({
      scheme: v.literal(REDACTION_SCHEME),
      handling: v.picklist(['redacted', 'included']),
      algorithm: v.optional(v.literal(REDACTION_ALGORITHM)),
      values: v.optional(count),
      observations: v.optional(count),
      keyId: v.optional(text),
      recordedChain: v.optional(v.looseObject({ length: count, head: hex64 })),
    }),
  ),
  publicKey: v.looseObject({
    jwk: v.looseObject({ kty: v.literal('EC'), crv: v.literal('P-256'), x: text, y: text }),
    spki: text,
    fingerprint: hex64,
  }),
});

export const ManifestSchema = v.looseObject({
  ...UnsignedManifestSchema.entries,
  signature: v.looseObject({ algorithm: v.literal(SIGNATURE_ALGORITHM), value: text }),
});

export type Manifest = v.InferOutput<typeof ManifestSchema>;
export type UnsignedManifest = v.InferOutput<typeof UnsignedManifestSchema>;

/** The manifest's members, checked, or the first few things wrong with them and where. */
export function validateManifest(raw: unknown): { manifest: Manifest } | { error: string } {
  const result = v.safeParse(ManifestSchema, raw);
  if (result.success) return { manifest: result.output };
  const problems = result.issues
    .slice(0, 3)
    .map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
  return { error: problems.join('; ') };
}

/** What the signature covers: everything but the signature itself. */
export function signedPart(manifest: Record<string, unknown>): Record<string, unknown> {
  const { signature: _signature, ...rest } = manifest;
  return rest;
}
