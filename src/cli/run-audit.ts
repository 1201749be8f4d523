import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLED_REFERENCE_TABLES } from '../core/classify/bundled-reference-tables';
import { provideReferenceTables } from '../core/classify/reference-tables';
import { type HostRule, parseHostRules } from '../core/config/host-rules';
import type { Screenshot } from '../core/evidence/build-bundle';
import { redactSecrets } from '../core/evidence/redact-secrets';
import type { RecordedLog } from '../core/observations/observation';
import { JEEJIO_POLICY_2023_07 } from '../core/policy/jeejio-policy-2023-07';
import type { PolicyModel } from '../core/policy/policy-model';
import { browserOf } from '../core/recording/environment';
import { buildReport } from '../core/report/build-report';
import { type JarCookie, withCookieJar } from '../core/report/cookie-jar-outcome';
import type { ReportScenario } from '../core/report/report-scenario';
import type { Report } from '../core/report/report-types';
import { withVisitCounts } from '../core/report/visit-counts';
import type { RuleContextOptions } from '../core/rules/rule-context';
import { RULE_SET_VERSION } from '../core/rules/rule-registry';
import type { ScenarioSetup } from '../core/scenarios/audit-scenario';
import { readGpcSupport } from '../core/scenarios/gpc-support';
import { ExtensionBuildMismatch } from '../harness/extension-build';
import { type InspectorHost, inInspector } from '../harness/in-inspector';
import type { AuditProgress } from './audit-progress';
import type { AuditBrowser, AuditBrowserName, AuditTab } from './browsers/audit-browser';
import { launchChromiumAudit } from './browsers/chromium-audit-browser';
import { confirmHostRules, HostRulesNotApplied } from './confirm-host-rules';
import { CrawlFrontier } from './crawl-frontier';
import type { LoginScript } from './login-script';
import { withObservedTimes } from './observed-times';
import { orderReportByVisits, type VisitRecord } from './order-report';
import type { DnsServer } from './resolve-cname-chains';
import { uncloakHosts } from './uncloak-hosts';
import { VisitScheduler } from './visit-scheduler';
import { waitForPageReadings } from './wait-for-page-readings';
import { type NetworkWatch, watchNetwork } from './wait-for-quiet-network';

// The command line judges what the browser recorded with the tables bundled into it.
provideReferenceTables(BUNDLED_REFERENCE_TABLES);

export interface AuditOptions {
  urls: string[];
  outDir: string;
  /** Chromium unless said; Firefox needs `firefoxPath` and a Firefox build of the extension. */
  browser?: AuditBrowserName;
  chromePath: string;
  firefoxPath?: string;
  extensionDir: string;
  hostRules?: string;
  ignoreHttpsErrors?: boolean;
  /** How long a page may take to load and fall quiet. */
  pageTimeoutMs?: number;
  /**
   * Another policy model to judge by than the one built into the extension:
   * the report is then rebuilt from the recorded log, as anyone can with
   * observations.json.
   */
  policy?: PolicyModel;
  /** Canaries and filter lists from the config: the report is then rebuilt with them, as with `policy`. */
  ruleOptions?: RuleContextOptions;
  /** Takes a screenshot of each page once it is quiet, as evidence of what it showed. */
  screenshots?: boolean;
  /** Follow same-site links breadth-first until this many pages were visited (the URLs given count). */
  crawl?: number;
  /** How many tabs audit pages at once (default 1); the report is the same whatever it is. */
  concurrency?: number;
  /** How long each page is observed after its load event, at least (default DEFAULT_DWELL_MS). */
  dwellMs?: number;
  /** Audit as a browser that allows, or blocks, third-party cookies; unset, the browser's default. */
  thirdPartyCookies?: 'allow' | 'block';
  /** Run once, in the audit's browser, before any page is visited. */
  login?: { script: LoginScript; path: string; baseUrl: string };
  /**
   * Keep the credentials the browser held (session and login cookies, tokens)
   * in clear in report.json, observations.json and every format. By default
   * they are replaced there by keyed marks, as in a bundle: an output folder
   * is shared (CI artifacts) as readily as a bundle is.
   */
  includeSecrets?: boolean;
  progress?: AuditProgress;
  /** The state the browser visits the pages in (`--scenario`); unset, the default visit. */
  scenario?: ScenarioSetup;
  /** Visit the pages this many times, each time in a fresh browser (`--repeat`); 1 unless said. */
  repeat?: number;
  /** The DNS server asked for the CNAME chains of the site's hosts (default: the system's resolver). */
  dnsServer?: DnsServer;
}

