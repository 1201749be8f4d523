import { browser } from 'wxt/browser';
import type { PageVisit } from '../core/observations/observation';
import {
  recordedVisit,
  type TrackedVisit,
  visitFromMainFrameResponse,
  visitOnCommit,
  visitOnRouteChange,
} from '../core/observations/page-visit';
import type { InspectorDatabase } from '../stores/inspector-database';

const SESSION_KEY = 'currentVisits';
/** Longest a navigation holds cookie changes back while its response is awaited (a cached page sends none). */
const NAVIGATION_WAIT_MS = 1_000;

/**
 * Which monitored page each tab is showing. Kept in session storage too, so a
 * background worker woken after being stopped still knows the pages.
 */
export class VisitTracker {
  private readonly visits = new Map<number, TrackedVisit>();
  /** The visit each tab showed before its current one: reports sent as a page is left arrive after the next began. */
  private readonly left = new Map<number, TrackedVisit>();
  /** Listeners wait on this: an event that wakes the worker must not be judged before the visits are back. */
  readonly ready: Promise<void>;
  /** Tabs whose top-level navigation began and whose main-frame response has not been heard yet. */
  private readonly navigating = new Map<number, { answered: Promise<void>; answer: () => void }>();

  constructor(
    private readonly db: InspectorDatabase,
    private readonly onVisitStarted: (visit: PageVisit) => void,
  ) {
    this.ready = this.restore();
  }

  private async restore(): Promise<void> {
    const stored = await browser.storage.session.get(SESSION_KEY);
    const list = (stored[SESSION_KEY] ?? []) as TrackedVisit[];
    for (const v of list) this.visits.set(v.tabId, v);
  }

  current(tabId: number): TrackedVisit | undefined {
    return this.visits.get(tabId);
  }

  /**
   * The visit a content script's report belongs to: the tab's current one,
   * unless the report comes from the top frame of the page the tab just left,
   * or of the route it just left (the browser names the frame's URL as it was
   * when the report was sent).
   */
  ofFrame(tabId: number, frameId: number | undefined, frameUrl: string): TrackedVisit | undefined {
    const current = this.visits.get(tabId);
    if (current && (frameId !== 0 || current.url === frameUrl)) return current;
    const left = this.left.get(tabId);
    return left?.url === frameUrl ? left : current;
  }

  /** The visit the tab showed before its current one, while this worker runs. */
  previous(tabId: number): TrackedVisit | undefined {
    return this.left.get(tabId);
  }

  all(): TrackedVisit[] {
    return [...this.visits.values()];
  }

  /** The visit whose page has this origin, for requests the browser files under no tab. */
  byOrigin(origin: string): TrackedVisit | undefined {
    return this.all().find((v) => new URL(v.url).origin === origin);
  }

  mainFrameResponse(tabId: number, requestId: string, url: string, at: number): TrackedVisit {
    const visit = this.set(visitFromMainFrameResponse(this.visits.get(tabId), tabId, requestId, url, at));
    this.navigating.get(tabId)?.answer();
    return visit;
  }

  /**
   * A top-level navigation began in the tab. Until its response is heard, a
   * cookie change may be the new page's: Firefox reports the response after
   * the change it caused (and after the commit), Chrome before.
   */
  navigationStarted(tabId: number): void {
    this.navigating.get(tabId)?.answer();
    let answer = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = () => {
        clearTimeout(timer);
        if (this.navigating.get(tabId)?.answered === answered) this.navigating.delete(tabId);
        resolve();
      };
    });
    const timer = setTimeout(answer, NAVIGATION_WAIT_MS);
    this.navigating.set(tabId, { answered, answer });
  }

  /** Resolves once no tab awaits its navigation's response (at most NAVIGATION_WAIT_MS after each began). */
  async navigationsAnswered(): Promise<void> {
    while (this.navigating.size > 0) await Promise.all([...this.navigating.values()].map((n) => n.answered));
  }

  committed(tabId: number, url: string, at: number): TrackedVisit {
    return this.set(visitOnCommit(this.visits.get(tabId), tabId, url, at));
  }

  /** A same-document URL change; the new route's visit, or undefined when the tab stays on its visit. */
  routeChanged(tabId: number, url: string, at: number): TrackedVisit | undefined {
    const route = visitOnRouteChange(this.visits.get(tabId), tabId, url, at);
    return route && this.set(route);
  }

  end(tabId: number): void {
    this.navigating.get(tabId)?.answer();
    const visit = this.visits.get(tabId);
    // What the page reports as it goes (its last claims, its storage) still belongs to it.
    if (visit) this.left.set(tabId, visit);
    if (this.visits.delete(tabId)) void this.persist();
  }

  private set(visit: TrackedVisit): TrackedVisit {
    const previous = this.visits.get(visit.tabId);
    this.visits.set(visit.tabId, visit);
    if (previous && previous.visitId !== visit.visitId) this.left.set(visit.tabId, previous);
    void this.persist();
    if (
      previous?.visitId !== visit.visitId ||
      previous.url !== visit.url ||
      previous.startedAt !== visit.startedAt
    ) {
      const record = recordedVisit(visit);
      this.db.visits
        .put(record)
        .catch((error: unknown) => console.error('[inspector] Could not store visit', error));
      if (previous?.visitId !== visit.visitId) this.onVisitStarted(record);
    }
    return visit;
  }

  private async persist(): Promise<void> {
    await browser.storage.session.set({ [SESSION_KEY]: this.all() });
  }
}
