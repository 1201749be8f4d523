import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEFAULT_CHROMIUM } from '../harness/find-chromium';
import { DEFAULT_FIREFOXES } from '../harness/find-firefox';

/** Debian ships Chromium's interface languages apart; the Chinese interface tests need this one. */
const CHINESE_PACK = '/usr/lib/chromium/locales/zh-CN.pak';
/** Without a CJK font the Chinese screenshots would show empty boxes where the text is. */
const CHINESE_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

/**
 * Makes sure a Chromium is there for the demo and the end-to-end tests (and,
 * with `--firefox`, a Firefox for the Firefox suite): on a fresh Debian
 * machine it installs the distribution's packages (Chromium with its interface
 * languages, Firefox ESR), since Playwright cannot download browsers here.
 */
function ensureBrowsers(withFirefox: boolean): void {
  const wanted = process.env.CHROME_PATH || DEFAULT_CHROMIUM;
  if (process.env.CHROME_PATH) {
    if (existsSync(wanted)) return;
    throw new Error(`CHROME_PATH is set to ${wanted}, which does not exist.`);
  }
  const firefoxMissing =
    withFirefox && !process.env.FIREFOX_PATH && !DEFAULT_FIREFOXES.some((path) => existsSync(path));
  if (withFirefox && process.env.FIREFOX_PATH && !existsSync(process.env.FIREFOX_PATH)) {
    throw new Error(`FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, which does not exist.`);
  }
  const missing = [
    ...(existsSync(wanted) ? [] : ['chromium']),
    ...(existsSync(CHINESE_PACK) ? [] : ['chromium-l10n']),
    ...(existsSync(CHINESE_FONT) ? [] : ['fonts-wqy-zenhei']),
    ...(firefoxMissing ? ['firefox-esr'] : []),
  ];
  if (missing.length === 0) return;
  if (!existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `No ${missing.join(', ')} here and no apt-get to install them: set CHROME_PATH (and FIREFOX_PATH).`,
    );
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
  ensureBrowsers(process.argv.includes('--firefox'));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
