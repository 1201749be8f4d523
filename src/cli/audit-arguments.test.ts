import { describe, expect, it } from 'vitest';
import { UsageError } from '../harness/usage-error';
import { parseAuditArguments } from './audit-arguments';

describe('parseAuditArguments', () => {
  it('reads --compare and --fail-on-new, and refuses --fail-on-new alone', () => {
    const base = ['https://www.jeejio.com/', '--out', 'out'];
    expect(parseAuditArguments([...base, '--compare', 'last/report.json', '--fail-on-new'])).toMatchObject({
      comparePath: 'last/report.json',
      failOnNew: true,
    });
    expect(parseAuditArguments([...base, '--compare', 'last/report.json'])).not.toHaveProperty('failOnNew');
    expect(() => parseAuditArguments([...base, '--fail-on-new'])).toThrow(
      new UsageError('--fail-on-new needs --compare FILE: the report.json of the run to compare with.'),
    );
  });

  it('reads URLs and options', () => {
    expect(
      parseAuditArguments([
        'https://www.jeejio.com/',
        'https://open.jeejio.com/',
        '--out',
        'out',
        '--host-rules',
        'MAP * 127.0.0.1:8443',
        '--ignore-https-errors',
      ]),
    ).toEqual({
      urls: ['https://www.jeejio.com/', 'https://open.jeejio.com/'],
      outDir: 'out',
      hostRules: 'MAP * 127.0.0.1:8443',
      ignoreHttpsErrors: true,
      formats: ['json'],
      help: false,
    });
  });

  it('reads formats, a config and a fail threshold; json is always written', () => {
    expect(
      parseAuditArguments([
        '--config',
        'inspector.config.json',
        '--out',
        'out',
        '--format',
        'sarif,JUnit',
        '--format',
        'csv,json',
        '--fail-on',
        'medium',
      ]),
    ).toMatchObject({
      urls: [],
      configPath: 'inspector.config.json',
      formats: ['json', 'sarif', 'junit', 'csv'],
      failOn: 'medium',
    });
  });

  it('takes html as asked for', () => {
    expect(
      parseAuditArguments(['https://www.jeejio.com/', '--out', 'x', '--format', 'html']).formats,
    ).toEqual(['json', 'html']);
  });

  it('reads a crawl budget, and refuses one that is not a page count', () => {
    expect(parseAuditArguments(['https://www.jeejio.com/', '--out', 'o', '--crawl', '5']).crawl).toBe(5);
    for (const bad of ['0', '-1', '2.5', 'many', '100000']) {
      expect(() => parseAuditArguments(['https://www.jeejio.com/', '--out', 'o', '--crawl', bad])).toThrow(
        /--crawl/,
      );
    }
  });

  it('reads where to write an evidence bundle', () => {
    expect(
      parseAuditArguments(['https://www.jeejio.com/', '--out', 'out', '--bundle', 'out/evidence.zip']),
    ).toMatchObject({
      bundle: 'out/evidence.zip',
    });
    expect(parseAuditArguments(['https://www.jeejio.com/', '--out', 'out'])).not.toHaveProperty('bundle');
  });

  it('redacts credentials from the bundle unless --include-secrets is given', () => {
    const base = ['https://www.jeejio.com/', '--out', 'out', '--bundle', 'out/evidence.zip'];
    expect(parseAuditArguments(base)).not.toHaveProperty('includeSecrets');
    expect(parseAuditArguments([...base, '--include-secrets'])).toMatchObject({ includeSecrets: true });
  });

  it.each([
    ['no URL and no config', ['--out', 'x']],
    ['no --out', ['https://www.jeejio.com/']],
    ['a non-URL', ['www.jeejio.com', '--out', 'x']],
    ['a javascript: URL', ['javascript:alert(1)', '--out', 'x']],
    ['an unknown option', ['https://www.jeejio.com/', '--out', 'x', '--frobnicate']],
    ['a bad timeout', ['https://www.jeejio.com/', '--out', 'x', '--timeout', 'soon']],
    ['an unknown format', ['https://www.jeejio.com/', '--out', 'x', '--format', 'junit,pdf']],
    ['an unknown severity', ['https://www.jeejio.com/', '--out', 'x', '--fail-on', 'critical']],
    ['a config without a file', ['https://www.jeejio.com/', '--out', 'x', '--config']],
    ['--bundle without a file', ['https://www.jeejio.com/', '--out', 'x', '--bundle']],
  ])('refuses %s as a usage error', (_label, argv) => {
    expect(() => parseAuditArguments(argv)).toThrow(UsageError);
  });

  it('reads --urls, --concurrency, --login and --shard', () => {
    expect(
      parseAuditArguments([
        '--urls',
        'urls.txt',
        '--out',
        'out',
        '--concurrency',
        '2',
        '--login',
        'login.mjs',
        '--shard',
        '2/3',
      ]),
    ).toMatchObject({
      urls: [],
      urlsFile: 'urls.txt',
      concurrency: 2,
      loginPath: 'login.mjs',
      shard: { index: 2, total: 3 },
    });
  });

  it('reads --third-party-cookies allow or block, and nothing else', () => {
    const base = ['https://www.jeejio.com/', '--out', 'out'];
    expect(parseAuditArguments([...base, '--third-party-cookies', 'allow']).thirdPartyCookies).toBe('allow');
    expect(parseAuditArguments([...base, '--third-party-cookies', 'block']).thirdPartyCookies).toBe('block');
    expect(parseAuditArguments(base).thirdPartyCookies).toBeUndefined();
    expect(() => parseAuditArguments([...base, '--third-party-cookies', 'allowed'])).toThrow(
      '--third-party-cookies takes allow or block, not allowed',
    );
  });

  it('reads --dwell, and leaves the default to the audit when it is not given', () => {
    const base = ['https://www.jeejio.com/', '--out', 'out'];
    expect(parseAuditArguments([...base, '--dwell', '5000']).dwellMs).toBe(5000);
    expect(parseAuditArguments([...base, '--dwell', '0']).dwellMs).toBe(0);
    expect(parseAuditArguments(base).dwellMs).toBeUndefined();
    expect(() => parseAuditArguments([...base, '--dwell='])).toThrow(/--dwell takes milliseconds/);
    expect(() => parseAuditArguments([...base, '--dwell=-1'])).toThrow(
      /--dwell takes milliseconds from 0 to 120000, not -1/,
    );
  });

  it.each([
    ['--concurrency', '0', /--concurrency takes a number of pages from 1 to 16, not 0/],
    ['--concurrency', '1.5', /not 1\.5/],
    ['--concurrency', '17', /not 17/],
    ['--dwell', '2.5', /not 2\.5/],
    ['--dwell', '1e3', /not 1e3/],
    ['--dwell', '0x10', /not 0x10/],
    ['--dwell', '3s', /not 3s/],
    ['--dwell', '120001', /not 120001/],
    ['--shard', '0/2', /--shard takes i\/n/],
    ['--shard', '3/2', /not 3\/2/],
    ['--shard', '1-2', /not 1-2/],
  ])('refuses %s %s', (option, value, message) => {
    expect(() => parseAuditArguments(['https://www.jeejio.com/', '--out', 'x', option, value])).toThrow(
      message,
    );
  });

  it('reads the browser to audit in, Chromium unless said, and names the nearest for a typo', () => {
    const base = ['https://www.jeejio.com/', '--out', 'x'];
    expect(parseAuditArguments(base).browser).toBeUndefined();
    expect(parseAuditArguments([...base, '--browser', 'firefox']).browser).toBe('firefox');
    expect(parseAuditArguments([...base, '--browser', 'chromium']).browser).toBe('chromium');
    expect(() => parseAuditArguments([...base, '--browser', 'firefx'])).toThrow(
      /--browser takes chromium or firefox, not firefx; did you mean firefox\?/,
    );
    expect(() => parseAuditArguments([...base, '--browser', 'safari'])).toThrow(UsageError);
  });

  it('refuses a login script in Firefox: a Playwright script drives Chromium only', () => {
    expect(() =>
      parseAuditArguments([
        'https://www.jeejio.com/',
        '--out',
        'x',
        '--browser',
        'firefox',
        '--login',
        'l.mjs',
      ]),
    ).toThrow(/--login .* Chromium only/);
  });
});

