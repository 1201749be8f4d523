import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main';

const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

function output() {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  return {
    out: () => log.mock.calls.map((c) => c.join(' ')).join('\n'),
    err: () => error.mock.calls.map((c) => c.join(' ')).join('\n'),
  };
}

describe('the jeejio-privacy-inspector command', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints the package version, the one reports name as tool.version', async () => {
    const io = output();
    expect(await main(['--version'])).toBe(0);
    expect(io.out()).toBe(version);
  });

  it('--help lists the commands and an example for a staging host, a CI gate and an evidence bundle', async () => {
    const io = output();
    expect(await main(['--help'])).toBe(0);
    expect(io.out()).toMatch(/audit URL\.\.\. --out DIR/);
    expect(io.out()).toMatch(/verify BUNDLE\.zip/);
    expect(io.out()).toMatch(/audit merge DIR\.\.\. --out DIR/);
    expect(io.out()).toContain('--compare last-release/report.json --fail-on-new');
    expect(io.out()).toContain('--host-rules "MAP www.jeejio.com');
    expect(io.out()).toContain('--fail-on high');
    expect(io.out()).toContain('--bundle evidence.zip');
  });

  it('help audit shows the audit options', async () => {
    const io = output();
    expect(await main(['help', 'audit'])).toBe(0);
    expect(io.out()).toMatch(/^Usage: jeejio-privacy-inspector audit/);
    expect(io.out()).toContain('--concurrency K');
  });

  it('a mistyped command is refused with exit 2 and the nearest command', async () => {
    const io = output();
    expect(await main(['audti', 'https://www.jeejio.com/'])).toBe(2);
    expect(io.err()).toContain('Unknown command "audti"; did you mean "audit"?');
  });

  it('no command at all exits 2 with the usage', async () => {
    const io = output();
    expect(await main([])).toBe(2);
    expect(io.out()).toContain('Commands:');
  });

  it("a command's usage error exits 2 with the command's synopsis and where its options are, not the whole help", async () => {
    const io = output();
    expect(await main(['verify'])).toBe(2);
    expect(io.err()).toMatch(/Usage: jeejio-privacy-inspector verify/);
    expect(io.err()).toContain(
      'Every option: jeejio-privacy-inspector verify --help (in a clone of the repository: npm run verify -- --help)',
    );
    // The message stays in sight: the options' list (dozens of lines) is not printed after it.
    expect(io.err()).not.toContain('Options:');
    expect(io.err().split('\n').length).toBeLessThan(10);
  });
});

describe('a mistyped option', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is named with the nearest option, not in the parser’s words', async () => {
    const io = output();
    expect(await main(['audit', 'https://www.jeejio.com/', '--out', 'x', '--fromat', 'html'])).toBe(2);
    expect(io.err()).toContain('Unknown option --fromat; did you mean --format?');
    expect(io.err()).not.toContain('positional argument');
    expect(await main(['verify', 'bundle.zip', '--fingerprnt', 'ab'])).toBe(2);
    expect(io.err()).toContain('Unknown option --fingerprnt; did you mean --fingerprint?');
  });
});

describe('a machine without what the audit needs', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('is said alone, with how to mend it, without the options the user got right', async () => {
    const io = output();
    vi.stubEnv('CHROME_PATH', '/nonexistent/chrome');
    expect(await main(['audit', 'https://www.jeejio.com/', '--out', 'audit-out'])).toBe(2);
    expect(io.err()).toContain('No Chromium found at /nonexistent/chrome');
    expect(io.err()).not.toContain('Options:');
  });
});
