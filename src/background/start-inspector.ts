import { browser } from 'wxt/browser';
import type { Observation, RecordedLog } from '../core/observations/observation';
import { JEEJIO_POLICY_2023_07 } from '../core/policy/jeejio-policy-2023-07';
import { buildReport } from '../core/report/build-report';
import type { Report } from '../core/report/report-types';
import { trimReport } from '../core/report/trim-report';
import type { TabReport, TabSummary } from '../protocol/worker-requests';
import { InspectorDatabase } from '../stores/inspector-database';
import { EngineOptions } from '../stores/settings-store';
import { showViolationBadge } from './badge';
import { watchContentReports } from './collectors/content-reports';
import { watchCookieChanges } from './collectors/cookie-changes';
import { snapshotCookieJar } from './collectors/cookie-jar-snapshot';
import { watchPageNavigation } from './collectors/page-navigation';
import { watchRequests } from './collectors/requests';
import { MonitoredSiteRegistry } from './monitored-site-registry';
import { ObservationWriter } from './observation-writer';
import { PageReadings, type PageReported } from './page-readings';
import { RecordingChainer } from './recording/chain-in-transaction';
import { QuotaRelief } from './recording/quota-relief';
import { readEnvironment } from './recording/read-environment';
import { Recorder } from './recording/recorder';
import { RetentionKeeper } from './recording/retention-keeper';
import { ScreenshotTaker } from './recording/screenshot-taker';
import { watchPageLoadsForScreenshots } from './recording/watch-screenshots';
import { StorageJournal } from './storage-journal';
import { TabReportCache } from './tab-report-cache';
import { VisitSummaries } from './visit-summaries';
import { VisitTracker } from './visit-tracker';

export interface Inspector {
  /** Resolves when the listeners are in place and earlier state is restored. */
  ready: Promise<void>;
  tabReport(tabId: number): Promise<TabReport>;
  /** The verdict and first violations of a tab's visit, kept up to date as data arrives. */
  tabSummary(tabId: number): Promise<TabSummary>;
  /** Stores observations as if the collectors had made them (replay, tests, benchmarks). */
  record(observations: Observation[]): Promise<void>;
  /** Everything recorded so far, after a fresh read of every monitored page's cookies. */
  exportReport(): Promise<Report>;
  /** The raw recorded log the report is built from, for replay and evidence. */
  exportLog(): Promise<RecordedLog>;
  /**
   * Whether the page a tab shows at this URL has sent what its load brings (its
   * first storage reading comes last): the audit waits for this before moving on.
   * `not-watched` when no monitored tab shows it.
   */
  pageReported(pageUrl: string): PageReported;
  /** Deletes everything recorded; the badges go blank. */
  clearData(): Promise<{ cleared: number }>;
  /** Recording sessions: what the writer stores while one runs is chained into it. */
  recorder: Recorder;
  /** Deletes data outside sessions after the days the user set. */
  retention: RetentionKeeper;
}

/**
 * Wires collectors to storage. Listeners are added synchronously, in the
 * worker's first turn, so an event that wakes a stopped worker is delivered.
 */
