import { parseArgs } from 'node:util';
import { FAIL_ON, type FailOn } from '../core/config/inspector-config-schema';
import { UsageError } from '../harness/usage-error';
import { requireAuditUrl } from './audit-url';
import { AUDIT_BROWSERS, type AuditBrowserName } from './browsers/audit-browser';
import { nearestWord, plainOptionError } from './nearest-word';
import { type DnsServer, parseDnsServer } from './resolve-cname-chains';
import { parseShard, type Shard } from './shard';

/** What --format may ask for; json (report.json) is always written. */
export const OUTPUT_FORMATS = ['json', 'html', 'junit', 'sarif', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface AuditArguments {
  /** Empty when a config's hosts are to be audited. */
  urls: string[];
  outDir: string;
  hostRules?: string;
  ignoreHttpsErrors: boolean;
  extensionDir?: string;
  pageTimeoutMs?: number;
  /** json first, then the others asked for, each once. */
  formats: OutputFormat[];
  configPath?: string;
  failOn?: FailOn;
  /** Where to write a signed evidence bundle, if anywhere. */
  bundle?: string;
  /** Keep the recorder's credentials (session cookies, tokens, passwords) in the bundle, in clear. */
  includeSecrets?: boolean;
  /** Follow same-site links until this many pages were visited. */
  crawl?: number;
  /** A file listing URLs to audit, one a line, besides those on the command line. */
  urlsFile?: string;
  /** How many pages are audited at once (default 1). */
  concurrency?: number;
  /** How long each page is observed after its load event, at least. */
  dwellMs?: number;
  /** Audit as a browser that allows, or blocks, third-party cookies; unset, the browser's default. */
  thirdPartyCookies?: 'allow' | 'block';
  /** A Playwright script run once before the audit, to log in. */
  loginPath?: string;
  /** Chromium unless `--browser firefox`. */
  browser?: AuditBrowserName;
  /** Audit only this part of the URL list. */
  shard?: Shard;
  /** The DNS server asked for the CNAME chains of the site's hosts, HOST[:PORT]; the system's resolver unless given. */
  dnsServer?: DnsServer;
  help: boolean;
}

export const AUDIT_USAGE = `Usage: jeejio-privacy-inspector audit [url...] --out DIR [options]
       (in a clone of the repository: npm run audit -- [url...] --out DIR [options])

Visits each URL in Chromium (or Firefox) with Jeejio Privacy Inspector loaded, writes DIR/report.json
(and the other formats asked for) and prints a summary. Exit code: 0 nothing at or above
the --fail-on severity (after baselines), 1 violations, 2 usage or browser error (or a
page that could not be loaded).

Options:
  --out DIR                Where to write report.json and the other formats (required)
  --format LIST            Comma-separated: json, html, junit, sarif, csv.
                           json (report.json) is always written. Files: report.html (one
                           page, no network), report.junit.xml, report.sarif, findings.csv
  --config FILE            inspector.config.json: hosts to audit, host rules, policy model,
                           fail threshold and accepted findings (baselines); the command line
                           wins over it (src/core/config/inspector-config.schema.json)
  --fail-on SEVERITY       high, medium or low (default low): the lowest severity that fails
  --host-rules RULES       Chromium --host-resolver-rules, e.g. "MAP www.jeejio.com 10.0.0.5":
                           "MAP pattern host[:port]" and "EXCLUDE pattern", comma-separated
                           (in Firefox, applied by a loopback proxy). A rule Chromium could not
                           read is refused (exit 2); the first page must come from the address
                           its host is mapped to, or the audit stops
  --ignore-https-errors    Accept self-signed certificates (staging, fixtures)
  --browser NAME           chromium (default) or firefox (Firefox 140 or later, driven over
                           WebDriver BiDi; host rules go through a loopback proxy, and --login
                           is Chromium's only); report.json names the browser and its version
  --extension DIR          Built extension to load (default: the audit build the package
                           ships for the browser, .output/chrome-mv3-audit or
                           .output/firefox-mv3-audit)
  --timeout MS             Per-page load timeout (default 30000)
  --crawl N                Follow same-site links breadth-first until N pages were visited
                           (the URLs given count, and are visited first)
  --urls FILE              Also audit the URLs in FILE: one a line, # starts a comment
  --concurrency K          Audit K pages at once in tabs of one browser (default 1, at most
                           16); the report is the same as with 1, in the same order
  --dwell MS               Observe each page at least this long after its load event, scrolled
                           to the bottom once, before it must fall quiet (default 3000, 0 to
                           120000): SDKs send hits late, and a hit not waited for is missing
  --third-party-cookies allow|block
                           Audit as a browser that allows third-party cookies, or blocks them
                           (Chromium's default in a fresh profile; Firefox's keeps them apart per
                           site, "partitioned"); report.json says which mode
                           the browser was in, from what it did with the cookies it was sent
  --login FILE             A Playwright script run once, before the audit, in its browser:
                           export default async ({ page, context, baseUrl }) => { ... }
                           so pages behind a login are audited (its pages are reported too)
  --shard i/n              Audit the i-th of n equal, contiguous parts of the URL list (as
                           Playwright's --shard); with --crawl the start URLs are split and
                           each shard crawls from its own, with its own budget of N pages
  --dns-server IP[:PORT]   The DNS server asked, after the visits, for the CNAME chain of each
                           host of the audited site the pages sent requests to (default: the
                           system's resolver): a request to an alias of a tracker's collector
                           is classified as that tracker's (CNAME cloaking). Failed lookups
                           are warnings in report.json (dnsLookups)
  --bundle FILE.zip        Also write a signed evidence bundle (report, chained observations,
                           HAR, findings.csv, screenshots), signed with a key made for this run;
                           check it with npx jeejio-privacy-inspector verify FILE.zip --fingerprint KEY (the
                           command prints KEY). Credentials (session and
                           login cookies, tokens, passwords) are replaced in it by keyed hashes;
                           the key is written to FILE.zip.redaction-key.json, to keep
  --include-secrets        Keep those credentials in clear, in the bundle and in the output
                           folder (where they are keyed marks too by default): whoever gets
                           them gets the login they were recorded with
  -h, --help               Show this help

Environment: CHROME_PATH selects Chromium (default /usr/bin/chromium), FIREFOX_PATH Firefox
(default /usr/bin/firefox-esr, else /usr/bin/firefox).`;

export function parseAuditArguments(argv: string[]): AuditArguments {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(
      plainOptionError(error instanceof Error ? error.message : String(error), AUDIT_OPTIONS),
    );
  }
  const { values, positionals } = parsed;
  if (values.help) return { urls: [], outDir: '', ignoreHttpsErrors: false, formats: ['json'], help: true };
  // A config may name the hosts instead; whether any URL is left is known once it is read.
  if (positionals.length === 0 && values.config === undefined && values.urls === undefined) {
    throw new UsageError('Give at least one URL to audit (or --urls FILE, or a --config that lists hosts).');
  }
  for (const url of positionals) requireAuditUrl(url);
  if (!values.out) throw new UsageError('--out DIR is required.');
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) {
    throw new UsageError(`--timeout must be a positive number of milliseconds, not ${values.timeout}`);
  }
  const crawl = values.crawl === undefined ? undefined : Number(values.crawl);
  if (crawl !== undefined && !(Number.isInteger(crawl) && crawl >= 1 && crawl <= 10_000)) {
    throw new UsageError(`--crawl takes a number of pages from 1 to 10000, not ${values.crawl}`);
  }
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (
    concurrency !== undefined &&
    !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 16)
  ) {
    throw new UsageError(`--concurrency takes a number of pages from 1 to 16, not ${values.concurrency}`);
  }
  const dwell =
    values.dwell === undefined ? undefined : /^\d{1,6}$/.test(values.dwell) ? Number(values.dwell) : NaN;
  if (dwell !== undefined && !(dwell >= 0 && dwell <= 120_000)) {
    throw new UsageError(`--dwell takes milliseconds from 0 to 120000, not ${values.dwell}`);
  }
  const thirdPartyCookies = values['third-party-cookies'];
  if (thirdPartyCookies !== undefined && thirdPartyCookies !== 'allow' && thirdPartyCookies !== 'block') {
    throw new UsageError(`--third-party-cookies takes allow or block, not ${thirdPartyCookies}`);
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const browser = values.browser?.toLowerCase();
  if (browser !== undefined && !isAuditBrowser(browser)) {
    const near = nearestWord(browser, AUDIT_BROWSERS);
    throw new UsageError(
      `--browser takes ${AUDIT_BROWSERS.join(' or ')}, not ${browser}${near ? `; did you mean ${near}?` : ''}`,
    );
  }
  if (browser === 'firefox' && values.login !== undefined) {
    throw new UsageError(
      '--login runs a Playwright script, which drives Chromium only; leave out --browser firefox.',
    );
  }
  let dnsServer: DnsServer | undefined;
  try {
    dnsServer = values['dns-server'] === undefined ? undefined : parseDnsServer(values['dns-server']);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const failOn = values['fail-on'];
  if (failOn !== undefined && !isFailOn(failOn)) {
    throw new UsageError(`--fail-on must be high, medium or low, not ${failOn}`);
  }
  return {
    urls: positionals,
    outDir: values.out,
    ignoreHttpsErrors: values['ignore-https-errors'] ?? false,
    formats: parseFormats(values.format ?? []),
    help: false,
    ...(values['host-rules'] !== undefined && { hostRules: values['host-rules'] }),
    ...(values.extension !== undefined && { extensionDir: values.extension }),
    ...(timeout !== undefined && { pageTimeoutMs: timeout }),
    ...(values.config !== undefined && { configPath: values.config }),
    ...(failOn !== undefined && { failOn }),
    ...(values.bundle !== undefined && { bundle: values.bundle }),
    ...(values['include-secrets'] === true && { includeSecrets: true }),
    ...(crawl !== undefined && { crawl }),
    ...(values.urls !== undefined && { urlsFile: values.urls }),
    ...(concurrency !== undefined && { concurrency }),
    ...(dwell !== undefined && { dwellMs: dwell }),
    ...(thirdPartyCookies !== undefined && { thirdPartyCookies }),
    ...(values.login !== undefined && { loginPath: values.login }),
    ...(shard !== undefined && { shard }),
    ...(browser !== undefined && { browser }),
    ...(dnsServer && { dnsServer }),
  };
}

/** "junit,sarif" and "--format junit --format sarif" alike; json always, first. */
function parseFormats(given: readonly string[]): OutputFormat[] {
  const formats = new Set<OutputFormat>(['json']);
  for (const name of given.flatMap((list) => list.split(','))) {
    const format = name.trim().toLowerCase();
    if (!isFormat(format)) {
      throw new UsageError(`Unknown --format "${name}"; choose from ${OUTPUT_FORMATS.join(', ')}.`);
    }
    formats.add(format);
  }
  return [...formats];
}

function isAuditBrowser(name: string): name is AuditBrowserName {
  return (AUDIT_BROWSERS as readonly string[]).includes(name);
}

function isFormat(name: string): name is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(name);
}

function isFailOn(name: string): name is FailOn {
  return (FAIL_ON as readonly string[]).includes(name);
}

const AUDIT_OPTIONS = {
  out: { type: 'string' },
  format: { type: 'string', multiple: true },
  config: { type: 'string' },
  'fail-on': { type: 'string' },
  'host-rules': { type: 'string' },
  'ignore-https-errors': { type: 'boolean' },
  extension: { type: 'string' },
  timeout: { type: 'string' },
  bundle: { type: 'string' },
  'include-secrets': { type: 'boolean' },
  crawl: { type: 'string' },
  urls: { type: 'string' },
  concurrency: { type: 'string' },
  dwell: { type: 'string' },
  'third-party-cookies': { type: 'string' },
  login: { type: 'string' },
  shard: { type: 'string' },
  browser: { type: 'string' },
  'dns-server': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: AUDIT_OPTIONS,
  });
}
