import { type ChainEntry, type ChainHead, extendChain } from '../evidence/hash-chain';
import type { Observation } from '../observations/observation';

/**
 * One link of a session's chain as stored: its observation's id, and the JCS
 * text of the observation that the hash covers. An export reads the chain
 * from the texts alone, without looking the observations up or canonicalising
 * them again. Entries stored before the texts were (up to schema 3) have none:
 * their observation is looked up by id, and kept here only when it had to be
 * chained in its JSON form (a lone surrogate in a cut string).
 */
export interface SegmentEntry {
  observationId: string;
  prevHash: string;
  hash: string;
  text?: string;
  observation?: Observation;
}

/**
 * The chain entries of one stored batch, in one row: a row per observation
 * would double what each batch writes, and IndexedDB's cost is per row.
 * Entry i of a segment is chain entry `firstSeq + i`.
 */
export interface ChainSegment {
  sessionId: string;
  firstSeq: number;
  entries: SegmentEntry[];
}

/** The segment for observations just stored, after `from`; the caller writes it and the head in one transaction. */
export function chainSegment(
  sessionId: string,
  from: ChainHead,
  observations: readonly Observation[],
): { segment: ChainSegment; head: ChainHead } {
  const { entries, head, observationTexts } = extendChain(from, observations);
  const segment: ChainSegment = {
    sessionId,
    firstSeq: from.length,
    entries: entries.map(
      (entry, i): SegmentEntry => ({
        observationId: entry.observation.id,
        prevHash: entry.prevHash,
        hash: entry.hash,
        text: observationTexts[i] as string,
      }),
    ),
  };
  return { segment, head };
}

/** Every observation id a segment chains. */
export function chainedIds(segments: readonly ChainSegment[]): Set<string> {
  const ids = new Set<string>();
  for (const s of segments) for (const e of s.entries) ids.add(e.observationId);
  return ids;
}

/**
 * The chain as a bundle holds it, from stored segments in order and their
 * observations. A missing observation or a gap in the sequence is an error:
 * a bundle with part of a chain would not verify, and must not be made.
 */
export function chainEntriesOf(
  segments: readonly ChainSegment[],
  observationOf: (id: string) => Observation | undefined,
): ChainEntry[] {
  const chain: ChainEntry[] = [];
  for (const segment of segments) {
    if (segment.firstSeq !== chain.length)
      throw new Error(`The session's chain has a gap: entry ${chain.length} is missing`);
    for (const entry of segment.entries) {
      const seq = chain.length;
      const observation =
        entry.text !== undefined
          ? (JSON.parse(entry.text) as Observation)
          : (entry.observation ?? observationOf(entry.observationId));
      if (!observation)
        throw new Error(`Observation ${entry.observationId} (chain entry ${seq}) is missing from storage`);
      chain.push({ seq, prevHash: entry.prevHash, hash: entry.hash, observation });
    }
  }
  return chain;
}

/** The ids of the entries whose observation must be looked up: those stored without their text. */
export function idsToLookUp(segments: readonly ChainSegment[]): string[] {
  const ids: string[] = [];
  for (const s of segments)
    for (const e of s.entries) if (e.text === undefined && !e.observation) ids.push(e.observationId);
  return ids;
}

/** The texts the chain's hashes cover, in order, when every entry holds its own; else undefined. */
export function chainTextsOf(segments: readonly ChainSegment[]): string[] | undefined {
  const texts: string[] = [];
  for (const s of segments)
    for (const e of s.entries) {
      if (e.text === undefined) return undefined;
      texts.push(e.text);
    }
  return texts;
}
