import { AUDIT_EXTENSION_DIR, requireExtensionBuild } from '../../src/harness/extension-build';
import { findChromium } from '../../src/harness/find-chromium';
import { UsageError } from '../../src/harness/usage-error';

/**
 * The browser and the audit build a browser benchmark needs; a missing one is
 * reported and the bench skipped, since benchmarks never fail a build.
 */
export function benchPrerequisites(bench: string): { chromePath: string; extensionDir: string } | undefined {
  try {
    return { chromePath: findChromium(), extensionDir: requireExtensionBuild(AUDIT_EXTENSION_DIR) };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.log(`${bench}: skipped. ${error.message}`);
    return undefined;
  }
}
