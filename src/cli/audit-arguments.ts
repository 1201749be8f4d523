import { parseArgs } from 'node:util';
import { FAIL_ON, type FailOn } from '../core/config/inspector-config-schema';
import { AUDIT_SCENARIOS, type AuditScenarioName, SCENARIO_SETUPS } from '../core/scenarios/audit-scenario';
import { UsageError } from '../harness/usage-error';
import { requireAuditUrl } from './audit-url';
import { AUDIT_BROWSERS, type AuditBrowserName } from './browsers/audit-browser';
import { nearestWord, plainOptionError } from './nearest-word';
import { type DnsServer, parseDnsServer } from './resolve-cname-chains';
import { parseShard, type Shard } from './shard';
import { parseTsaUrl } from './tsa-argument';

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
  /** A time-stamping authority to stamp the bundle's manifest (RFC 3161). */
  tsa?: URL;
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
  /** The states to visit the pages in, each in a fresh profile; `default` first whenever others are compared with it. */
  scenarios?: AuditScenarioName[];
  /** Visit each page this many times (each in a fresh profile), so findings seen only sometimes are told apart. */
  repeat?: number;
  /** An earlier run's report.json to compare with; --fail-on-new fails only what is new since it. */
  comparePath?: string;
  failOnNew?: boolean;
  /** The DNS server asked for the CNAME chains of the site's hosts, HOST[:PORT]; the system's resolver unless given. */
  dnsServer?: DnsServer;
  help: boolean;
}