/** How long one page took: to its load event, and in all until the audit had read it. */
export interface PageTiming {
  url: string;
  loadMs: number;
  auditMs: number;
}

export interface AuditResult {
  /** As written to report.json: credentials replaced by marks unless `includeSecrets`. */
  report: Report;
  reportPath: string;
  /** As written to observations.json, likewise. */
  recorded: RecordedLog;
  /** How many distinct credential values the written files have as marks. */
  redactedValues: number;
  /**
   * The report and log as recorded, credentials in clear, for the bundle: it
   * replaces them itself, with a key the auditor keeps to prove a value later.
   */
  asRecorded: { report: Report; recorded: RecordedLog };
  screenshots: Screenshot[];
  /** The browser that ran the audit, as it names itself. */
  userAgent: string;
  /** Pages that loaded, in the audit's order. */
  timings: PageTiming[];
  /** From the first page's visit to the last page's end, login excluded. */
  visitingMs: number;
}

/**
 * SDKs send hits after the load event (a pixel a second later, analytics once
 * idle, a beacon on scroll): each page is watched this long after it loaded,
 * scrolled to the bottom once, before it must fall quiet. Peers wait as long
 * (the EDPS website-evidence-collector 3 s, tracker-radar-collector 2.5 s).
 */
export const DEFAULT_DWELL_MS = 3_000;
/** Scrolling to the bottom goes a screen at a time, this long apart, so what appears on the way is seen. */
const SCROLL_STEP_MS = 100;
const MAX_SCROLL_STEPS = 20;
/** A page is done once no request has been in flight for this long... */
const QUIET_NETWORK_MS = 150;
/** ...and its content script has sent its reading of storage, which may take this long at most. */
const REPORT_WAIT_MS = 3_000;
/** After the last page was left, for the extension to store what it read as the page went. */
const LAST_READINGS_MS = 300;
/** A login flow may load several pages; it gets at least this long whatever the page timeout. */
const MIN_LOGIN_TIMEOUT_MS = 60_000;

interface PageOutcome {
  record: VisitRecord;
  error?: string;
  screenshot?: Screenshot;
  timing?: PageTiming;
}

/** What one browser, fresh, gave: the extension's report and log, and the audit's own record of its visits. */
interface BrowserVisit {
  report: Report;
  recorded: RecordedLog;
  userAgent: string;
  jar: JarCookie[];
  outcomes: PageOutcome[];
  auditStartedAt: number;
  visitingMs: number;
  scenario?: ReportScenario;
}