describe('--scenario and --repeat', () => {
  const base = ['https://www.jeejio.com/', '--out', 'out'];
  it('takes scenarios as a list or repeated, each once, and a number of visits', () => {
    expect(parseAuditArguments([...base, '--scenario', 'gpc,reject', '--scenario', 'GPC']).scenarios).toEqual(
      ['gpc', 'reject'],
    );
    expect(parseAuditArguments([...base, '--repeat', '3']).repeat).toBe(3);
  });
  it('refuses a mistyped scenario with the nearest, a repeat out of range, and what cannot go together', () => {
    expect(() => parseAuditArguments([...base, '--scenario', 'rejct'])).toThrow(/did you mean reject\?/);
    expect(() => parseAuditArguments([...base, '--repeat', '1'])).toThrow(/from 2 to 10, not 1/);
    expect(() => parseAuditArguments([...base, '--repeat', 'x'])).toThrow(/not x/);
    expect(() => parseAuditArguments([...base, '--scenario', 'accept', '--browser', 'firefox'])).toThrow(
      /Chromium only/,
    );
    expect(() => parseAuditArguments([...base, '--scenario', 'gpc,reject', '--bundle', 'b.zip'])).toThrow(
      /--bundle seals one visit/,
    );
  });
});

describe('parseAuditArguments --dns-server', () => {
  const base = ['https://www.jeejio.com/', '--out', 'x'];

  it('takes an address and port, and leaves the system resolver when not given', () => {
    expect(parseAuditArguments([...base, '--dns-server', '127.0.0.1:5353']).dnsServer).toEqual({
      address: '127.0.0.1',
      port: 5353,
    });
    expect(parseAuditArguments(base).dnsServer).toBeUndefined();
  });

  it('refuses a name as a usage error', () => {
    expect(() => parseAuditArguments([...base, '--dns-server', 'dns.example'])).toThrow(UsageError);
  });
});

describe('parseAuditArguments --tsa', () => {
  const base = ['https://www.jeejio.com/', '--out', 'x'];

  it('takes the URL of a time-stamping authority for the bundle', () => {
    expect(
      parseAuditArguments([...base, '--bundle', 'e.zip', '--tsa', 'http://127.0.0.1:3180/tsa']).tsa?.href,
    ).toBe('http://127.0.0.1:3180/tsa');
    expect(parseAuditArguments([...base, '--bundle', 'e.zip']).tsa).toBeUndefined();
  });

  it('refuses a TSA without a bundle, or that is no http(s) URL, as a usage error', () => {
    expect(() => parseAuditArguments([...base, '--tsa', 'http://tsa.example/'])).toThrow(/give --bundle/);
    expect(() => parseAuditArguments([...base, '--bundle', 'e.zip', '--tsa', 'tsa.example'])).toThrow(
      UsageError,
    );
    expect(() => parseAuditArguments([...base, '--bundle', 'e.zip', '--tsa', 'ftp://tsa.example/'])).toThrow(
      /http:\/\/ or https:\/\//,
    );
  });
});