export const AUDIT_USAGE = `Usage: jeejio-privacy-inspector audit [url...] --out DIR [options]
       (in a clone of the repository: npm run audit -- [url...] --out DIR [options])

Visits each URL in Chromium (or Firefox) with Jeejio Privacy Inspector loaded, writes DIR/report.json
(and the other formats asked for) and prints a summary. Exit code: 0 nothing at or above
the --fail-on severity (after baselines), 1 violations, 2 usage or browser error (or a
page that could not be loaded, or a --tsa timestamp that could not be obtained).

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
  --scenario LIST          Visit the pages in each of these states, each in a fresh profile, and
                           compare them with the default visit (comma-separated, or repeated):
                             default         as without --scenario
                             refuse-cookies  the browser refuses all cookies and site data
                                             (§7 line 94); lists what still tracks a visitor
                             accept, reject  answer a consent banner the rule set knows
                                             (DuckDuckGo's autoconsent; Chromium only), with
                                             the cookies stored before the choice and after
                             gpc             Global Privacy Control sent (header and
                                             navigator.globalPrivacyControl) and each site's
                                             /.well-known/gpc.json read
                           Each scenario's files go to DIR/<scenario>/; DIR/scenarios.json
                           and the summary compare them with default (added when missing)
  --repeat N               Visit each page N times (2 to 10), each in a fresh profile; a
                           finding seen in only some visits is marked intermittent
  --compare FILE           An earlier run's report.json: the summary, report.json (comparison),
                           report.html and comparison.csv (with --format csv) say what is new
                           and what is gone (findings, third parties, cookies, storage keys)
  --fail-on-new            With --compare: only findings new since that run fail (exit 1);
                           the others, and new ones seen in only some visits, are reported
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
  --tsa URL                With --bundle: ask this RFC 3161 time-stamping authority to stamp
                           the bundle's manifest; its token goes into the bundle, under the
                           seal, and verify --tsa-cert checks it. Nothing is sent to a TSA
                           without it. If the TSA fails, the bundle is written unstamped, the
                           reason printed, and the exit code is 2
  --include-secrets        Keep those credentials in clear, in the bundle and in the output
                           folder (where they are keyed marks too by default): whoever gets
                           them gets the login they were recorded with
  -h, --help               Show this help

Merging shards: jeejio-privacy-inspector audit merge DIR... --out DIR [--format LIST]
  [--fail-on SEVERITY] [--config FILE] [--compare FILE [--fail-on-new]] writes one report
  (report.json and the formats asked for) from the report.json of each --shard's --out DIR.

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
  const scenarios = values.scenario === undefined ? undefined : parseScenarios(values.scenario);
  if (browser === 'firefox' && scenarios?.some((name) => SCENARIO_SETUPS[name].consent)) {
    throw new UsageError(
      'The accept and reject scenarios answer banners through Playwright, which drives Chromium only; leave out --browser firefox.',
    );
  }
  const repeat =
    values.repeat === undefined ? undefined : /^\d{1,2}$/.test(values.repeat) ? Number(values.repeat) : NaN;
  if (repeat !== undefined && !(repeat >= 2 && repeat <= 10)) {
    throw new UsageError(`--repeat takes a number of visits from 2 to 10, not ${values.repeat}`);
  }
  if (values.bundle !== undefined && ((scenarios?.length ?? 0) > 1 || repeat !== undefined)) {
    throw new UsageError(
      '--bundle seals one visit of the pages; leave out --repeat, or give one --scenario.',
    );
  }
  if (values.tsa !== undefined && values.bundle === undefined) {
    throw new UsageError('--tsa stamps the evidence bundle: give --bundle FILE.zip with it.');
  }
  let tsa: URL | undefined;
  let dnsServer: DnsServer | undefined;
  try {
    tsa = values.tsa === undefined ? undefined : parseTsaUrl(values.tsa);
    dnsServer = values['dns-server'] === undefined ? undefined : parseDnsServer(values['dns-server']);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const failOn = values['fail-on'];
  if (failOn !== undefined && !isFailOn(failOn)) {
    throw new UsageError(`--fail-on must be high, medium or low, not ${failOn}`);
  }
  const comparison = parseComparisonOptions(values);
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
    ...(tsa !== undefined && { tsa }),
    ...(crawl !== undefined && { crawl }),
    ...(values.urls !== undefined && { urlsFile: values.urls }),
    ...(concurrency !== undefined && { concurrency }),
    ...(dwell !== undefined && { dwellMs: dwell }),
    ...(thirdPartyCookies !== undefined && { thirdPartyCookies }),
    ...(values.login !== undefined && { loginPath: values.login }),
    ...(shard !== undefined && { shard }),
    ...(browser !== undefined && { browser }),
    ...(scenarios !== undefined && { scenarios }),
    ...(repeat !== undefined && { repeat }),
    ...comparison,
    ...(dnsServer && { dnsServer }),
  };
}

/** --compare FILE and --fail-on-new, which means nothing without it (audit and audit merge alike). */
export function parseComparisonOptions(values: {
  compare?: string | undefined;
  'fail-on-new'?: boolean | undefined;
}): Pick<AuditArguments, 'comparePath' | 'failOnNew'> {
  if (values['fail-on-new'] && values.compare === undefined) {
    throw new UsageError('--fail-on-new needs --compare FILE: the report.json of the run to compare with.');
  }
  return {
    ...(values.compare !== undefined && { comparePath: values.compare }),
    ...(values['fail-on-new'] === true && { failOnNew: true }),
  };
}

/** "gpc,reject" and "--scenario gpc --scenario reject" alike, each once, in the order given. */
function parseScenarios(given: readonly string[]): AuditScenarioName[] {
  const names = new Set<AuditScenarioName>();
  for (const word of given.flatMap((list) => list.split(','))) {
    const name = word.trim().toLowerCase();
    if (name === '')
      throw new UsageError(`--scenario ${given.join(',')} has an empty entry; name each scenario once.`);
    if (!isScenario(name)) {
      const near = nearestWord(name, AUDIT_SCENARIOS);
      throw new UsageError(
        `Unknown --scenario "${word}"${near ? `; did you mean ${near}?` : '.'} Choose from ${AUDIT_SCENARIOS.join(', ')}.`,
      );
    }
    names.add(name);
  }
  return [...names];
}

function isScenario(name: string): name is AuditScenarioName {
  return (AUDIT_SCENARIOS as readonly string[]).includes(name);
}

/** "junit,sarif" and "--format junit --format sarif" alike; json always, first. */
export function parseFormats(given: readonly string[]): OutputFormat[] {
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

export function isFailOn(name: string): name is FailOn {
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
  scenario: { type: 'string', multiple: true },
  repeat: { type: 'string' },
  compare: { type: 'string' },
  'fail-on-new': { type: 'boolean' },
  'dns-server': { type: 'string' },
  tsa: { type: 'string' },
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
