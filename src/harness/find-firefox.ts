import { accessSync, constants, statSync } from 'node:fs';
import { EnvironmentError } from './usage-error';

/** Debian's Firefox ESR, then a Firefox on the PATH's usual place. */
export const DEFAULT_FIREFOXES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'] as const;

/** The Firefox to drive: FIREFOX_PATH, else Debian's Firefox ESR or Firefox, else a clear error. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = env.FIREFOX_PATH ? [env.FIREFOX_PATH] : DEFAULT_FIREFOXES;
  const found = candidates.find(isProgram);
  if (found) return found;
  throw new EnvironmentError(
    `No Firefox found at ${candidates.join(' or ')}. Install one (Debian/Ubuntu: sudo apt-get install -y ` +
      'firefox-esr; version 140 or later) or set FIREFOX_PATH to a Firefox binary.',
  );
}

/** A file this process may run (a folder or a missing path is not a Firefox). */
function isProgram(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
