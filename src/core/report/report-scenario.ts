/**
 * What report.json says of the scenario an audit visited the pages in
 * (--scenario); the scenarios themselves are in core/scenarios.
 */
/**
 * The states an audit can visit a site in, each in a fresh browser profile.
 * Each is what a visitor can do (§7 line 94: "reject our cookies"; a consent
 * banner's choice; Global Privacy Control), so a report can say what the site
 * still does to a visitor who did it.
 */
export const AUDIT_SCENARIOS = ['default', 'refuse-cookies', 'accept', 'reject', 'gpc'] as const;
export type AuditScenarioName = (typeof AUDIT_SCENARIOS)[number];

/** What the audit saw of a consent banner on one page, as the rule set's driver reported it. */
export interface ConsentOutcome {
  pageUrl: string;
  /** The consent manager the rule set recognised (its rule's name). */
  cmp: string;
  /** Whether the banner was shown. */
  popupShown: boolean;
  action: 'accept' | 'reject';
  /** Whether the rule set's steps ran to the end. */
  succeeded: boolean;
  /** When the banner was found and answering it began; cookies stored before it were stored before any choice. */
  decidedAt?: string;
}

/** A site's /.well-known/gpc.json, as read during a gpc scenario. */
export interface GpcSupport {
  origin: string;
  /** True when the file says `"gpc": true`; false when it says false; absent when there is no valid file. */
  gpc?: boolean;
  lastUpdate?: string;
  /** Why nothing valid was read: the status, or what was wrong with the file. */
  problem?: string;
}

/** What report.json says of the scenario it was made in. */
export interface ReportScenario {
  name: AuditScenarioName;
  description: string;
  consent?: ConsentOutcome[];
  gpcSupport?: GpcSupport[];
}
