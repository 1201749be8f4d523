import type { Purpose } from '../classify/purpose';
import type {
  BeaconSignal,
  FingerprintTechnique,
  ObservationKind,
  Provenance,
  SameSite,
  StorageArea,
} from '../observations/observation';
import type { Severity } from '../rules/rule';
import type { Phrase } from '../wording/phrase';

/** The shape of report.json; report.schema.json is its contract for other tools. */
export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  policy: { id: string; version: string; sha256: string };
  ruleSetVersion: string;
  generatedAt: string;
  pages: ReportPage[];
  observations: ReportObservation[];
  violations: Violation[];
  /** Every clause of the policy with its verdict, so the coverage shows whole. */
  scorecard: ClauseVerdict[];
  summary: ReportSummary;
  /** Pages the audit could not load; their findings are missing, not clean. */
  errors?: { url: string; message: string }[];
}

export interface ReportPage {
  url: string;
  visitId: string;
  startedAt: string;
}

export interface ReportObservation {
  id: string;
  kind: ObservationKind;
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
  /** The script whose call made it, as a page hook saw it (for a browser-side fact: as the confirmed claim named it). */
  scriptUrl?: string;
  /**
   * False for a page hook's claim the browser could not confirm. Everything
   * the browser itself reported (cookies API, webRequest, the extension's own
   * reading of the page) is verified.
   */
  verified: boolean;
  /** For a confirmed page-hook claim: the browser-side observation that confirms it. */
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
}

export interface Violation {
  id: string;
  rule: string;
  /**
   * What it is about, as the rule names it ("IDE@.doubleclick.net/", an endpoint,
   * a storage key); the id is derived from the rule and the subject.
   */
  subject: string;
  title: string;
  severity: Severity;
  clause: {
    id: string;
    section: string;
    lines: { from: number; to: number };
    title: string;
    paraphrase: string;
    /** The policy's own words, a short phrase, where the clause turns on them. */
    quote?: string;
  };
  /** Definitions and related clauses the violation also rests on. */
  alsoCites: { id: string; section: string; lines: { from: number; to: number }; title: string }[];
  summary: string;
  /** The summary as catalogue keys and arguments, so the interface can word it in the reader's language. */
  summaryPhrase?: Phrase;
  /** Why it matters, for users who ask. */
  explanation: string;
  /** The first page where the violation was seen. */
  pageUrl: string;
  /** Every page where it was seen, first first. */
  pageUrls: string[];
  observationIds: string[];
  /**
   * False when every piece of evidence is a page hook's claim that the browser
   * could not confirm: the page could have forged it.
   */
  verified: boolean;
}

export interface ReportSummary {
  pages: number;
  observations: number;
  cookies: number;
  unclassifiedCookies: number;
  violations: number;
  bySeverity: Record<Severity, number>;
  byRule: Record<string, number>;
}

export type ClauseStatus = 'violated' | 'kept' | 'not-observed' | 'not-checkable';

export interface ClauseVerdict {
  clauseId: string;
  section: string;
  lines: { from: number; to: number };
  title: string;
  status: ClauseStatus;
  violations: number;
  /** Why a clause is not checkable, or what the document itself gets wrong. */
  note?: string;
}
