import { existsSync } from 'node:fs';
import { EnvironmentError } from './usage-error';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The browser to drive: CHROME_PATH, else Debian's Chromium, else a clear error. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidate = env.CHROME_PATH || DEFAULT_CHROMIUM;
  if (existsSync(candidate)) return candidate;
  throw new EnvironmentError(
    `No Chromium found at ${candidate}. Install one (Debian/Ubuntu: sudo apt-get install -y chromium) ` +
      'or set CHROME_PATH to a Chromium or Chrome for Testing binary. Branded Google Chrome 137+ ignores ' +
      '--load-extension and cannot be used.',
  );
}
