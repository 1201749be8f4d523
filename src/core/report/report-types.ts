import type { Purpose } from '../classify/purpose';
import type { Finding } from '../engine/findings';
import type { ClauseVerdict, Violation } from '../engine/verdicts';
import type {
  BeaconSignal,
  BounceHop,
  DecorationParam,
  EvidenceKind,
  FingerprintTechnique,
  NotThisPage,
  Provenance,
  SameSite,
  StorageArea,
} from '../observations/observation';
import type { Severity } from '../rules/rule';
import type { SdkProbe } from '../rules/sdk-probes';
import type { ReportComparison } from './compare-reports';
import type { CookieJarOutcome, ThirdPartyCookies } from './cookie-jar-outcome';
import type { EvidenceCompleteness } from './evidence-completeness';
import type { MergedPart } from './merge-reports';
import type { ReportScenario } from './report-scenario';

/** The shape of report.json; report.schema.json is its contract for other tools. */
export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  /** The browser a command-line audit ran in (Chromium or Firefox, and its version). */
  browser?: { name: string; version: string; userAgent: string };
  policy: { id: string; version: string; sha256: string };
  ruleSetVersion: string;
  generatedAt: string;
  pages: ReportPage[];
  observations: ReportObservation[];
  /** Promises of the policy the pages break, rule by rule. */
  violations: Violation[];
  /**
   * The same, as a reader counts problems: the violations one request, cookie
   * or key makes of several rules are one finding citing each clause. Every
   * count shown to people is of findings.
   */
  findings: Finding[];
  /**
   * Findings whose bound comes from guidance, not from the policy (a cookie kept
   * longer than a regulator recommends): shown apart, never counted as broken
   * promises, in a verdict, a badge, an exit code or a CI format. Reports made
   * before advice was kept apart have none.
   */
  advice?: Violation[];
  /**
   * Cookies and storage keys an SDK wrote only to test support, judged by no
   * rule; reports made before rule set 5 have none.
   */
  probes?: ReportProbe[];
  /**
   * Links and navigations leaving the pages with click or person ids added
   * (link decoration), and navigations bounced through a tracker on their way
   * (bounce tracking): listed with vendor and purpose, judged by no rule (the
   * policy names neither). Absent when there were none.
   */
  linkDecorations?: ReportLinkDecoration[];
  /** Every clause of the policy with its verdict, so the coverage shows whole. */
  scorecard: ClauseVerdict[];
  /**
   * What limits dropped or cut (a page flooding the hooks, a storage reading
   * stopped at its key limit...): findings rest on what was kept. Reports made
   * before losses were recorded have none.
   */
  evidence?: EvidenceCompleteness;
  summary: ReportSummary;
  /**
   * A command-line audit's own DNS lookups of the first-party-looking hosts
   * the pages sent requests to, for their CNAME chains (what Chrome cannot
   * ask): the aliases found and every lookup that failed.
   */
  dnsLookups?: DnsLookups;
  /** Pages the audit could not load; their findings are missing, not clean. */
  errors?: { url: string; message: string }[];
  /** The scenario a command-line audit visited the pages in (`--scenario`); absent for a default visit. */
  scenario?: ReportScenario;
  /** With `--compare`: what is new and what is gone since the report compared with. */
  comparison?: ReportComparison;
  /** A report merged from shards (`audit merge`): each part's per-run facts, in the order merged. */
  merged?: MergedPart[];
}

export interface ReportLinkDecoration {
  id: string;
  /** `link`: a link in the page's markup; `navigation`: the page left for another URL, redirects and all. */
  via: 'link' | 'navigation';
  provenance: Provenance;
  observedAt: string;
  pageUrl: string;
  frameUrl?: string;
  /** The link, or the navigation's first URL; catalogued values masked. */
  url: string;
  params: DecorationParam[];
  chain?: string[];
  bouncedThrough?: BounceHop[];
}

export interface DnsLookups {
  /** The resolver asked: `system` or the server given (`127.0.0.1:5353`). */
  resolver: string;
  /** The hosts asked about. */
  hosts: string[];
  /** Hosts past the limit of lookups, not asked. */
  notAsked?: number;
  /** Hosts that are aliases, each with its chain from the host to its canonical name. */
  aliases: { host: string; chain: string[] }[];
  /** Lookups that failed or stopped (timeout, refused, a loop, too long a chain), in words. */
  warnings: string[];
}

