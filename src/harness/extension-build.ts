import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './usage-error';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The build with access to all sites, made by `npm run build:audit`. */
export const AUDIT_EXTENSION_DIR = join(PROJECT_ROOT, '.output/chrome-mv3-audit');

export function requireExtensionBuild(dir: string): string {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new UsageError(`No built extension in ${dir}. Run "npm run build:audit" first.`);
  }
  return dir;
}

/** The extension loaded was built from another version of the rules or of the worker than this command. */
export class ExtensionBuildMismatch extends Error {
  override name = 'ExtensionBuildMismatch';
  constructor() {
    super(
      'The extension build does not match this command (it was built from another version): run npm run build:audit, or pass --extension.',
    );
  }
}