/** Visits each URL in Chromium with the extension, then writes the extension's own report. */
export async function runAudit(options: AuditOptions): Promise<AuditResult> {
  const repeat = options.repeat ?? 1;
  const browsers: BrowserVisit[] = [];
  for (let visit = 1; visit <= repeat; visit++) {
    if (repeat > 1) options.progress?.message(`Visit ${visit} of ${repeat}, in a fresh browser`);
    browsers.push(await visitInOneBrowser(options));
  }
  const first = browsers[0] as BrowserVisit;
  const { userAgent, auditStartedAt, scenario } = first;
  let report = first.report;
  // One log of every visit (--repeat): the same finding made in several is one finding, seen in so many of them.
  const joined: RecordedLog =
    repeat > 1
      ? {
          pages: browsers.flatMap((v) => v.recorded.pages),
          observations: browsers.flatMap((v) => v.recorded.observations),
        }
      : first.recorded;
  // Chromium has no DNS API: which of the site's hosts are a tracker's aliases (CNAME) is asked here, after the visits.
  const uncloaked = await uncloakHosts(joined, options.dnsServer);
  const recorded = uncloaked.recorded;
  const rebuild = (log: RecordedLog) =>
    buildReport({
      tool: report.tool,
      policy: options.policy ?? JEEJIO_POLICY_2023_07,
      ...log,
      ...options.ruleOptions,
      generatedAt: Date.now(),
    });
  if (repeat > 1) {
    // Each visit counted by its own report, as judged here (uncloaked, by this policy), so the counts agree.
    const own = (visit: BrowserVisit): Report => {
      if (!options.policy && !options.ruleOptions && uncloaked.aliases === 0) return visit.report;
      const ids = new Set(visit.recorded.observations.map((o) => o.id));
      return rebuild({
        pages: visit.recorded.pages,
        observations: recorded.observations.filter((o) => ids.has(o.id)),
      });
    };
    report = withVisitCounts(rebuild(recorded), browsers.map(own));
  } else if (options.policy || options.ruleOptions || uncloaked.aliases > 0) {
    report = rebuild(recorded);
  }
  const outcomes = browsers.flatMap((v) => v.outcomes);
  const jar = browsers.flatMap((v) => v.jar);
  const visitingMs = browsers.reduce((sum, v) => sum + v.visitingMs, 0);
  outcomes.sort((a, b) => a.record.index - b.record.index);
  report = { ...withCookieJar(report, jar), browser: { ...browserOf(userAgent, []), userAgent } };
  const visits = outcomes.map((o) => o.record);
  report = withObservedTimes(orderReportByVisits(report, visits, auditStartedAt), visits, auditStartedAt);
  const errors = outcomes.flatMap((o) =>
    o.error === undefined ? [] : [{ url: o.record.requestedUrl, message: o.error }],
  );
  report.dnsLookups = uncloaked.lookups;
  if (errors.length > 0) report.errors = errors;
  if (scenario) report.scenario = scenario;
  await mkdir(options.outDir, { recursive: true });
  const written = options.includeSecrets
    ? { report, recorded, redactedValues: 0 }
    : withoutCredentials(report, recorded);
  const reportPath = join(options.outDir, 'report.json');
  await writeFile(reportPath, `${JSON.stringify(written.report, null, 2)}\n`);
  // The raw log lets anyone rebuild the report with this or a later rule set.
  await writeFile(join(options.outDir, 'observations.json'), `${JSON.stringify(written.recorded)}\n`);
  return {
    ...written,
    reportPath,
    asRecorded: { report, recorded },
    screenshots: outcomes.flatMap((o) => (o.screenshot ? [o.screenshot] : [])),
    userAgent,
    timings: outcomes.flatMap((o) => (o.timing ? [o.timing] : [])),
    visitingMs,
  };
}

/** One fresh browser with the extension visits every page; its report, log and jar are read before it closes. */
async function visitInOneBrowser(options: AuditOptions): Promise<BrowserVisit> {
  const progress = options.progress;
  const log = (line: string) => progress?.message(line);
  const timeout = options.pageTimeoutMs ?? 30_000;
  const concurrency = options.concurrency ?? 1;
  // Checked by the caller already; read again here to know where the first page must come from.
  const hostRules = options.hostRules === undefined ? undefined : parseHostRules(options.hostRules);
  const session = await launchAuditBrowser(options);
  const outcomes: PageOutcome[] = [];
  // An extension built from another version would judge by other rules, or not answer as this command asks:
  // checked once, before any page, so the audit stops with one clear message.
  const judgesBy = await inInspector(session.inspector, (inspector) => inspector.ruleSetVersion).catch(
    () => undefined,
  );
  if (judgesBy !== RULE_SET_VERSION) {
    await session.close();
    throw new ExtensionBuildMismatch();
  }
  let report: Report;
  let recorded: RecordedLog;
  let userAgent: string;
  let jar: JarCookie[] = [];
  let scenario: ReportScenario | undefined;
  let auditStartedAt = Date.now();
  let visitingMs = 0;
  try {
    if (options.login) {
      log(`Logging in with ${options.login.path}`);
      if (!session.login)
        throw new Error(`A login script runs in Chromium only; ${session.name} cannot run it.`);
      await session.login(options.login.script, {
        baseUrl: options.login.baseUrl,
        path: options.login.path,
        timeoutMs: Math.max(MIN_LOGIN_TIMEOUT_MS, timeout),
      });
      // Pages the login script opened are listed before the audited ones.
      auditStartedAt = Date.now();
    }
    const budget = options.crawl ?? options.urls.length;
    const scheduler = new VisitScheduler(new CrawlFrontier(options.urls, budget));
    progress?.start(budget, options.crawl !== undefined);
    const visitingStarted = performance.now();
    const tab = async () => {
      const page = await session.newTab();
      for (let next = scheduler.next(); next !== 'done'; next = scheduler.next()) {
        if (next === 'wait') {
          await scheduler.changed();
          continue;
        }
        progress?.visiting(next.url);
        const outcome = await visitPage(page, next.index, next.url, {
          ...options,
          timeout,
          log,
          worker: session.inspector,
          ...(hostRules && next.index === 0 && { confirmHostRules: hostRules }),
        });
        outcomes.push(outcome.result);
        progress?.visited(next.url, {
          ms: outcome.result.timing?.auditMs ?? 0,
          ...(outcome.result.error !== undefined && { error: outcome.result.error }),
        });
        scheduler.finish(next.index, outcome.links);
      }
      // Leaving the last page makes the extension read it once more (storage, exit beacons), as
      // navigating on does for the others; closing the browser right after reading would not.
      await page.goto('about:blank', timeout).catch(() => {});
      await page.close();
    };
    await Promise.all(Array.from({ length: concurrency }, tab));
    visitingMs = performance.now() - visitingStarted;
    await new Promise((resolve) => setTimeout(resolve, LAST_READINGS_MS));
    progress?.end();
    [report, recorded, userAgent] = await inInspector(
      session.inspector,
      async (inspector) =>
        [await inspector.exportReport(), await inspector.exportLog(), navigator.userAgent] as const,
    );
    // The jar as the browser holds it now, third parties' included (the extension watches only the
    // monitored sites'): which cookies it kept says whether it blocked third-party cookies.
    jar = await session.cookies();
    // Read after the report was taken, so these loads are no page of it.
    if (options.scenario) scenario = await scenarioRecord(options.scenario, session, report, timeout);
  } finally {
    await session.close();
  }
  return {
    report,
    recorded,
    userAgent,
    jar,
    outcomes,
    auditStartedAt,
    visitingMs,
    ...(scenario && { scenario }),
  };
}

