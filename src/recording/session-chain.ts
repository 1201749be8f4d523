import { type ChainEntry, type ChainHead, extendChain } from '../evidence/hash-chain';
import type { Observation } from '../observations/observation';

/**
 * A session's chain entry as stored: it points at its observation by id. The
 * observation itself is kept only when it had to be chained in its JSON form
 * (a lone surrogate in a cut string), because then the stored observation is
 * not what the hash covers.
 */
export interface SessionEntryRecord {
  sessionId: string;
  seq: number;
  observationId: string;
  prevHash: string;
  hash: string;
  observation?: Observation;
}

/** Entries for observations just stored, after `from`; the caller writes them and the head in one transaction. */
export function chainSessionEntries(
  sessionId: string,
  from: ChainHead,
  observations: readonly Observation[],
): { records: SessionEntryRecord[]; head: ChainHead } {
  const { entries, head } = extendChain(from, observations);
  const records = entries.map((entry, i): SessionEntryRecord => {
    const record: SessionEntryRecord = {
      sessionId,
      seq: entry.seq,
      observationId: entry.observation.id,
      prevHash: entry.prevHash,
      hash: entry.hash,
    };
    if (entry.observation !== observations[i]) record.observation = entry.observation;
    return record;
  });
  return { records, head };
}

/**
 * The chain as a bundle holds it, from stored entries in order and their
 * observations. A missing observation or a gap in the sequence is an error:
 * a bundle with part of a chain would not verify, and must not be made.
 */
export function chainEntriesOf(
  records: readonly SessionEntryRecord[],
  observationOf: (id: string) => Observation | undefined,
): ChainEntry[] {
  return records.map((record, i) => {
    if (record.seq !== i) throw new Error(`The session's chain has a gap: entry ${i} is missing`);
    const observation = record.observation ?? observationOf(record.observationId);
    if (!observation)
      throw new Error(`Observation ${record.observationId} (chain entry ${i}) is missing from storage`);
    return { seq: record.seq, prevHash: record.prevHash, hash: record.hash, observation };
  });
}
