import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_EXTENSION_DIR, PROJECT_ROOT, requireExtensionBuild } from '../../src/harness/extension-build';
import { findChromium } from '../../src/harness/find-chromium';
import { UsageError } from '../../src/harness/usage-error';

/** What people install from the store: `*.jeejio.com` only, other sites on request (`npx wxt build`). */
export const STORE_EXTENSION_DIR = join(PROJECT_ROOT, '.output/chrome-mv3');

/** The reference arm: an MV3 extension whose worker does nothing. */
export const EMPTY_EXTENSION_DIR = fileURLToPath(new URL('./empty-extension', import.meta.url));

/**
 * The browser and the audit build (or the store build) a browser benchmark needs; a missing one is
 * reported and the bench skipped, since benchmarks never fail a build.
 */
export function benchPrerequisites(
  bench: string,
  build: 'audit' | 'store' = 'audit',
): { chromePath: string; extensionDir: string } | undefined {
  try {
    const dir = build === 'audit' ? AUDIT_EXTENSION_DIR : STORE_EXTENSION_DIR;
    return { chromePath: findChromium(), extensionDir: requireExtensionBuild(dir) };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.log(`${bench}: skipped. ${error.message}`);
    return undefined;
  }
}