/** Loads one page in a tab, waits until it is quiet, and reads what the audit needs from it. */
async function visitPage(
  page: AuditTab,
  index: number,
  url: string,
  options: AuditOptions & {
    timeout: number;
    log: (line: string) => void;
    worker: InspectorHost;
    /** The host rules the page's document must have followed; the audit stops if it did not. */
    confirmHostRules?: readonly HostRule[];
  },
): Promise<{ result: PageOutcome; links: string[] }> {
  const { timeout } = options;
  const started = performance.now();
  let network: NetworkWatch | undefined;
  // Every URL the tab shows while on this page, a single-page app's routes included: the report's pages
  // for them are this visit's, in the audit's order.
  const shown: string[] = [];
  const stopWatchingRoutes = page.onNavigated((shownUrl) => {
    if (!shown.includes(shownUrl)) shown.push(shownUrl);
  });
  const firstDocument = options.confirmHostRules ? page.watchFirstDocument(url) : undefined;
  try {
    const loading = page.goto(url, timeout);
    if (firstDocument && options.confirmHostRules) {
      // Whether the page loaded or not, where its document came from is settled first: a page from
      // the wrong server is no page error to report, it makes the whole audit meaningless.
      await loading.catch(() => {});
      const confirmed = await confirmHostRules(options.confirmHostRules, await firstDocument.read());
      if (confirmed) options.log(`  ${confirmed}`);
    }
    await loading;
    // Counted from the load event, so a request sent late in the dwell is waited for; one the page
    // opened while loading and keeps open (a long poll, an event stream) is not, as before the dwell.
    network = watchNetwork(page.requests);
    const loadedAt = performance.now();
    // The page as it loaded: one that moves itself on during the dwell keeps its findings and its time.
    const loadedUrl = page.url();
    const loadMs = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as
        | PerformanceNavigationTiming
        | undefined;
      return navigation?.loadEventEnd ?? 0;
    });
    const dwellMs = options.dwellMs ?? DEFAULT_DWELL_MS;
    if (dwellMs > 0) {
      await scrollToBottom(page).catch(() => {});
      await sleep(dwellMs - (performance.now() - loadedAt));
    }
    // The extension's content scripts hold hidden pixels and page claims for a moment before
    // reporting them, and hand them over when the page is left: the next navigation does that.
    if (!(await network.untilQuiet(QUIET_NETWORK_MS, timeout))) {
      options.log(`  ${url} did not fall quiet within ${timeout} ms; reading what was seen so far.`);
    }
    // The route shown now: a router that moved the URL after loading filed the page under its route.
    if (!(await waitForPageReadings(options.worker, page.url(), REPORT_WAIT_MS))) {
      options.log(
        `  ${url}: the extension had no reading of its storage after ${REPORT_WAIT_MS} ms; going on.`,
      );
    }
    // The evidence picture shows what a visitor first sees, not where the dwell's scroll ended.
    if (options.screenshots && dwellMs > 0) await scrollToTop(page).catch(() => {});
    const screenshot = options.screenshots
      ? { name: `page-${index + 1}.png`, bytes: await page.screenshot() }
      : undefined;
    const links = options.crawl !== undefined ? await page.links() : [];
    return {
      result: {
        record: {
          index,
          requestedUrl: url,
          finalUrl: loadedUrl,
          routes: shown.filter((shownUrl) => shownUrl !== loadedUrl && shownUrl !== url),
          observedMs: performance.now() - started,
        },
        ...(screenshot && { screenshot }),
        timing: { url, loadMs, auditMs: performance.now() - started },
      },
      links,
    };
  } catch (error) {
    if (error instanceof HostRulesNotApplied) throw error;
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
    return { result: { record: { index, requestedUrl: url }, error: message }, links: [] };
  } finally {
    network?.stop();
    firstDocument?.stop();
    stopWatchingRoutes();
  }
}

