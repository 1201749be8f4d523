import { canonicalJson } from './canonical-json';
import { type Sha256Hex, sha256HexOfText } from './digests';
import { type ChainHead, chainedText, GENESIS_HASH } from './hash-chain';

/**
 * What went wrong at the first entry that breaks the chain:
 * - `malformed`: not a chain entry at all;
 * - `edited`: an entry's content was changed (its stored hash no longer fits,
 *   or it was recomputed and the next entry still names the old one);
 * - `deleted`: entries are missing (their successor names a hash no entry has);
 * - `reordered`: an entry sits elsewhere than after its predecessor;
 * - `inserted`: an entry that is not part of the chain (a forgery, a copy, or
 *   entries appended after the signed head);
 * - `head-mismatch`: the entries agree with each other but not with the head
 *   the manifest signed: the chain was rebuilt.
 */
export type ChainChange = 'malformed' | 'edited' | 'deleted' | 'reordered' | 'inserted' | 'head-mismatch';

export interface ChainProblem {
  change: ChainChange;
  /** Position in the stored entries array. */
  index: number;
  /** The observation id at that position, when there is one. */
  observationId?: string;
  message: string;
}

export type ChainVerdict = { ok: true; head: ChainHead } | { ok: false; problem: ChainProblem };

interface Entry {
  seq: number;
  prevHash: string;
  hash: string;
  observation: { id: string };
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Checks a stored chain, entry by entry, against its own links and, when
 * given, against the head a trusted manifest recorded. Reports the first entry
 * that is wrong and what happened to it. The classification is exact for
 * anyone who changed entries without recomputing hashes, and still locates
 * the first change for one who recomputed some of them; a chain rebuilt from
 * scratch is caught by the head alone.
 */
export interface VerifyChainOptions {
  /**
   * Each observation's text as stored (see observations-file.ts): hashed as
   * it is, never canonicalised again. An entry without one is not an entry.
   * Without texts, each observation's JCS text is computed.
   */
  observationTexts?: readonly (string | undefined)[];
  sha256Hex?: Sha256Hex;
}

export function verifyChain(
  entries: readonly unknown[],
  expected?: ChainHead,
  options: VerifyChainOptions = {},
): ChainVerdict {
  const { observationTexts: texts, sha256Hex = sha256HexOfText } = options;
  const parsed = entries.map((value, i) => (texts && texts[i] === undefined ? undefined : asEntry(value)));
  const intact = parsed.map((e, i) => e !== undefined && hashFits(e, texts?.[i], sha256Hex));
  // Where each stored hash first occurs, to find an entry's predecessor.
  const firstIndexOf = new Map<string, number>();
  parsed.forEach((e, i) => {
    if (e && intact[i] && !firstIndexOf.has(e.hash)) firstIndexOf.set(e.hash, i);
  });
  const linksTo = (i: number, prevHash: string) => {
    const e = parsed[i];
    return e !== undefined && intact[i] === true && e.prevHash === prevHash;
  };

  let expectedPrev = GENESIS_HASH;
  for (let i = 0; i < parsed.length; i++) {
    const e = parsed[i];
    const problem = (change: ChainChange, message: string, at = i): ChainVerdict => {
      const id = parsed[at]?.observation.id ?? idOf(entries[at]);
      return {
        ok: false,
        problem: { change, index: at, ...(id !== undefined && { observationId: id }), message },
      };
    };
    if (expected && i === expected.length && expectedPrev === expected.head) {
      const last = parsed.length - 1;
      return problem(
        'inserted',
        `${span(i, last)} ${i === last ? 'was' : 'were'} appended after the signed head`,
      );
    }
    if (e === undefined || !intact[i]) {
      // Something that fits no hash; if the next entry carries on as if it were absent, it was slipped in.
      if (linksTo(i + 1, expectedPrev) && parsed[i + 1]?.seq === i) {
        const carriesOn = i === 0 ? 'entry 1 starts the chain' : `entry ${i + 1} follows entry ${i - 1}`;
        return problem('inserted', `entry ${i} is not part of the chain: ${carriesOn}`);
      }
      if (e === undefined) return problem('malformed', `entry ${i} is not a chain entry`);
      return problem('edited', `entry ${i} was changed: its content no longer matches its hash`);
    }
    if (e.prevHash === expectedPrev && e.seq === i) {
      expectedPrev = e.hash;
      continue;
    }
    // The chain breaks here, so if the same entry is also elsewhere, this is the copy out of place.
    const copyOf = parsed.findIndex((other, j) => j !== i && intact[j] && other?.hash === e.hash);
    if (copyOf !== -1) return problem('inserted', `entry ${i} is a copy of entry ${copyOf}`);
    if (e.prevHash === expectedPrev) {
      return problem('edited', `entry ${i} was changed: it says it is entry ${e.seq}`);
    }
    const predecessor = firstIndexOf.get(e.prevHash);
    let successor: number | undefined;
    for (let j = i + 1; j < parsed.length && successor === undefined; j++) {
      if (linksTo(j, expectedPrev)) successor = j;
    }
    if (successor !== undefined) {
      if (predecessor !== undefined && predecessor > i) {
        return problem(
          'reordered',
          `entry ${i} is out of order: it is entry ${e.seq}, and entry ${i} of the chain is at position ${successor}`,
        );
      }
      return problem('inserted', `${span(i, successor - 1)} ${notInChain(i, successor - 1)}`);
    }
    if (predecessor !== undefined && predecessor < i - 1) {
      return problem(
        'inserted',
        `${span(predecessor + 1, i - 1)} ${notInChain(predecessor + 1, i - 1)}: entry ${i} follows entry ${predecessor}`,
        predecessor + 1,
      );
    }
    if (predecessor === undefined && e.seq > i) {
      const missing = `${span(i, e.seq - 1)} ${i === e.seq - 1 ? 'is' : 'are'} missing`;
      return problem('deleted', `${missing}: the next stored entry is entry ${e.seq}`);
    }
    if (predecessor === undefined && e.seq === i) {
      if (i === 0) return problem('edited', 'entry 0 was changed: it does not start from the genesis hash');
      return problem(
        'edited',
        `entry ${i - 1} was changed and its hash recomputed: entry ${i} still names the original`,
        i - 1,
      );
    }
    return problem('inserted', `entry ${i} is not part of the chain`);
  }

  const head = { length: parsed.length, head: expectedPrev };
  if (!expected || (head.length === expected.length && head.head === expected.head))
    return { ok: true, head };
  const n = parsed.length;
  if (n < expected.length) {
    return {
      ok: false,
      problem: {
        change: 'deleted',
        index: n,
        message: `the last ${expected.length - n} of ${expected.length} entries are missing`,
      },
    };
  }
  const id = parsed[n - 1]?.observation.id;
  return {
    ok: false,
    problem: {
      change: 'head-mismatch',
      index: Math.max(0, n - 1),
      ...(id !== undefined && { observationId: id }),
      message: `the entries agree with each other but end in ${expectedPrev}, not the signed head ${expected.head}: the chain was rebuilt`,
    },
  };
}

function span(from: number, to: number): string {
  return from === to ? `entry ${from}` : `entries ${from}–${to}`;
}

function notInChain(from: number, to: number): string {
  return `${from === to ? 'is' : 'are'} not part of the chain`;
}

function asEntry(value: unknown): Entry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { seq, prevHash, hash, observation } = value as Record<string, unknown>;
  if (!Number.isSafeInteger(seq) || (seq as number) < 0) return undefined;
  if (typeof prevHash !== 'string' || !HEX64.test(prevHash)) return undefined;
  if (typeof hash !== 'string' || !HEX64.test(hash)) return undefined;
  if (typeof observation !== 'object' || observation === null || Array.isArray(observation)) return undefined;
  if (typeof (observation as { id?: unknown }).id !== 'string') return undefined;
  return value as Entry;
}

function hashFits(e: Entry, text: string | undefined, sha256Hex: Sha256Hex): boolean {
  try {
    return sha256Hex(chainedText(e.seq, e.prevHash, text ?? canonicalJson(e.observation))) === e.hash;
  } catch {
    // A value JCS refuses (a lone surrogate, a number out of range) was not written by the chain.
    return false;
  }
}

/** The id of something that is not a valid entry, if it has one, so even a bad entry can be named. */
function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { observation, id } = value as { observation?: { id?: unknown }; id?: unknown };
  const candidate = typeof observation === 'object' && observation !== null ? observation.id : id;
  return typeof candidate === 'string' ? candidate : undefined;
}
