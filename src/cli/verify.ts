import { readFile, stat } from 'node:fs/promises';
import type { Certificate } from 'pkijs';
import { BUNDLE_LIMITS } from '../core/evidence/bundle-layout';
import { readTrustAnchors } from '../core/evidence/timestamp/trust-anchors';
import { verifyBundle } from '../core/evidence/verify-bundle';
import { verifyExitCode } from '../core/evidence/verify-exit-code';
import { formatVerification } from './format-verification';
import { nodeSha256Hex } from './node-sha256';
import { parseVerifyArguments, VERIFY_USAGE } from './verify-arguments';

/** `verify`: the exit code, or a thrown UsageError (exit 2, with the usage). */
export async function verifyCommand(argv: string[]): Promise<number> {
  const args = parseVerifyArguments(argv);
  if (args.help) {
    console.log(VERIFY_USAGE);
    return 0;
  }
  let size: number;
  try {
    size = (await stat(args.bundle)).size;
  } catch (error) {
    console.error(`Cannot read ${args.bundle}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  // Refused before reading, so a huge file is never loaded into memory.
  if (size > BUNDLE_LIMITS.maxBytes) {
    console.log(
      `Bundle: ${args.bundle}\nUNREADABLE: it is ${size} bytes; the limit is ${BUNDLE_LIMITS.maxBytes}.`,
    );
    return 2;
  }
  let tsaTrust: Certificate[] | undefined;
  if (args.tsaCerts) {
    tsaTrust = [];
    for (const path of args.tsaCerts) {
      try {
        tsaTrust.push(...readTrustAnchors(await readFile(path)));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        console.error(
          `--tsa-cert ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : reason}`,
        );
        return 2;
      }
    }
  }
  const verdict = await verifyBundle(await readFile(args.bundle), {
    sha256Hex: nodeSha256Hex,
    ...(args.fingerprint !== undefined && { expectedFingerprint: args.fingerprint }),
    ...(tsaTrust && { tsaTrust }),
  });
  console.log(formatVerification(args.bundle, verdict));
  return verifyExitCode(verdict);
}