export interface ReportPage {
  url: string;
  visitId: string;
  startedAt: string;
  /** How long a command-line audit observed the page, from navigating to it to moving on. */
  observedMs?: number;
  /** A route a single-page app moved to without loading a document; absent for a document load. */
  startedBy?: 'route-change';
}

export interface ReportObservation {
  id: string;
  kind: EvidenceKind;
  provenance: Provenance;
  observedAt: string;
  /** Cookie name, storage key, request URL, or fingerprinting technique. */
  name: string;
  domain: string;
  /** For network kinds and Set-Cookie headers: the request URL. */
  url?: string;
  pageUrl: string;
  /** The frame it happened in, when not the top-level page. */
  frameUrl?: string;
  /** For a page-hook claim: the script whose call made it, as the hook read the call stack. */
  scriptUrl?: string;
  /**
   * For a browser-side fact: the script a page-hook claim confirming it named.
   * The page's word only, so shown as claimed and never used to classify.
   */
  claimedScriptUrl?: string;
  /**
   * True only for what the browser itself reported (cookies API, webRequest,
   * the extension's own reading of storage), or for a page-hook claim or a
   * pixel in the markup that such a record confirms.
   */
  verified: boolean;
  /** For a confirmed claim or markup pixel: the browser-side observation that confirms it. */
  confirmedBy?: string;
  party: 'first-party' | 'third-party';
  vendor: string | null;
  purpose: Purpose;
  classifiedBy: string;
  classificationReason: string;
  likelyIdentifier?: boolean;
  action?: string;
  value?: string;
  valueLength?: number;
  /** Storage: a key the page did not write, found there earlier or written by another tab; cookie: written by another tab. */
  notThisPage?: NotThisPage;
  /** `another-tab`: the URL of the page that wrote it. */
  writtenOn?: string;
  warnings?: string[];
  // Cookies
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: SameSite;
  session?: boolean;
  expires?: string;
  path?: string;
  /** For Set-Cookie observations: the header as received. */
  rawHeader?: string;
  /** For Set-Cookie observations in an audit: whether the browser's jar held the cookie at the end. */
  cookieJar?: CookieJarOutcome;
  // Storage
  area?: StorageArea;
  origin?: string;
  // Fingerprinting
  technique?: FingerprintTechnique;
  // Requests and beacons
  method?: string;
  resourceType?: string;
  initiator?: string;
  statusCode?: number;
  contentType?: string;
  requestBody?: string;
  requestBodyLength?: number;
  beaconSignals?: BeaconSignal[];
  /** A first-party-looking host's canonical name, when it is an alias (CNAME); the classification follows it. */
  canonicalName?: string;
  /** `audit-resolver` when a command-line audit's DNS lookup gave the canonical name, not the browser. */
  canonicalNameBy?: 'audit-resolver';
  /** The names the audit's resolver followed, from the host to its canonical name. */
  cnameChain?: string[];
  /** Firefox's own tracker lists' flags for the request (urlClassification), when it gave any. */
  browserTrackingFlags?: string[];
}

export interface ReportSummary {
  pages: number;
  observations: number;
  cookies: number;
  unclassifiedCookies: number;
  /** Problems, as counted everywhere people read them: what the audited pages did themselves. */
  findings: number;
  /** Findings no audited page did (keys left in storage earlier or by another tab): listed, not counted. */
  findingsNotThisPage?: number;
  findingsBySeverity: Record<Severity, number>;
  /** Rule-by-rule violations behind the findings. */
  violations: number;
  bySeverity: Record<Severity, number>;
  byRule: Record<string, number>;
  /** Findings that are advice, counted apart from violations. */
  advice?: number;
  /** SDK probes, listed apart and counted in no other figure's findings. */
  probes?: number;
  /** False when a limit dropped or cut evidence; `evidence.losses` says what. */
  evidenceComplete?: boolean;
  /** In an audit: what the browser did with third-party cookies, whether it blocked them, as its jar shows. */
  thirdPartyCookies?: ThirdPartyCookies;
}

/** Found by the rules' context, which leaves them out of every rule; report.json carries them as they are. */
export type ReportProbe = SdkProbe;

/** Owned by the engine, which makes them; report.json carries them as they are. */
export type { CitedClause, Finding } from '../engine/findings';
export type { ClauseStatus, ClauseVerdict, Violation } from '../engine/verdicts';
