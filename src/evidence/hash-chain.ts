import type { Observation } from '../observations/observation';
import { canonicalJson, toJsonValue } from './canonical-json';
import { sha256HexOfText } from './digests';

/**
 * The observation log as a hash chain, so that editing, deleting, reordering
 * or inserting an observation after the fact shows, and shows where.
 *
 * Definition (`jeejio-chain/1`), complete enough to re-implement:
 *
 *     hash[-1] = "0000…0000"  (64 zeros)
 *     hash[i]  = hex(SHA-256(UTF-8(JCS({ "seq": i, "prevHash": hash[i-1], "observation": o[i] }))))
 *
 * where i counts the observations from 0 in storage order, JCS is RFC 8785,
 * hex is lowercase and o[i] is the observation exactly as stored in the
 * entry. The chain's head is hash[n-1] (64 zeros when it is empty). Each
 * stored entry is `{ seq, prevHash, hash, observation }`: seq and prevHash
 * are redundant with the position, and kept so that a verifier can tell a
 * deleted entry from a moved one.
 */
export const CHAIN_ALGORITHM = 'jeejio-chain/1';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainEntry {
  seq: number;
  prevHash: string;
  hash: string;
  observation: Observation;
}

/** What a verifier must be told, from a trusted place, to check a whole chain. */
export interface ChainHead {
  length: number;
  head: string;
}

export const EMPTY_CHAIN: ChainHead = { length: 0, head: GENESIS_HASH };

/** hash[seq] for an entry's fields; throws when the observation is not exact JSON. */
export function chainEntryHash(seq: number, prevHash: string, observation: unknown): string {
  return sha256HexOfText(canonicalJson({ seq, prevHash, observation }));
}

/**
 * Appends observations after `from`, in the order given. Pure: the caller
 * stores the entries and the new head together, in one transaction, as it
 * stores the observations. An observation JSON cannot carry exactly is
 * chained in its JSON form (see `toJsonValue`), and that form is what the
 * entry holds.
 */
export function extendChain(
  from: ChainHead,
  observations: readonly Observation[],
): { entries: ChainEntry[]; head: ChainHead } {
  const entries: ChainEntry[] = [];
  let prevHash = from.head;
  let seq = from.length;
  for (const original of observations) {
    let observation = original;
    let hash: string;
    try {
      hash = chainEntryHash(seq, prevHash, observation);
    } catch {
      observation = toJsonValue(original);
      hash = chainEntryHash(seq, prevHash, observation);
    }
    entries.push({ seq, prevHash, hash, observation });
    prevHash = hash;
    seq += 1;
  }
  return { entries, head: { length: seq, head: prevHash } };
}
