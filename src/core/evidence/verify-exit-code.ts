import type { BundleVerdict } from './verify-bundle';

/**
 * `npm run verify`'s exit code for a verdict, the contract scripts rely on:
 *
 * - 0: intact, and signed by the key whose fingerprint was given;
 * - 1: tampered, the signing key other than the one given included;
 * - 2: unreadable (nothing to check), or a usage error (the CLI's own);
 * - 3: intact, but no fingerprint was given, so who signed it is unknown;
 *   or it carries a timestamp and no TSA trust list was given, or a trust
 *   list was given and it carries no timestamp: the trusted time the checker
 *   asked for, or the one it holds, was not established.
 *
 * minisign and cosign verify only against a public key the checker supplies
 * and never against one that travels with what they check; a bundle carries
 * its key, so an intact verdict without a fingerprint is kept apart from a
 * full success instead of passing as one.
 */
export function verifyExitCode(verdict: BundleVerdict): VerifyExitCode {
  if (verdict.status !== 'intact') return FAILED[verdict.status];
  const timeEstablished = verdict.timestamp === undefined || verdict.timestamp.trust === 'trusted';
  return verdict.signer?.check === 'matches' && timeEstablished ? 0 : 3;
}

export type VerifyExitCode = 0 | 1 | 2 | 3;

const FAILED = { tampered: 1, unreadable: 2 } as const;
