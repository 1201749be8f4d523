import type { Observation } from '../observations/observation';
import { canonicalJson, toJsonValue } from './canonical-json';
import { type Sha256Hex, sha256HexOfText } from './digests';

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
export function chainEntryHash(
  seq: number,
  prevHash: string,
  observation: unknown,
  sha256Hex: Sha256Hex = sha256HexOfText,
): string {
  return sha256Hex(chainedText(seq, prevHash, canonicalJson(observation)));
}

/**
 * JCS({ seq, prevHash, observation }) given the observation's JCS text: the
 * members in JCS order (observation, prevHash, seq), and seq and a hex
 * prevHash are their own JCS forms. Built from the text so that neither the
 * exporter nor the verifier canonicalises an observation twice.
 */
export function chainedText(seq: number, prevHash: string, observationText: string): string {
  return `{"observation":${observationText},"prevHash":"${prevHash}","seq":${seq}}`;
}

export interface ChainExtension {
  entries: ChainEntry[];
  head: ChainHead;
  /**
   * The JCS text of each entry's observation, as hashed. A bundle stores
   * observations as this text; passing it on spares canonicalising them again.
   */
  observationTexts: string[];
}

/**
 * Appends observations after `from`, in the order given. Pure: the caller
 * stores the entries and the new head together, in one transaction, as it
 * stores the observations. An observation JSON cannot carry exactly is
 * chained in its JSON form (see `toJsonValue`), and that form is what the
 * entry holds. `sha256Hex` is the hash function: @noble/hashes by default
 * (synchronous, so it fits in a storage transaction); Node's own is about four
 * times faster where it is available. `knownTexts[i]`, where the caller
 * has it, is the JCS text of `observations[i]` (as an earlier chain of the
 * same observation stored it): it is hashed as it is, not made again.
 */
export function extendChain(
  from: ChainHead,
  observations: readonly Observation[],
  sha256Hex: Sha256Hex = sha256HexOfText,
  knownTexts?: readonly (string | undefined)[],
): ChainExtension {
  const entries: ChainEntry[] = [];
  const observationTexts: string[] = [];
  let prevHash = from.head;
  let seq = from.length;
  observations.forEach((original, i) => {
    let observation = original;
    let text = knownTexts?.[i];
    if (text === undefined) {
      try {
        text = canonicalJson(observation);
      } catch {
        observation = toJsonValue(original);
        text = canonicalJson(observation);
      }
    }
    const hash = sha256Hex(chainedText(seq, prevHash, text));
    entries.push({ seq, prevHash, hash, observation });
    observationTexts.push(text);
    prevHash = hash;
    seq += 1;
  });
  return { entries, head: { length: seq, head: prevHash }, observationTexts };
}
