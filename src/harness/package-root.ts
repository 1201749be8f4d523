import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOL_NAME } from '../core/report/tool';

/**
 * The folder of this package: the checkout when run from source (src/harness/),
 * or the installed package when run from its compiled bundle (dist/). Found by
 * walking up to the package.json that names the tool, so the built extensions
 * it ships (.output/…) are found from either place.
 */
export function findPackageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && packageName(manifest) === TOOL_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json of ${TOOL_NAME} above ${from}`);
  }
}

function packageName(manifest: string): unknown {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}

export const PACKAGE_ROOT = findPackageRoot();

/** The package's version: what `--version` prints, and what the extension it ships writes as `tool.version`. */
export function packageVersion(root: string = PACKAGE_ROOT): string {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return version;
}
