import { browser } from 'wxt/browser';
import { sha256HexOfBytes } from '../../core/evidence/digests';
import type { PageVisit } from '../../core/observations/observation';
import type { ScreenshotReason } from '../../core/recording/screenshot-record';
import { rulesToCapture, ScreenshotSchedule } from '../../core/recording/screenshot-schedule';
import type { Violation } from '../../core/report/report-types';
import type { InspectorDatabase } from '../../stores/inspector-database';
import type { SessionState } from './session-state';

/**
 * Screenshots of the visible tab while recording: when a monitored page has
 * loaded, and when a rule is first broken on it. A capture that fails (the
 * tab is in the background, the browser refuses) is a warning in the session,
 * never an error: the observations are the evidence, the picture helps read them.
 */
export class ScreenshotTaker {
  private readonly schedule = new ScreenshotSchedule();
  /** Rules a capture is already scheduled for, per visit: judgements come in bursts. */
  private readonly pending = new Map<string, Set<string>>();

  constructor(
    private readonly db: InspectorDatabase,
    private readonly sessions: SessionState,
    private readonly currentVisit: (tabId: number) => PageVisit | undefined,
  ) {}

  /** webNavigation.onCompleted for a tab's top frame. */
  async pageLoaded(tabId: number): Promise<void> {
    const visit = this.currentVisit(tabId);
    if (visit) await this.request(visit, 'navigation');
  }

  /** After the visit was judged: the rules broken on it that no screenshot shows yet. */
  readonly judged = (visit: PageVisit, violations: readonly Violation[]): void => {
    this.firstViolations(visit, violations).catch((error: unknown) =>
      console.error('[inspector] Could not ask for a screenshot', error),
    );
  };

  private async firstViolations(visit: PageVisit, violations: readonly Violation[]): Promise<void> {
    if (violations.length === 0 || !(await this.recording())) return;
    const shown = await this.db.screenshots.where('visitId').equals(visit.visitId).toArray();
    const pending = this.pending.get(visit.visitId) ?? new Set<string>();
    const rules = rulesToCapture(
      violations.map((v) => v.rule),
      [...shown.flatMap((s) => s.rules ?? []), ...pending],
    );
    if (rules.length > 0) await this.request(visit, 'first-violation', rules);
  }

  private async recording(): Promise<string | null> {
    const session = await this.sessions.active();
    return session?.status === 'recording' ? session.id : null;
  }

  private async request(visit: PageVisit, reason: ScreenshotReason, rules?: string[]): Promise<void> {
    const sessionId = await this.recording();
    if (!sessionId) return;
    const wait = this.schedule.reserve(visit.tabId, Date.now());
    if (wait === null) {
      await this.warn(sessionId, visit, reason, 'skipped: too many screenshots asked for at once');
      return;
    }
    if (rules) {
      const pending = this.pending.get(visit.visitId) ?? new Set<string>();
      for (const rule of rules) pending.add(rule);
      this.pending.set(visit.visitId, pending);
    }
    setTimeout(() => void this.capture(sessionId, visit, reason, rules), wait);
  }

  private async capture(
    sessionId: string,
    visit: PageVisit,
    reason: ScreenshotReason,
    rules?: string[],
  ): Promise<void> {
    try {
      const tab = await browser.tabs.get(visit.tabId);
      if (!tab.active) throw new Error('the tab was not the one shown in its window');
      if (this.currentVisit(visit.tabId)?.visitId !== visit.visitId)
        throw new Error('the tab had left the page');
      const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
      const png = pngFromDataUrl(dataUrl);
      const takenAt = Date.now();
      await this.db.screenshots.add({
        id: crypto.randomUUID(),
        sessionId,
        visitId: visit.visitId,
        pageUrl: visit.url,
        takenAt,
        reason,
        ...(rules && { rules }),
        png,
        sha256: await sha256HexOfBytes(png),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The store build holds Jeejio hosts only; Chrome captures a tab only with all-sites access (or activeTab).
      const hint = message.includes('<all_urls>') ? ' (grant access to all sites from the popup)' : '';
      await this.warn(sessionId, visit, reason, `${message}${hint}`);
    } finally {
      if (rules) for (const rule of rules) this.pending.get(visit.visitId)?.delete(rule);
    }
  }

  private async warn(
    sessionId: string,
    visit: PageVisit,
    reason: ScreenshotReason,
    problem: string,
  ): Promise<void> {
    await this.sessions
      .warn(sessionId, {
        at: Date.now(),
        kind: 'screenshot-failed',
        message: `No screenshot of ${visit.url} (${reason}): ${problem}`,
      })
      .catch((error: unknown) => console.error('[inspector] Could not record a warning', error));
  }
}

function pngFromDataUrl(dataUrl: string): Uint8Array<ArrayBuffer> {
  const prefix = 'data:image/png;base64,';
  if (!dataUrl.startsWith(prefix)) throw new Error('the browser returned no PNG');
  const binary = atob(dataUrl.slice(prefix.length));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
