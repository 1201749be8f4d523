import { browser } from 'wxt/browser';
import { evaluateRules } from '../engine/evaluate-policy';
import type { Observation, PageVisit } from '../observations/observation';
import { JEEJIO_POLICY_2023_07 } from '../policy/jeejio-policy-2023-07';
import { summarizeVisit, type VisitSummary } from '../report/visit-summary';
import { showViolationBadge } from './badge';
import type { InspectorDatabase } from './inspector-database';
import type { EngineOptions } from './settings-store';

const DELAY_MS = 200;
const SESSION_PREFIX = 'summary:';

/**
 * Re-judges a tab's visit shortly after new observations land (once per
 * burst), then updates its badge and keeps the result as the visit's summary:
 * in memory and in session storage, so a popup opened later, even after the
 * worker restarted, shows its verdict without evaluating anything.
 */
export class VisitSummaries {
  private readonly dueTabs = new Set<number>();
  private readonly byVisit = new Map<string, VisitSummary>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: InspectorDatabase,
    private readonly currentVisit: (tabId: number) => PageVisit | undefined,
    private readonly engineOptions: EngineOptions,
  ) {}

  refresh(stored: readonly Observation[]): void {
    for (const o of stored) this.dueTabs.add(o.tabId);
    this.timer ??= setTimeout(() => void this.run(), DELAY_MS);
  }

  /** The visit's summary, computed now only if none was kept. */
  async of(visit: PageVisit): Promise<VisitSummary> {
    const known = this.byVisit.get(visit.visitId) ?? (await this.stored(visit.visitId));
    return known ?? this.compute(visit);
  }

  forgetAll(): void {
    this.byVisit.clear();
    void browser.storage.session
      .get(null)
      .then((all) =>
        browser.storage.session.remove(Object.keys(all).filter((k) => k.startsWith(SESSION_PREFIX))),
      );
  }

  private async run(): Promise<void> {
    this.timer = null;
    const tabs = [...this.dueTabs];
    this.dueTabs.clear();
    for (const tabId of tabs) {
      const visit = this.currentVisit(tabId);
      if (!visit) continue;
      const summary = await this.compute(visit);
      await showViolationBadge(tabId, summary.violations, summary.first[0]?.severity ?? null);
    }
  }

  private async compute(visit: PageVisit): Promise<VisitSummary> {
    const observations = await this.db.observations.where('visitId').equals(visit.visitId).toArray();
    const { violations } = evaluateRules(observations, JEEJIO_POLICY_2023_07, await this.engineOptions.get());
    const summary = summarizeVisit(visit, observations.length, violations, Date.now());
    this.byVisit.set(visit.visitId, summary);
    await browser.storage.session.set({ [`${SESSION_PREFIX}${visit.visitId}`]: summary });
    return summary;
  }

  private async stored(visitId: string): Promise<VisitSummary | undefined> {
    const key = `${SESSION_PREFIX}${visitId}`;
    return (await browser.storage.session.get(key))[key] as VisitSummary | undefined;
  }
}
