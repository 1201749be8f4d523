import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import * as zlib from 'node:zlib';
import { buildBundle } from '../core/evidence/build-bundle';
import { evidenceCompleteField } from '../core/evidence/evidence-complete';
import { EMPTY_CHAIN, extendChain } from '../core/evidence/hash-chain';
import { type RedactedLog, redactChainedLog, SECRETS_INCLUDED } from '../core/evidence/redact-chain';
import { REDACTION_SCHEME } from '../core/evidence/redaction-scheme';
import { generateSigningKeys, groupFingerprint } from '../core/evidence/signing';
import { tsaStamper } from '../core/evidence/timestamp/tsa-stamper';
import { plural } from '../core/wording/plural';
import { chromiumSandboxOff } from '../harness/launch-with-extension';
import type { AuditArguments } from './audit-arguments';
import { nodeSha256Hex } from './node-sha256';
import type { AuditResult } from './run-audit';

/**
 * Writes the audit's evidence bundle and says how to check it. The key is
 * made for this run and never leaves this process (WebCrypto will not export
 * it): the bundle proves it is unchanged since this audit, and the
 * fingerprint printed here is what ties it to whoever ran the audit, so it
 * must reach the checker by another way than the bundle.
 */
export async function writeAuditBundle(
  path: string,
  args: AuditArguments,
  result: AuditResult,
): Promise<{ summary: string; timestampError?: string }> {
  const keys = await generateSigningKeys({ extractable: false });
  const { report, recorded: asRecorded } = result.asRecorded;
  const recorded = extendChain(EMPTY_CHAIN, asRecorded.observations, nodeSha256Hex);
  const log = { report, pages: asRecorded.pages, ...recorded };
  const keyPath = `${path}${REDACTION_KEY_SUFFIX}`;
  const bundleKey = new Uint8Array(randomBytes(32));
  const content: RedactedLog = args.includeSecrets
    ? { ...log, secrets: SECRETS_INCLUDED }
    : redactChainedLog(log, bundleKey, basename(keyPath), nodeSha256Hex);
  const { entries } = content;
  const { zip, manifest, timestamp } = await buildBundle({
    ...content,
    screenshots: result.screenshots,
    environment: {
      urls: args.urls.join(' '),
      browser: result.userAgent,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      evidenceComplete: evidenceCompleteField(report),
      ...(args.hostRules !== undefined && { hostRules: args.hostRules }),
      ...(args.ignoreHttpsErrors && { ignoreHttpsErrors: 'true' }),
      // Whoever weighs the evidence should know the browser that gathered it ran unconfined.
      ...(args.browser !== 'firefox' &&
        chromiumSandboxOff() !== undefined && { chromiumSandbox: 'off (ran as root, --no-sandbox)' }),
    },
    keys,
    created: new Date(),
    ...(args.tsa && { stamp: tsaStamper(args.tsa) }),
    // Native since Node 20.15; before, the bundle's own JavaScript CRC-32.
    ...(typeof zlib.crc32 === 'function' && { crc32: zlib.crc32 }),
  });
  await mkdir(dirname(path), { recursive: true });
  if (!args.includeSecrets) await writeRedactionKey(keyPath, basename(path), bundleKey);
  await writeFile(path, zip);
  const { secrets } = content;
  const stamped =
    timestamp === undefined
      ? []
      : 'token' in timestamp
        ? [
            `Timestamped by ${timestamp.token.tsaName ?? args.tsa?.href}: ${timestamp.token.time}${timestamp.token.accuracyMs ? ` (±${timestamp.token.accuracyMs / 1000} s)` : ''}, token serial ${timestamp.token.serial}; check it with verify --tsa-cert and the TSA's certificate.`,
          ]
        : [`NOT timestamped: ${timestamp.error}. The bundle was written without a token.`];
  const summary = [
    `Evidence bundle: ${path} (${entries.length} ${plural(entries.length, 'observation')} chained, ${result.screenshots.length} ${plural(result.screenshots.length, 'screenshot')})`,
    secrets.handling === 'included'
      ? 'It holds the credentials it was recorded with (--include-secrets): whoever gets it gets that login.'
      : `${secrets.values} credential values replaced by keyed hashes; their key, to keep and not to share: ${keyPath}`,
    `Signed with a key made for this run; its fingerprint, to give whoever checks the bundle:`,
    `  ${groupFingerprint(manifest.publicKey.fingerprint)}`,
    ...stamped,
    `Check it with: npx jeejio-privacy-inspector verify ${path} --fingerprint ${manifest.publicKey.fingerprint}${timestamp && 'token' in timestamp ? ' --tsa-cert TSA-CA.pem' : ''} (in a clone: npm run verify -- …)`,
  ].join('\n');
  return timestamp && 'error' in timestamp ? { summary, timestampError: timestamp.error } : { summary };
}

/** Beside the bundle, readable by its owner only. */
export const REDACTION_KEY_SUFFIX = '.redaction-key.json';

/**
 * The bundle key, kept by whoever ran the audit: with it and a value, the
 * value's proof key (`proofKeyOf`) can be given to someone who must check
 * one redacted credential, without the others.
 */
async function writeRedactionKey(keyPath: string, bundleName: string, bundleKey: Uint8Array): Promise<void> {
  const record = {
    scheme: REDACTION_SCHEME,
    bundle: bundleName,
    bundleKey: Buffer.from(bundleKey).toString('hex'),
    note: 'Keep this file. It is not in the bundle, and whoever has it can test guesses of the credentials the bundle redacts.',
  };
  await writeFile(keyPath, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
}
