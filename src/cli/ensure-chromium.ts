import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEFAULT_CHROMIUM } from '../harness/find-chromium';

/** Debian ships Chromium's interface languages apart; the Chinese interface tests need this one. */
const CHINESE_PACK = '/usr/lib/chromium/locales/zh-CN.pak';
/** Without a CJK font the Chinese screenshots would show empty boxes where the text is. */
const CHINESE_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

/**
 * Makes sure a Chromium is there for the demo and the end-to-end tests: on a
 * fresh Debian machine it installs the distribution's packages (with its
 * interface languages), since Playwright cannot download its own browser here.
 */
function ensureChromium(): void {
  const wanted = process.env.CHROME_PATH || DEFAULT_CHROMIUM;
  if (process.env.CHROME_PATH) {
    if (existsSync(wanted)) return;
    throw new Error(`CHROME_PATH is set to ${wanted}, which does not exist.`);
  }
  const missing = [
    ...(existsSync(wanted) ? [] : ['chromium']),
    ...(existsSync(CHINESE_PACK) ? [] : ['chromium-l10n']),
    ...(existsSync(CHINESE_FONT) ? [] : ['fonts-wqy-zenhei']),
  ];
  if (missing.length === 0) return;
  if (!existsSync('/usr/bin/apt-get')) {
    throw new Error('No Chromium at /usr/bin/chromium and no apt-get to install it: set CHROME_PATH.');
  }
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  console.log(`Installing ${missing.join(' and ')} with apt-get (once)…`);
  const run = (args: string[]) => {
    const [command = 'apt-get', ...rest] = [...sudo, ...args];
    execFileSync(command, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', ...missing]);
}

try {
  ensureChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
