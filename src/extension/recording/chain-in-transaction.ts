import type { Table } from 'dexie';
import type { Observation } from '../../observations/observation';
import { chainSegment } from '../../recording/session-chain';
import type { InspectorDatabase } from '../inspector-database';

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
   * Runs inside the transaction, given the write of the batch under way (it
   * resolves to the observations newly stored). Reads it needs start at once,
   * beside that write: every round trip is time in which a stopped worker
   * loses the batch.
   */
  run(db: InspectorDatabase, storing: Promise<readonly Observation[]>): Promise<void>;
}

/**
 * Appends newly stored observations to the recording session, if one is
 * recording. The head is read and written in the same transaction, so the
 * chain continues across worker and browser restarts and two batches never
 * extend it from the same head.
 */
export const chainIntoRecording: TransactionStep = {
  tables: (db) => [db.sessions, db.chainSegments],
  async run(db, storing) {
    const [session, stored] = await Promise.all([
      db.sessions.where('status').equals('recording').first(),
      storing,
    ]);
    if (!session || stored.length === 0) return;
    const { segment, head } = chainSegment(session.id, session.chain, stored);
    // The row was read in this transaction, which holds the sessions store: writing it whole loses nothing.
    await Promise.all([db.chainSegments.add(segment), db.sessions.put({ ...session, chain: head })]);
  },
};
