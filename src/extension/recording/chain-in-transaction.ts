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
  /** Runs inside the transaction with the observations the batch newly stored. */
  run(db: InspectorDatabase, stored: readonly Observation[]): Promise<void>;
}

/**
 * Appends newly stored observations to the recording session, if one is
 * recording. The head is read and written in the same transaction, so the
 * chain continues across worker and browser restarts and two batches never
 * extend it from the same head.
 */
export const chainIntoRecording: TransactionStep = {
  tables: (db) => [db.sessions, db.chainSegments],
  async run(db, stored) {
    if (stored.length === 0) return;
    const session = await db.sessions.where('status').equals('recording').first();
    if (!session) return;
    const { segment, head } = chainSegment(session.id, session.chain, stored);
    await db.chainSegments.add(segment);
    await db.sessions.update(session.id, { chain: head });
  },
};