async function scrollToTop(page: AuditTab): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await sleep(SCROLL_STEP_MS);
}

/**
 * Scrolls a screen at a time to the bottom, as a reader would, so that what
 * loads or reports on scroll (lazy images, "viewed" beacons) does; a page that
 * keeps growing is followed for MAX_SCROLL_STEPS screens at most.
 */
async function scrollToBottom(page: AuditTab): Promise<void> {
  for (let step = 0; step < MAX_SCROLL_STEPS; step++) {
    const atBottom = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    });
    await sleep(SCROLL_STEP_MS);
    if (atBottom) return;
  }
}

/** The browser the options name, with the extension installed; Firefox's driver is loaded only for it. */
async function launchAuditBrowser(options: AuditOptions): Promise<AuditBrowser> {
  const scenario = options.scenario;
  if (options.browser !== 'firefox')
    return launchChromiumAudit({
      ...options,
      ...(scenario?.refuseCookies && { refuseCookies: true }),
      ...(scenario?.gpc && { gpc: true }),
      ...(scenario?.consent && { consent: scenario.consent }),
    });
  if (!options.firefoxPath) throw new Error('An audit in Firefox needs the path of a Firefox.');
  if (scenario?.consent) throw new Error(`The ${scenario.name} scenario answers banners in Chromium only.`);
  const { launchFirefoxAudit } = await import('./browsers/firefox-audit-browser');
  return launchFirefoxAudit({
    ...options,
    firefoxPath: options.firefoxPath,
    preferences: {
      // 2 refuses every cookie and all site data.
      ...(scenario?.refuseCookies && { 'network.cookie.cookieBehavior': 2 }),
      // Firefox sends GPC itself, header and property alike, once told to.
      ...(scenario?.gpc && {
        'privacy.globalprivacycontrol.enabled': true,
        'privacy.globalprivacycontrol.functionality.enabled': true,
      }),
    },
  });
}

/** What report.json says of the scenario: its banners' outcomes, or each audited origin's GPC support resource. */
async function scenarioRecord(
  setup: ScenarioSetup,
  session: AuditBrowser,
  report: Report,
  timeout: number,
): Promise<ReportScenario> {
  const record: ReportScenario = { name: setup.name, description: setup.description };
  if (setup.consent) record.consent = session.consentOutcomes?.() ?? [];
  if (setup.gpc) {
    const origins = [...new Set(report.pages.map((page) => originOf(page.url)).filter((o) => o !== ''))];
    record.gpcSupport = [];
    for (const origin of origins) {
      const read = await session
        .readResource(`${origin}/.well-known/gpc.json`, timeout)
        .catch((error: unknown) => ({ status: 0, body: '', error }));
      record.gpcSupport.push(
        'error' in read
          ? { origin, problem: `could not be loaded (${String(read.error).split('\n')[0]})` }
          : readGpcSupport(origin, read.status, read.body),
      );
    }
  }
  return record;
}

function originOf(url: string): string {
  try {
    const { origin, protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? origin : '';
  } catch {
    return '';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/**
 * The report and log with the browser's credentials replaced by marks keyed
 * with a key made for this run and then forgotten: equal values keep equal
 * marks, so a reader still follows a session id, but nobody can prove or
 * guess one from the output folder (a bundle, if asked for, is the evidence).
 */
function withoutCredentials(
  report: Report,
  recorded: RecordedLog,
): { report: Report; recorded: RecordedLog; redactedValues: number } {
  const redaction = redactSecrets(recorded.observations, recorded.pages, new Uint8Array(randomBytes(32)));
  return {
    report: redaction.redactReport(report),
    recorded: { pages: redaction.pages, observations: redaction.observations },
    redactedValues: redaction.summary.values,
  };
}
