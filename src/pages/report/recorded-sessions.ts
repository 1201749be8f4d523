import { browser } from 'wxt/browser';
import { type SessionChoice, sessionChoices } from '../../core/recording/session-choices';
import { compareReports, type ReportComparison } from '../../core/report/compare-reports';
import type { Report } from '../../core/report/report-types';
import { toolIdentity } from '../../core/report/tool';
import type { InspectorDatabase } from '../../stores/inspector-database';
import { sendRequest } from '../shared/send-request';

/** Two sessions' reports and what changed from the earlier to the later. */
export interface SessionComparison {
  previous: Report;
  current: Report;
  comparison: ReportComparison;
}

/** What the report page reads of recorded sessions; a prop, so the page can be driven without a browser. */
export interface RecordedSessions {
  /** Every recorded session, newest first. */
  list(): Promise<SessionChoice[]>;
  /** One session's report, as its evidence bundle would carry it. */
  report(sessionId: string): Promise<Report>;
  compare(previousId: string, currentId: string): Promise<SessionComparison>;
}

/**
 * Sessions read by this page itself, as an export reads them: a session's
 * chain can be far larger than a message carries. The background first stores
 * and chains what it still holds, so a session still recording is read whole.
 */
export const recordedSessions: RecordedSessions = {
  list: () => withDatabase(async (db) => sessionChoices(await db.sessions.toArray())),
  async report(sessionId) {
    const [report] = await sessionReports([sessionId]);
    if (!report) throw new Error(`No recorded session ${sessionId}`);
    return report;
  },
  async compare(previousId, currentId) {
    const [previous, current] = await sessionReports([previousId, currentId]);
    if (!previous || !current) throw new Error('Both sessions must be read to compare them');
    return { previous, current, comparison: compareReports(previous, current) };
  },
};

/** Each session's report, judged with the user's current settings. */
async function sessionReports(sessionIds: readonly string[]): Promise<Report[]> {
  await sendRequest('settle-recording', {});
  const [{ readSession, reportOfSession }, { EngineSettings }] = await Promise.all([
    import('../shared/session-report'),
    import('../../stores/settings-store'),
  ]);
  const engine = await new EngineSettings().get();
  const tool = toolIdentity(browser.runtime.getManifest().version);
  const now = new Date();
  return withDatabase((db) =>
    Promise.all(
      sessionIds.map(async (id) =>
        reportOfSession(await readSession(db, id, { screenshots: false }), { tool, engine, now }),
      ),
    ),
  );
}

/** The database opened on demand, for one read: opening the report page should not wait for it. */
async function withDatabase<T>(read: (db: InspectorDatabase) => Promise<T>): Promise<T> {
  const { InspectorDatabase } = await import('../../stores/inspector-database');
  const db = new InspectorDatabase();
  try {
    return await read(db);
  } finally {
    db.close();
  }
}
