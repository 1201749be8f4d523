import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root';
import { EnvironmentError } from './usage-error';

/** The checkout, or the installed package: where the built extensions are. */
export const PROJECT_ROOT = PACKAGE_ROOT;

/** The build with access to all sites, made by `npm run build:audit`, and shipped in the package. */
export const AUDIT_EXTENSION_DIR = join(PROJECT_ROOT, '.output/chrome-mv3-audit');
/** The same for Firefox, made by `npm run build:audit` too: `audit --browser firefox` loads it. */
export const FIREFOX_AUDIT_EXTENSION_DIR = join(PROJECT_ROOT, '.output/firefox-mv3-audit');
/** The build people install from the store (`*.jeejio.com` only), made by `npm run build`, and shipped too. */
export const STORE_EXTENSION_DIR = join(PROJECT_ROOT, '.output/chrome-mv3');

export function requireExtensionBuild(dir: string): string {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new EnvironmentError(
      `No built extension in ${dir}. In a clone, run "npm run build:audit" first; an installed package ships it, so reinstall it.`,
    );
  }
  return dir;
}

/**
 * A warning when the build at `dir` cannot see third parties: the store build
 * may read Jeejio's hosts only, and a headless browser has nobody to grant it
 * more, so its audit would miss every tracker and say nothing of it.
 */
export function extensionBuildWarning(dir: string): string | undefined {
  let manifest: { host_permissions?: string[] };
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as typeof manifest;
  } catch {
    return undefined;
  }
  if ((manifest.host_permissions ?? []).includes('<all_urls>')) return undefined;
  return (
    `The extension in ${dir} may read only ${(manifest.host_permissions ?? []).join(', ') || 'no host'}: ` +
    "third parties' requests and cookies will not be seen. The audit build (npm run build:audit) holds all sites."
  );
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