export function startInspector(): Inspector {
  const db = new InspectorDatabase();
  const engineOptions = new EngineOptions();
  const chainer = new RecordingChainer(
    () => recorder.unwrittenPause(),
    (sessionId) => recorder.pauseWritten(sessionId),
  );
  const recorder: Recorder = new Recorder(
    db,
    () => writer.drain(),
    readEnvironment,
    () => chainer.forget(),
  );
  const screenshots = new ScreenshotTaker(db, recorder, (tabId) => visits.current(tabId));
  const summaries = new VisitSummaries(
    db,
    (tabId) => visits.current(tabId),
    engineOptions,
    screenshots.judged,
  );
  const quota = new QuotaRelief(db, recorder);
  const reports = new TabReportCache();
  const writer = new ObservationWriter(db, (stored) => summaries.refresh(stored), {
    step: chainer,
    relieveQuota: () => quota.relieve(),
    // In local storage: a browser closed in the middle of a burst keeps it for the next start.
    waiting: new StorageJournal<Observation[]>('observationJournal/', 'local'),
  });
  browser.tabs.onRemoved.addListener((tabId) => reports.forgetTab(tabId));
  const visits = new VisitTracker(db, (visit) => void showViolationBadge(visit.tabId, 0, null));
  const record = (observations: Observation[]) => writer.add(observations);

  const sites = new MonitoredSiteRegistry();

  // Cookie changes and request readings come in bursts while a page loads: they are journaled and
  // stored at the burst's end, so the worker leaves the CPU to the page meanwhile.
  const recordWhenQuiet = (observations: Observation[]) => void writer.add(observations, 'when-quiet');
  watchCookieChanges(visits, recordWhenQuiet);
  watchPageNavigation(visits, sites, record);
  watchRequests(visits, sites, recordWhenQuiet);
  const pageReadings = new PageReadings();
  watchContentReports(visits, sites, record, (visitId, reading) => pageReadings.note(visitId, reading));
  watchPageLoadsForScreenshots(visits, screenshots);

  const snapshotAll = async () => {
    for (const visit of visits.all()) record(await snapshotCookieJar(visit).catch(() => []));
    await writer.drain();
  };
  // What a stopped worker journaled and never stored is stored now; the jar still holds the cookies.
  const ready = visits.ready.then(() => Promise.all([writer.storeLeftOver(), snapshotAll()])).then(() => {});
  const retention = new RetentionKeeper(db, (visitId) => visits.all().some((v) => v.visitId === visitId));
  ready.then(() => retention.applyIfDue()).catch((e: unknown) => console.error('[inspector] Retention', e));

  const exportLog = async (): Promise<RecordedLog> => {
    await ready;
    await snapshotAll();
    const [pages, observations] = await Promise.all([db.visits.toArray(), db.observations.all()]);
    return { pages, observations };
  };

  const tool = () => ({ name: 'jeejio-privacy-inspector', version: browser.runtime.getManifest().version });

  return {
    ready,
    recorder,
    retention,
    async tabSummary(tabId) {
      await ready;
      const visit = visits.current(tabId);
      if (!visit) return { monitored: false, pageUrl: null, summary: null, storageProblem: writer.lastError };
      return {
        monitored: true,
        pageUrl: visit.url,
        summary: await summaries.of(visit),
        storageProblem: writer.lastError,
      };
    },
    async record(observations) {
      record(observations);
      await writer.drain();
    },
    async tabReport(tabId) {
      await ready;
      const visit = visits.current(tabId);
      if (!visit) return { monitored: false, pageUrl: null, report: null, storageProblem: writer.lastError };
      await writer.drain();
      const dataVersion = `${engineOptions.version}:${summaries.storedSoFar(tabId)}`;
      const report = await reports.get(tabId, visit.visitId, dataVersion, async () => {
        const observations = await db.observations.ofVisit(visit.visitId);
        const built = buildReport({
          tool: tool(),
          policy: JEEJIO_POLICY_2023_07,
          pages: [visit],
          observations,
          generatedAt: Date.now(),
          ...(await engineOptions.get()),
        });
        return { monitored: true, pageUrl: visit.url, report: trimReport(built), storageProblem: null };
      });
      return { ...report, storageProblem: writer.lastError };
    },
    async exportReport() {
      const { pages, observations } = await exportLog();
      return buildReport({
        tool: tool(),
        policy: JEEJIO_POLICY_2023_07,
        pages,
        observations,
        generatedAt: Date.now(),
        ...(await engineOptions.get()),
      });
    },
    exportLog,
    pageReported(pageUrl) {
      return pageReadings.state(visits.all().filter((v) => v.url === pageUrl));
    },
    async clearData() {
      await writer.drain();
      const cleared = await db.observations.count();
      // Recorded sessions go too (the options page asks first): their chains point at these observations.
      const others = [db.visits, db.sessions, db.chainSegments, db.screenshots];
      await db.transaction('rw', [db.observationBatches, ...others], () =>
        Promise.all([db.observations.clear(), ...others.map((table) => table.clear())]),
      );
      writer.forgetStored();
      reports.invalidateAll();
      await summaries.forgetAll();
      // The pages still open stay known, so what they do next is filed under a visit on record.
      await db.visits.bulkPut(visits.all().map(({ pendingRequestId: _pending, ...visit }) => visit));
      for (const visit of visits.all()) await showViolationBadge(visit.tabId, 0, null);
      return { cleared };
    },
  };
}
