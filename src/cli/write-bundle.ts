import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as zlib from 'node:zlib';
import { buildBundle } from '../core/evidence/build-bundle';
import { EMPTY_CHAIN, extendChain } from '../core/evidence/hash-chain';
import { generateSigningKeys, groupFingerprint } from '../core/evidence/signing';
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
): Promise<string> {
  const keys = await generateSigningKeys({ extractable: false });
  const { entries, observationTexts } = extendChain(EMPTY_CHAIN, result.recorded.observations, nodeSha256Hex);
  const { zip, manifest } = await buildBundle({
    report: result.report,
    pages: result.recorded.pages,
    entries,
    observationTexts,
    screenshots: result.screenshots,
    environment: {
      urls: args.urls.join(' '),
      browser: result.userAgent,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      ...(args.hostRules !== undefined && { hostRules: args.hostRules }),
      ...(args.ignoreHttpsErrors && { ignoreHttpsErrors: 'true' }),
      // Whoever weighs the evidence should know the browser that gathered it ran unconfined.
      ...(chromiumSandboxOff() !== undefined && { chromiumSandbox: 'off (ran as root, --no-sandbox)' }),
    },
    keys,
    created: new Date(),
    // Native since Node 20.15; before, the bundle's own JavaScript CRC-32.
    ...(typeof zlib.crc32 === 'function' && { crc32: zlib.crc32 }),
  });
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, zip);
  return [
    `Evidence bundle: ${path} (${entries.length} observations chained, ${result.screenshots.length} screenshots)`,
    `Signed with a key made for this run; its fingerprint, to give whoever checks the bundle:`,
    `  ${groupFingerprint(manifest.publicKey.fingerprint)}`,
    `Check it with: npm run verify -- ${path} --fingerprint ${manifest.publicKey.fingerprint}`,
  ].join('\n');
}
