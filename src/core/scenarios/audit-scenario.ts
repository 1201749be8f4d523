/**
 * The states an audit can visit a site in, each in a fresh browser profile.
 * Each is what a visitor can do (§7 line 94: "reject our cookies"; a consent
 * banner's choice; Global Privacy Control), so a report can say what the site
 * still does to a visitor who did it.
 */
export const AUDIT_SCENARIOS = ['default', 'refuse-cookies', 'accept', 'reject', 'gpc'] as const;
export type AuditScenarioName = (typeof AUDIT_SCENARIOS)[number];

/** What a scenario changes in the browser before the first page. */
export interface ScenarioSetup {
  name: AuditScenarioName;
  /** One line for a reader. */
  description: string;
  /** The browser refuses every cookie and all site data, of every host. */
  refuseCookies?: boolean;
  /** Global Privacy Control: the Sec-GPC header on every request and navigator.globalPrivacyControl. */
  gpc?: boolean;
  /** A consent banner the rule set knows is answered: accept all, or reject all it lets one reject. */
  consent?: 'accept' | 'reject';
}

export const SCENARIO_SETUPS: Readonly<Record<AuditScenarioName, ScenarioSetup>> = {
  default: {
    name: 'default',
    description: 'A fresh browser with its own defaults; banners left unanswered.',
  },
  'refuse-cookies': {
    name: 'refuse-cookies',
    description:
      'The browser refuses all cookies and site data, as a visitor who "rejects our cookies" (§7 line 94) does.',
    refuseCookies: true,
  },
  accept: {
    name: 'accept',
    description: 'A consent banner the rule set knows is answered "accept all".',
    consent: 'accept',
  },
  reject: {
    name: 'reject',
    description: 'A consent banner the rule set knows is answered "reject all" (or only what is necessary).',
    consent: 'reject',
  },
  gpc: {
    name: 'gpc',
    description:
      'Global Privacy Control is on: the Sec-GPC: 1 header on every request and navigator.globalPrivacyControl from the first script.',
    gpc: true,
  },
};

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
