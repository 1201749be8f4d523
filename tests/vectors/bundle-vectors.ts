import { join } from 'node:path';
import type { ProblemKind } from '../../src/core/evidence/verify-bundle';

export const BUNDLE_VECTORS_DIR = join(import.meta.dirname, 'bundle');

/** One test vector of docs/bundle-format.md, and what every verifier must say of it. */
export interface BundleVector {
  file: string;
  description: string;
  /** `verify`'s exit code with the vectors' fingerprint and TSA root given. */
  verifyExitCode: 0 | 1 | 3;
  /** docs/verify-with-openssl.sh's: 0 exactly when verify's is 0. */
  recipeExitCode: 0 | 1;
  /** The kinds of problem verify names, in its order. */
  problems: ProblemKind[];
}

export interface BundleVectors {
  format: string;
  /** The fingerprint of the key the auditor "handed over": every vector is checked against it. */
  fingerprint: string;
  tsaRoot: string;
  vectors: BundleVector[];
}
