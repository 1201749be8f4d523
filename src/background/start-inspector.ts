import { browser } from 'wxt/browser';
import { evidenceLoss } from '../core/observations/evidence-loss';
import { FloodBudget } from '../core/observations/flood-budget';
import type { Observation, PageVisit, RecordedLog } from '../core/observations/observation';
import { recordedVisit } from '../core/observations/page-visit';
import { JEEJIO_POLICY_2023_07 } from '../core/policy/jeejio-policy-2023-07';
import { buildReport } from '../core/report/build-report';
import type { Report } from '../core/report/report-types';
import { toolIdentity } from '../core/report/tool';
import { trimReport } from '../core/report/trim-report';
import { RULE_SET_VERSION } from '../core/rules/rule-registry';
import type { Inspector } from '../protocol/inspector';
import { InspectorDatabase } from '../stores/inspector-database';
import { referenceTablesLoaded } from '../stores/packaged-reference-tables';
import { EngineSettings } from '../stores/settings-store';
import { showViolationBadge } from './badge';
import { watchContentReports } from './collectors/content-reports';
import { watchCookieChanges } from './collectors/cookie-changes';
import { snapshotCookieJar } from './collectors/cookie-jar-snapshot';
import { watchNavigations } from './collectors/navigations';
import { watchPageNavigation } from './collectors/page-navigation';
import { RequestJournal } from './collectors/request-journal';
import { watchRequests } from './collectors/requests';
import { CookieWriters } from './cookie-writers';
import { FloodGate } from './flood-gate';
import { MonitoredSiteRegistry } from './monitored-site-registry';
import { ObservationWriter } from './observation-writer';
import { PageLoads } from './page-loads';
import { PageReadings } from './page-readings';
import { RecordingChainer } from './recording/chain-in-transaction';
import { QuotaRelief } from './recording/quota-relief';
import { readEnvironment } from './recording/read-environment';
import { Recorder } from './recording/recorder';
import { RetentionKeeper } from './recording/retention-keeper';
import { ScreenshotTaker } from './recording/screenshot-taker';
import { SessionState } from './recording/session-state';
import { watchPageLoadsForScreenshots } from './recording/watch-screenshots';
import { StorageJournal } from './storage-journal';
import { TabReportCache } from './tab-report-cache';
import { unjournaledLosses } from './unjournaled-losses';
import { VisitSummaries } from './visit-summaries';
import { VisitTracker } from './visit-tracker';
import { WakeClock } from './wake-clock';

/**
 * Assembles the worker, each part after what it needs, and adds every
 * listener synchronously in the worker's first turn, so an event that wakes a
 * stopped worker is delivered.
 */
