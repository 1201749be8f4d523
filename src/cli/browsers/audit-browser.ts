import type { JarCookie } from '../../core/report/cookie-jar-outcome';
import type { ConsentOutcome } from '../../core/report/report-scenario';
import type { InspectorHost } from '../../harness/in-inspector';
import type { FirstDocument } from '../confirm-host-rules';
import type { LoginScript } from '../login-script';
import type { RequestEvents } from '../wait-for-quiet-network';

/** The browsers an audit can run in. Chromium is the default; Firefox through puppeteer-core. */
export const AUDIT_BROWSERS = ['chromium', 'firefox'] as const;
export type AuditBrowserName = (typeof AUDIT_BROWSERS)[number];

/**
 * One tab of the audit's browser, as far as the audit drives it. Playwright
 * (Chromium) and puppeteer-core (Firefox) each answer it; the audit itself
 * does not know which one runs.
 */
export interface AuditTab {
  /** Loads `url` until its load event; rejects on a failed navigation or after `timeoutMs`. */
  goto(url: string, timeoutMs: number): Promise<void>;
  url(): string;
  /** Runs `fn` in the page; it travels as source text, its result as JSON. */
  evaluate<Result>(fn: () => Result): Promise<Result>;
  /** Calls `listener` with each URL the top frame shows from now on; returns how to stop. */
  onNavigated(listener: (url: string) => void): () => void;
  /** The page's requests as events named alike by both libraries: request, requestfinished, requestfailed, close. */
  requests: RequestEvents;
  /** Watches the next navigation for where its first document came from (the host rules' check). */
  watchFirstDocument(url: string): { read(): Promise<FirstDocument>; stop(): void };
  screenshot(): Promise<Uint8Array<ArrayBuffer>>;
  /** Every link's absolute address (`a[href]`), for the crawl. */
  links(): Promise<string[]>;
  close(): Promise<void>;
}

/** The audit's browser with the extension installed. */
export interface AuditBrowser {
  name: AuditBrowserName;
  /** The extension's worker (Chromium) or background page (Firefox), for `inInspector`. */
  inspector: InspectorHost;
  newTab(): Promise<AuditTab>;
  /** The browser's whole cookie jar, third parties' included. */
  cookies(): Promise<JarCookie[]>;
  /** Loads `url` in a tab of its own and reads its status and text (a site's /.well-known/gpc.json). */
  readResource(url: string, timeoutMs: number): Promise<{ status: number; body: string }>;
  /** The consent banners answered, when the browser was launched to answer them. */
  consentOutcomes?(): ConsentOutcome[];
  /** Runs a login script once in its own tab; only Chromium gives scripts the Playwright context they expect. */
  login?(script: LoginScript, options: { baseUrl: string; path: string; timeoutMs: number }): Promise<void>;
  close(): Promise<void>;
}
