/** The files of an evidence bundle, by their path in the zip. */
export const REPORT_FILE = 'report.json';
/** The report for people: self-contained, no network, prints well. */
export const REPORT_HTML_FILE = 'report.html';
export const OBSERVATIONS_FILE = 'observations.ndjson';
export const HAR_FILE = 'captured.har';
export const FINDINGS_FILE = 'findings.csv';
export const MANIFEST_FILE = 'manifest.json';
/**
 * The signing key's DER ECDSA signature over manifest.json's exact bytes:
 * what `openssl dgst -sha256 -verify` checks. Not listed in the manifest (it
 * signs it); the seal covers it.
 */
export const MANIFEST_SIGNATURE_FILE = 'manifest.sig';
/**
 * An RFC 3161 TimeStampToken (DER) over manifest.json's exact bytes, when the
 * exporter asked a TSA for one: what `openssl ts -verify -token_in` checks.
 * Made after the manifest, so not listed in it; the seal covers it.
 */
export const TIMESTAMP_FILE = 'timestamp.tst';
export const SCREENSHOT_DIR = 'screenshots/';

/** Files every bundle has; screenshots are optional. */
export const REQUIRED_FILES = [
  REPORT_FILE,
  REPORT_HTML_FILE,
  OBSERVATIONS_FILE,
  HAR_FILE,
  FINDINGS_FILE,
] as const;

/** Names a screenshot may have: no directories, nothing a zip tool could write outside its folder. */
export const SCREENSHOT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * A bundle is hostile input until verified. These bound what reading one can
 * cost: 100,000 observations make a bundle of about 200 MB.
 */
export const BUNDLE_LIMITS = {
  /** The zip file itself. */
  maxBytes: 1024 * 1024 * 1024,
  maxEntries: 10_000,
  /** Every entry's declared size, summed (entries may overlap in a crafted zip). */
  maxTotalEntryBytes: 1024 * 1024 * 1024,
  maxManifestBytes: 16 * 1024 * 1024,
  /** JSON deeper than this is refused before parsing; the bundle's own files nest 6 levels at most. */
  maxJsonDepth: 32,
} as const;
