import type { Purpose } from '../classify/purpose';
import type { CookieAction, ObservationKind, Provenance, SameSite } from '../observations/observation';
import type { Severity } from '../rules/rule';

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
  name: string;
  domain: string;
  url?: string;
  pageUrl: string;
  party: 'first-party' | 'third-party';
  vendor: string | null;
  purpose: Purpose;
  classifiedBy: 'name' | 'host' | 'none';
  classificationReason: string;
  action?: CookieAction;
  value?: string;
  valueLength?: number;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: SameSite;
  session?: boolean;
  expires?: string;
  path?: string;
  /** For Set-Cookie observations: the header as received. */
  rawHeader?: string;
  warnings?: string[];
}

export interface Violation {
  id: string;
  rule: string;
  title: string;
  severity: Severity;
  clause: {
    id: string;
    section: string;
    lines: { from: number; to: number };
    title: string;
    paraphrase: string;
  };
  summary: string;
  /** The first page where the violation was seen. */
  pageUrl: string;
  /** Every page where it was seen, first first. */
  pageUrls: string[];
  observationIds: string[];
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
