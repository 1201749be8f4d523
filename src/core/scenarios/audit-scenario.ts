import type { AuditScenarioName } from '../report/report-scenario';

export { AUDIT_SCENARIOS, type AuditScenarioName } from '../report/report-scenario';

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
