import { browser } from 'wxt/browser';
import { evaluateRules } from '../core/engine/evaluate-policy';
import type { Observation, PageVisit } from '../core/observations/observation';
import { JEEJIO_POLICY_2023_07 } from '../core/policy/jeejio-policy-2023-07';
import type { Violation } from '../core/report/report-types';
import { summarizeVisit, type VisitSummary } from '../core/report/visit-summary';
import type { InspectorDatabase } from '../stores/inspector-database';
import { referenceTablesLoaded } from '../stores/packaged-reference-tables';
import type { EngineSettings } from '../stores/settings-store';
import { showViolationBadge } from './badge';

/** Judging waits for this long a pause in the arrival of observations... */
const DELAY_MS = 200;
/** ...but a page that never pauses is still judged this often. */
const MAX_DEFER_MS = 1_000;
/** The badge of a huge visit still moves at least this often. */
const MAX_PAUSE_MS = 10_000;
/** One entry per tab, replaced on each visit, so session storage holds as many summaries as there are tabs. */
const SESSION_PREFIX = 'summary:tab:';

/**
 * Re-judges a tab's visit shortly after new observations land (once per
 * burst), then updates its badge and keeps the result as the visit's summary:
 * in memory and in session storage, so a popup opened later, even after the
 * worker restarted, shows its verdict without evaluating anything.
 */
export class VisitSummaries {
  private readonly dueTabs = new Set<number>();
  private readonly byTab = new Map<number, VisitSummary>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstDueAt = 0;
  private running = false;
  private lastRoundMs = 0;
  /** Bumped when everything is forgotten, so a judgement already under way is not stored afterwards. */
  private generation = 0;
  /** Observations stored per tab so far, and how many of them the tab's kept summary saw. */
  private readonly storedCount = new Map<number, number>();
  private readonly judgedCount = new Map<number, number>();

  constructor(
    private readonly db: InspectorDatabase,
    private readonly currentVisit: (tabId: number) => PageVisit | undefined,
    private readonly engineSettings: EngineSettings,
    /** Told every judgement, e.g. to screenshot a rule's first violation on a page while recording. */
    private readonly onJudged?: (visit: PageVisit, violations: readonly Violation[]) => void,
  ) {}

  refresh(stored: readonly Observation[]): void {
    for (const o of stored) {
      this.dueTabs.add(o.tabId);
      this.storedCount.set(o.tabId, (this.storedCount.get(o.tabId) ?? 0) + 1);
    }
    if (!this.running) this.schedule();
  }

  /**
   * One judging round at a time, once the observations stop coming for a
   * moment (a loading page has the CPU to itself), and a pause after each round
   * three times as long as it took: a visit with 100,000 observations takes a
   * second or more to judge, and the worker must stay free most of the time to
   * answer a popup and to store what keeps arriving.
   */
  private schedule(): void {
    const now = Date.now();
    if (this.timer === null) this.firstDueAt = now;
    else clearTimeout(this.timer);
    const pause = Math.min(MAX_PAUSE_MS, Math.max(DELAY_MS, 3 * this.lastRoundMs));
    const at = Math.max(
      this.firstDueAt + pause,
      Math.min(now + DELAY_MS, this.firstDueAt + Math.max(pause, MAX_DEFER_MS)),
    );
    this.timer = setTimeout(() => void this.run(), at - now);
  }

  /** How many observations of the tab this worker has stored: changes whenever its data does. */
  storedSoFar(tabId: number): number {
    return this.storedCount.get(tabId) ?? 0;
  }

  /** The visit's summary, computed now only if none was kept or observations stored since are not in it. */
  async of(visit: PageVisit): Promise<VisitSummary> {
    const known = this.byTab.get(visit.tabId) ?? (await this.stored(visit.tabId));
    const upToDate = this.judgedCount.get(visit.tabId) === this.storedCount.get(visit.tabId);
    return known?.visitId === visit.visitId && upToDate ? known : this.compute(visit);
  }

  async forgetAll(): Promise<void> {
    this.generation++;
    this.byTab.clear();
    this.judgedCount.clear();
    const all = await browser.storage.session.get(null);
    await browser.storage.session.remove(Object.keys(all).filter((k) => k.startsWith(SESSION_PREFIX)));
  }

  private async run(): Promise<void> {
    this.timer = null;
    this.running = true;
    const started = performance.now();
    try {
      await this.judgeDueTabs();
    } finally {
      this.running = false;
      this.lastRoundMs = performance.now() - started;
      if (this.dueTabs.size > 0) this.schedule();
    }
  }

  private async judgeDueTabs(): Promise<void> {
    const tabs = [...this.dueTabs];
    this.dueTabs.clear();
    for (const tabId of tabs) {
      const visit = this.currentVisit(tabId);
      if (!visit) continue;
      // A judgement that started after these observations were stored already counted them;
      // at 100,000 observations judging again for nothing would hold the worker for a second or more.
      const kept = this.byTab.get(tabId);
      if (kept?.visitId === visit.visitId && this.judgedCount.get(tabId) === this.storedCount.get(tabId))
        continue;
      try {
        const summary = await this.compute(visit);
        await showViolationBadge(tabId, summary.findings, summary.first[0]?.severity ?? null);
      } catch (error) {
        // One tab's failure must not leave the others' badges stale.
        console.error('[inspector] Could not judge tab', tabId, error);
      }
    }
  }

  private async compute(visit: PageVisit): Promise<VisitSummary> {
    const generation = this.generation;
    const counted = this.storedCount.get(visit.tabId) ?? 0;
    const [observations] = await Promise.all([
      this.db.observations.ofVisit(visit.visitId),
      referenceTablesLoaded(),
    ]);
    const { violations } = evaluateRules(
      observations,
      JEEJIO_POLICY_2023_07,
      await this.engineSettings.get(),
    );
    this.onJudged?.(visit, violations);
    const summary = summarizeVisit(visit, observations.length, violations, Date.now());
    if (generation !== this.generation) return summary;
    this.byTab.set(visit.tabId, summary);
    this.judgedCount.set(visit.tabId, counted);
    // Session storage only spares a restarted worker the recount; the summary is valid without it.
    await browser.storage.session
      .set({ [`${SESSION_PREFIX}${visit.tabId}`]: summary })
      .catch((error: unknown) => {
        console.warn('[inspector] Could not keep the summary in session storage', error);
      });
    return summary;
  }

  private async stored(tabId: number): Promise<VisitSummary | undefined> {
    const key = `${SESSION_PREFIX}${tabId}`;
    return (await browser.storage.session.get(key))[key] as VisitSummary | undefined;
  }
}
