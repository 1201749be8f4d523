import Dexie from 'dexie';
import type { ChainEntry } from '../../core/evidence/hash-chain';
import type { Observation, PageVisit } from '../../core/observations/observation';
import { JEEJIO_POLICY_2023_07 } from '../../core/policy/jeejio-policy-2023-07';
import type { ScreenshotRecord } from '../../core/recording/screenshot-record';
import type { RecordingSession, SessionWarningRecord } from '../../core/recording/session';
import { chainEntriesOf, chainTextsOf, idsToLookUp } from '../../core/recording/session-chain';
import { buildReport } from '../../core/report/build-report';
import type { Report } from '../../core/report/report-types';
import type { RuleContextOptions } from '../../core/rules/rule-context';
import type { InspectorDatabase } from '../../stores/inspector-database';
import { loadPackagedReferenceTables } from '../../stores/packaged-reference-tables';

/** Observations reach storage this long after they were seen at most, unless a stopped worker left them. */
const LATE_OBSERVATION_MS = 60_000;

/** A recorded session as it stood at one moment: its chain's entries, the pages they were seen on, its screenshots. */
export interface SessionRecord {
  session: RecordingSession;
  entries: ChainEntry[];
  texts: ReturnType<typeof chainTextsOf>;
  pages: PageVisit[];
  shots: ScreenshotRecord[];
  warnings: SessionWarningRecord[];
}

/**
 * Reads a session in one transaction, so a session still recording is read as
 * it stood at one moment, and checks its stored chain ends at the session's head.
 * `screenshots: false` leaves its pictures (megabytes) unread when only its report is wanted.
 */
export async function readSession(
  db: InspectorDatabase,
  sessionId: string,
  { screenshots = true }: { screenshots?: boolean } = {},
): Promise<SessionRecord> {
  // What is read is judged next (reportOfSession), with the tables read meanwhile.
  const [record] = await Promise.all([readRecord(db, sessionId, screenshots), loadPackagedReferenceTables()]);
  const { session, entries } = record;
  if (
    (entries.at(-1)?.hash ?? session.chain.head) !== session.chain.head ||
    entries.length !== session.chain.length
  )
    throw new Error(`Session ${sessionId}: the stored chain does not end at the session's head`);
  return record;
}

function readRecord(db: InspectorDatabase, sessionId: string, screenshots: boolean): Promise<SessionRecord> {
  return db.transaction(
    'r',
    [db.sessions, db.chainSegments, db.observationBatches, db.visits, db.screenshots, db.sessionWarnings],
    async () => {
      const session = await db.sessions.get(sessionId);
      if (!session) throw new Error(`No recorded session ${sessionId}`);
      const segments = await db.chainSegments
        .where('[sessionId+firstSeq]')
        .between([sessionId, Dexie.minKey], [sessionId, Dexie.maxKey])
        .toArray();
      // Entries hold the texts they chained; only older ones point at stored observations. Nearly all of a
      // session's observations were seen while it recorded: those rows are read in one request.
      const toLookUp = idsToLookUp(segments);
      const byId =
        toLookUp.length === 0
          ? new Map<string, Observation>()
          : await db.observations.byIds(toLookUp, {
              from: session.startedAt - LATE_OBSERVATION_MS,
              to: (session.stoppedAt ?? Date.now()) + LATE_OBSERVATION_MS,
            });
      const entries = chainEntriesOf(segments, (id) => byId.get(id));
      const visitIds = [...new Set(entries.map((e) => e.observation.visitId))];
      const pages = (await db.visits.bulkGet(visitIds)).filter((v): v is PageVisit => v !== undefined);
      const shots = screenshots
        ? await db.screenshots.where('sessionId').equals(sessionId).sortBy('takenAt')
        : [];
      const warnings = await db.sessionWarnings.where('sessionId').equals(sessionId).toArray();
      return { session, entries, texts: chainTextsOf(segments), pages, shots, warnings };
    },
  );
}

/** The report of a session's chained observations: what its bundle carries and what a comparison compares. */
export function reportOfSession(
  record: Pick<SessionRecord, 'entries' | 'pages'>,
  options: { tool: { name: string; version: string }; engine: RuleContextOptions; now: Date },
): Report {
  return buildReport({
    tool: options.tool,
    policy: JEEJIO_POLICY_2023_07,
    pages: record.pages,
    observations: record.entries.map((e) => e.observation),
    generatedAt: options.now.getTime(),
    ...options.engine,
  });
}