export function startInspector(): Inspector {
  const wake = new WakeClock();
  const db = new InspectorDatabase();
  const engineSettings = new EngineSettings();
  const sites = new MonitoredSiteRegistry();
  const visits = new VisitTracker(db, (visit) => {
    void showViolationBadge(visit.tabId, 0, null);
    // The page the tab left is over: what it flooded with is summed up now.
    const left = visits.previous(visit.tabId);
    if (left) gate.endVisit(left.visitId);
  });
  const sessions = new SessionState(db);
  const screenshots = new ScreenshotTaker(db, sessions, (tabId) => visits.current(tabId));
  const summaries = new VisitSummaries(
    db,
    (tabId) => visits.current(tabId),
    engineSettings,
    screenshots.judged,
  );
  const quota = new QuotaRelief(db, sessions);
  const loads = new PageLoads();
  loads.watch();
  const onStored = (stored: Observation[]) => {
    wake.stored();
    summaries.refresh(stored);
  };
  const writer = new ObservationWriter(db, onStored, {
    step: new RecordingChainer(sessions),
    relieveQuota: () => quota.relieve(),
    // In local storage: a browser closed in the middle of a burst keeps it for the next start.
    waiting: wake.watchingKept(new StorageJournal<Observation[]>('observationJournal/', 'local')),
    // The report, the popup and the bundle then say the evidence may be incomplete.
    onUnjournaled: (observations) => void writer.add(unjournaledLosses(observations, Date.now())),
    // What a page does while it loads is journaled at once, and stored and judged once it has loaded.
    pageLoading: () => loads.any(),
  });
  const recorder = new Recorder(sessions, writer, readEnvironment);
  const retention = new RetentionKeeper(db, (visitId) => visits.all().some((v) => v.visitId === visitId));
  const pageReadings = new PageReadings();
  const reports = new TabReportCache();

  // Every path that records passes the flood budget: a page flooding the worker is kept as counts per key.
  const gate = new FloodGate(new FloodBudget(Date.now), (observations, timing) =>
    writer.add(observations, timing),
  );
  // Everything is journaled before it is stored. What a page does comes in bursts while it loads: it is
  // stored at the burst's end and after the load, so the worker leaves the CPU to the page meanwhile.
  // The tabs that write cookies, named by their Set-Cookie headers and their scripts' claims: a cookie change
  // two open tabs share is blamed on the one that made it.
  const cookieWriters = new CookieWriters();
  const recordWhenQuiet = (observations: Observation[]) => {
    cookieWriters.note(observations);
    void gate.pass(observations, 'when-quiet');
  };
  // For callers that wait for the store anyway (an export, the audit's own records).
  const record = (observations: Observation[]) => void gate.pass(observations);
  // A cookie change the worker stops before journaling is still in the jar the next worker reads: its
  // journal writes are gathered with others (one storage call for many changes).
  watchCookieChanges(
    visits,
    (observations) =>
      gate.pass(observations, 'when-quiet', (admitted, timing) => writer.add(admitted, timing, 'batched')),
    cookieWriters,
  );
  watchPageNavigation(visits, sites, recordWhenQuiet, cookieWriters);
  // A request reading the session journal could not keep makes its page's evidence possibly incomplete too.
  const requestJournal = new RequestJournal((tabId) => {
    const visit = visits.current(tabId);
    if (visit)
      void writer.add([
        evidenceLoss({ visit, cause: 'journal-unavailable', count: 1, observedAt: Date.now() }),
      ]);
  });
  watchRequests(visits, sites, recordWhenQuiet, requestJournal);
  watchNavigations(visits, recordWhenQuiet);
  // Content scripts hold a report until the worker answers that it is journaled, and send it again otherwise.
  watchContentReports(
    visits,
    sites,
    (observations) => {
      cookieWriters.note(observations);
      return gate.pass(observations, 'when-quiet', (admitted, timing) =>
        writer.keep(admitted, timing, 'batched'),
      );
    },
    (visitId, reading) => pageReadings.note(visitId, reading),
  );
  watchPageLoadsForScreenshots(visits, screenshots);
  browser.tabs.onRemoved.addListener((tabId) => {
    reports.forgetTab(tabId);
    gate.summarise();
  });
  wake.listenersAdded();

  const snapshotAll = async () => {
    for (const visit of visits.all()) {
      // A refused reading is a recorded loss (snapshotCookieJar); anything else must not take the worker's
      // readiness, and every export with it, down.
      record(
        await snapshotCookieJar(visit, cookieWriters).catch((error: unknown) => {
          console.error('[inspector] Could not snapshot the cookie jar of', visit.url, error);
          return [];
        }),
      );
    }
    await writer.drain();
  };
  // What a stopped worker journaled and never stored is stored now; the jar still holds the cookies.
  const ready = visits.ready.then(() => Promise.all([writer.storeLeftOver(), snapshotAll()])).then(() => {});
  ready.then(() => retention.applyIfDue()).catch((e: unknown) => console.error('[inspector] Retention', e));

  /** The one place the worker builds a report: this build, the shipped policy, the user's settings. */
  const reportOf = async (
    pages: readonly PageVisit[],
    observations: readonly Observation[],
  ): Promise<Report> => {
    await referenceTablesLoaded();
    return buildReport({
      tool: toolIdentity(browser.runtime.getManifest().version),
      policy: JEEJIO_POLICY_2023_07,
      pages,
      observations,
      generatedAt: Date.now(),
      ...(await engineSettings.get()),
    });
  };

  const exportLog = async (): Promise<RecordedLog> => {
    await ready;
    gate.summarise();
    await snapshotAll();
    const [pages, stored] = await Promise.all([db.visits.toArray(), db.observations.all()]);
    // The database refused a write (lastError says why; it is retried): what waits is in the report all the same.
    const waiting = writer.unstored();
    if (waiting.length === 0) return { pages, observations: stored };
    const ids = new Set(stored.map((o) => o.id));
    // The page visits may have been refused too: the open ones are named as the tracker knows them.
    const known = new Set(pages.map((p) => p.visitId));
    return {
      pages: [
        ...pages,
        ...visits
          .all()
          .filter((v) => !known.has(v.visitId))
          .map(recordedVisit),
      ],
      observations: [...stored, ...waiting.filter((o) => !ids.has(o.id))],
    };
  };

  return {
    ready,
    ruleSetVersion: RULE_SET_VERSION,
    recorder,
    retention,
    async tabSummary(tabId) {
      await ready;
      const visit = visits.current(tabId);
      if (!visit) return { monitored: false, pageUrl: null, summary: null, storageProblem: writer.lastError };
      // What the page did while it loaded may still wait to be stored: the popup's verdict includes it.
      await writer.drain();
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
      gate.summarise();
      await writer.drain();
      const dataVersion = `${engineSettings.version}:${summaries.storedSoFar(tabId)}`;
      const report = await reports.get(tabId, visit.visitId, dataVersion, async () => {
        const built = await reportOf([visit], await db.observations.ofVisit(visit.visitId));
        return { monitored: true, pageUrl: visit.url, report: trimReport(built), storageProblem: null };
      });
      return { ...report, storageProblem: writer.lastError };
    },
    async exportReport() {
      const { pages, observations } = await exportLog();
      return reportOf(pages, observations);
    },
    exportLog,
    wakeTimings: () => wake.read(),
    pageReadingState(pageUrl) {
      return pageReadings.state(visits.all().filter((v) => v.url === pageUrl));
    },
    async clearData() {
      await writer.drain();
      const cleared = await db.observations.count();
      // Recorded sessions go too (the options page asks first): their chains point at these observations.
      await db.clearRecordedData();
      writer.forgetStored();
      reports.invalidateAll();
      await summaries.forgetAll();
      // The pages still open stay known, so what they do next is filed under a visit on record.
      await db.visits.bulkPut(visits.all().map(recordedVisit));
      for (const visit of visits.all()) await showViolationBadge(visit.tabId, 0, null);
      return { cleared };
    },
  };
}
