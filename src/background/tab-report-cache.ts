import type { TabReport } from '../protocol/worker-requests';

interface Entry {
  visitId: string;
  key: string;
  report: Promise<TabReport>;
}

/**
 * The popup's full report of a tab, built once per state of the visit's data:
 * with 100,000 observations a build takes seconds, and a popup opened again
 * on an unchanged page should not make the worker do it again (nor keep it
 * too busy to answer the next popup's first question quickly).
 */
export class TabReportCache {
  private readonly byTab = new Map<number, Entry>();
  private generation = 0;

  /** Data cleared or settings changed: every report is built afresh. */
  invalidateAll(): void {
    this.generation++;
    this.byTab.clear();
  }

  /**
   * The cached report of the tab's visit, or a new one; concurrent callers share one build.
   * `dataVersion` changes whenever what the report is built from does (new data, other settings).
   */
  get(
    tabId: number,
    visitId: string,
    dataVersion: string,
    build: () => Promise<TabReport>,
  ): Promise<TabReport> {
    const key = `${this.generation}:${dataVersion}`;
    const cached = this.byTab.get(tabId);
    if (cached && cached.visitId === visitId && cached.key === key) return cached.report;
    const report = build();
    const entry = { visitId, key, report };
    this.byTab.set(tabId, entry);
    // A failed build is not kept: the next popup tries again.
    report.catch(() => {
      if (this.byTab.get(tabId) === entry) this.byTab.delete(tabId);
    });
    return report;
  }

  /** A closed tab's report is of no further use. */
  forgetTab(tabId: number): void {
    this.byTab.delete(tabId);
  }
}
