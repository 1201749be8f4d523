import type { BrowserContext } from 'playwright-core';
import type { Report } from '../core/report/report-types';
import { inInspector } from '../harness/in-inspector';
import type { ExtensionSession } from '../harness/launch-with-extension';

/** Quiet means no request for 500 ms (Playwright's "networkidle"); beacons sent as a page settles then count. */
const QUIET_TIMEOUT_MS = 5_000;
const SETTLE_AFTER_QUIET_MS = 300;

/**
 * The `inspector` fixture: the extension running in the test's browser. Its
 * report covers every page the test opened in that browser, judged as
 * `npm run audit` judges them (the extension builds it).
 */
export class PrivacyInspector {
  constructor(private readonly session: ExtensionSession) {}

  get context(): BrowserContext {
    return this.session.context;
  }

  get extensionId(): string {
    return this.session.extensionId;
  }

  /**
   * The report so far, once the open pages have fallen quiet. A page still
   * busy after 5 s is read as it is: the matcher judges what was seen.
   */
  async report(): Promise<Report> {
    await Promise.all(
      this.context
        .pages()
        .map((page) => page.waitForLoadState('networkidle', { timeout: QUIET_TIMEOUT_MS }).catch(() => {})),
    );
    await new Promise((resolve) => setTimeout(resolve, SETTLE_AFTER_QUIET_MS));
    return inInspector(this.worker(), (inspector) => inspector.exportReport());
  }

  /** Chromium starts a new background worker after it stopped an idle one; ask the one running now. */
  private worker() {
    const prefix = `chrome-extension://${this.extensionId}/`;
    const live = this.context.serviceWorkers().filter((w) => w.url().startsWith(prefix));
    return live.at(-1) ?? this.session.worker;
  }
}
