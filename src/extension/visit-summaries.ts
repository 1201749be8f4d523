import { browser } from 'wxt/browser';
import { evaluateRules } from '../engine/evaluate-policy';
import type { Observation, PageVisit } from '../observations/observation';
import { JEEJIO_POLICY_2023_07 } from '../policy/jeejio-policy-2023-07';
import type { Violation } from '../report/report-types';
import { summarizeVisit, type VisitSummary } from '../report/visit-summary';
import { showViolationBadge } from './badge';
import type { InspectorDatabase } from './inspector-database';
import type { EngineOptions } from './settings-store';

const DELAY_MS = 200;
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
  /** Bumped when everything is forgotten, so a judgement already under way is not stored afterwards. */
  private generation = 0;
  /** How long the last judging took: under a sustained stream, judging waits three times that, leaving the writer room. */
  private lastRunMs = 0;

  constructor(
    private readonly db: InspectorDatabase,
    private readonly currentVisit: (tabId: number) => PageVisit | undefined,
    private readonly engineOptions: EngineOptions,
    /** Told every judgement, e.g. to screenshot a rule's first violation on a page while recording. */
    private readonly onJudged?: (visit: PageVisit, violations: readonly Violation[]) => void,
  ) {}

  refresh(stored: readonly Observation[]): void {
    for (const o of stored) this.dueTabs.add(o.tabId);
    if (this.dueTabs.size === 0) return;
    this.timer ??= setTimeout(() => void this.run(), Math.max(DELAY_MS, this.lastRunMs * 3));
  }

  /** The visit's summary, computed now only if none was kept. */
  async of(visit: PageVisit): Promise<VisitSummary> {
    const known = this.byTab.get(visit.tabId) ?? (await this.stored(visit.tabId));
    return known?.visitId === visit.visitId ? known : this.compute(visit);
  }

  async forgetAll(): Promise<void> {
    this.generation++;
    this.byTab.clear();
    const all = await browser.storage.session.get(null);
    await browser.storage.session.remove(Object.keys(all).filter((k) => k.startsWith(SESSION_PREFIX)));
  }

  private async run(): Promise<void> {
    const startedAt = performance.now();
    const tabs = [...this.dueTabs];
    this.dueTabs.clear();
    for (const tabId of tabs) {
      const visit = this.currentVisit(tabId);
      if (!visit) continue;
      try {
        const summary = await this.compute(visit);
        await showViolationBadge(tabId, summary.violations, summary.first[0]?.severity ?? null);
      } catch (error) {
        // One tab's failure must not leave the others' badges stale.
        console.error('[inspector] Could not judge tab', tabId, error);
      }
    }
    // Data that arrived meanwhile is judged next, after a pause that grows with the judging's cost.
    this.lastRunMs = performance.now() - startedAt;
    this.timer = null;
    if (this.dueTabs.size > 0) this.refresh([]);
  }

  private async compute(visit: PageVisit): Promise<VisitSummary> {
    const generation = this.generation;
    const observations = await this.db.observations.where('visitId').equals(visit.visitId).toArray();
    const { violations } = evaluateRules(observations, JEEJIO_POLICY_2023_07, await this.engineOptions.get());
    this.onJudged?.(visit, violations);
    const summary = summarizeVisit(visit, observations.length, violations, Date.now());
    if (generation !== this.generation) return summary;
    this.byTab.set(visit.tabId, summary);
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
