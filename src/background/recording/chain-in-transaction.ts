import type { Table } from 'dexie';
import type { Observation } from '../../core/observations/observation';
import type { RecordingSession } from '../../core/recording/session';
import { pauseSession, pauseWarning } from '../../core/recording/session';
import { chainSegment } from '../../core/recording/session-chain';
import type { InspectorDatabase } from '../../stores/inspector-database';
import type { SessionState } from './session-state';

/**
 * What the observation writer runs inside the transaction that stores a
 * batch, so observations and their chain entries are stored together or not
 * at all: a worker stopped mid-write leaves neither an observation outside
 * the chain nor an entry without its observation.
 */
export interface TransactionStep {
  /** Tables the step writes, besides `observations`. */
  tables(db: InspectorDatabase): Table[];
  /**
   * Runs inside the transaction, given the batch and its write under way (it
   * resolves to the observations newly stored). Every round trip to the
   * database is time in which a stopped worker loses the batch, so requests
   * are issued together wherever they can be.
   */
  run(
    db: InspectorDatabase,
    batch: readonly Observation[],
    storing: Promise<readonly Observation[]>,
  ): Promise<void>;
  /** Told whether the transaction committed. */
  settled(committed: boolean): void;
}

/** The guess a batch was chained on did not hold; the transaction is rolled back and the batch written again at once. */
export class StaleChainGuess extends Error {
  override name = 'StaleChainGuess';
}

/**
 * Appends newly stored observations to the recording session, if one is
 * recording; the head lives in the session row and is written in the same
 * transaction, so the chain continues across worker and browser restarts.
 *
 * Once this worker knows the session, a batch is chained in one round trip:
 * it guesses that every observation is new and the session row unchanged,
 * issues the observations, the segment and the new head at once, and reads
 * the row beside them. When the guess fails (a fact seen before, the session
 * stopped, paused or deleted meanwhile) the transaction is aborted, so nothing
 * of the guess remains, and the batch is written again the careful way: the
 * row read first, the segment written after.
 */
export class RecordingChainer implements TransactionStep {
  /** The recording session as this worker last committed it; undefined until read. */
  private known: RecordingSession | undefined;
  private pending: RecordingSession | undefined;
  private careful = true;
  /** The session whose unwritten pause the transaction under way writes. */
  private pausing: string | undefined;

  constructor(
    /**
     * The session as this worker knows it: a pause the database was too full to
     * take (SessionState.pause) is written by the next batch stored, and a change
     * made elsewhere in this worker makes the chainer forget what it knew.
     */
    private readonly sessions?: Pick<SessionState, 'unwrittenPause' | 'pauseWritten' | 'onChanged'>,
  ) {
    sessions?.onChanged(() => this.forget());
  }

  private unwrittenPause() {
    return this.sessions?.unwrittenPause();
  }

  private pauseWritten(sessionId: string): void {
    this.sessions?.pauseWritten(sessionId);
  }

  /** The session changed elsewhere in this worker (started, stopped, paused). */
  forget(): void {
    this.known = undefined;
    this.careful = true;
  }

  tables(db: InspectorDatabase): Table[] {
    return [db.sessions, db.chainSegments, db.sessionWarnings];
  }

  async run(
    db: InspectorDatabase,
    batch: readonly Observation[],
    storing: Promise<readonly Observation[]>,
  ): Promise<void> {
    this.pending = undefined;
    this.pausing = undefined;
    const known = this.known;
    if (known && !this.careful && !this.unwrittenPause()) {
      const { segment, head } = chainSegment(known.id, known.chain, batch);
      const next = { ...known, chain: head };
      // Requests run in the order issued: the row is read before the new head is written.
      const written = Promise.all([
        db.sessions.get(known.id),
        storing,
        db.chainSegments.add(segment),
        db.sessions.put(next),
      ]);
      const [current, stored] = await written.catch((error: unknown) => {
        // Another worker already wrote a segment at this position: the guess was stale.
        if ((error as { name?: unknown }).name !== 'ConstraintError') throw error;
        this.careful = true;
        throw new StaleChainGuess('Another worker extended the chain meanwhile');
      });
      if (stored.length !== batch.length || !unchanged(current, known)) {
        this.careful = true;
        throw new StaleChainGuess('The batch was chained on a guess that did not hold');
      }
      this.pending = next;
      return;
    }
    const [session, stored] = await Promise.all([
      db.sessions.where('status').equals('recording').first(),
      storing,
    ]);
    const pause = this.unwrittenPause();
    if (session && pause?.sessionId === session.id) {
      // The session paused while storage was full: the pause is written now, and this batch stays out of it.
      const paused = pauseSession(session, pause.reason);
      const warning = pauseWarning(paused, pause.at);
      await Promise.all([db.sessions.put(paused), warning && db.sessionWarnings.add(warning)]);
      this.pausing = session.id;
      return;
    }
    if (!session || stored.length === 0) {
      this.pending = session;
      return;
    }
    const { segment, head } = chainSegment(session.id, session.chain, stored);
    const next = { ...session, chain: head };
    // The row was read in this transaction, which holds the sessions store: writing it whole loses nothing.
    await Promise.all([db.chainSegments.add(segment), db.sessions.put(next)]);
    this.pending = next;
  }

  settled(committed: boolean): void {
    if (committed && this.pausing) this.pauseWritten(this.pausing);
    this.pausing = undefined;
    if (committed) {
      this.known = this.pending;
      this.careful = this.known === undefined;
    } else {
      this.forget();
    }
    this.pending = undefined;
  }
}

function unchanged(current: RecordingSession | undefined, known: RecordingSession): boolean {
  return (
    current !== undefined &&
    current.status === 'recording' &&
    current.pausedReason === known.pausedReason &&
    current.chain.length === known.chain.length &&
    current.chain.head === known.chain.head
  );
}
