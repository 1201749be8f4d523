import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cookieObservation } from '../../../tests/support/observations';
import type { Observation } from '../observations/observation';
import { type ChainEntry, chainEntryHash, EMPTY_CHAIN, extendChain } from './hash-chain';
import { verifyChain } from './verify-chain';

function chainOf(length: number) {
  const observations = Array.from({ length }, (_, i) => cookieObservation({ id: `o-${i}`, value: `v${i}` }));
  return extendChain(EMPTY_CHAIN, observations);
}

const clone = (entries: readonly ChainEntry[]): ChainEntry[] => structuredClone([...entries]);

function edited(entry: ChainEntry): ChainEntry {
  return { ...entry, observation: { ...entry.observation, value: 'changed' } as Observation };
}

/** An entry a forger made properly, for a position in the chain. */
function forged(seq: number, prevHash: string): ChainEntry {
  const observation = cookieObservation({ id: `forged-${seq}` });
  return { seq, prevHash, hash: chainEntryHash(seq, prevHash, observation), observation };
}

describe('verifyChain', () => {
  const { entries, head } = chainOf(6);

  it('accepts an untouched chain and gives its head', () => {
    expect(verifyChain(entries, head)).toEqual({ ok: true, head });
    expect(verifyChain([], EMPTY_CHAIN)).toEqual({ ok: true, head: EMPTY_CHAIN });
  });

  it('finds an edited observation', () => {
    const tampered = clone(entries);
    tampered[2] = edited(entries[2] as ChainEntry);
    expect(verifyChain(tampered, head)).toMatchObject({
      ok: false,
      problem: { change: 'edited', index: 2, observationId: 'o-2' },
    });
  });

  it('finds an edit whose hash was recomputed, at the edited entry', () => {
    const tampered = clone(entries);
    const e = edited(entries[2] as ChainEntry);
    tampered[2] = { ...e, hash: chainEntryHash(e.seq, e.prevHash, e.observation) };
    expect(verifyChain(tampered, head)).toMatchObject({
      ok: false,
      problem: { change: 'edited', index: 2, observationId: 'o-2' },
    });
  });

  it('finds a changed sequence number and a broken first link', () => {
    const reseq = clone(entries);
    const e = entries[3] as ChainEntry;
    reseq[3] = { ...e, seq: 7, hash: chainEntryHash(7, e.prevHash, e.observation) };
    expect(verifyChain(reseq, head)).toMatchObject({ ok: false, problem: { change: 'edited', index: 3 } });

    const relinked = clone(entries);
    const first = entries[0] as ChainEntry;
    const prevHash = 'f'.repeat(64);
    relinked[0] = { ...first, prevHash, hash: chainEntryHash(0, prevHash, first.observation) };
    expect(verifyChain(relinked, head)).toMatchObject({ ok: false, problem: { change: 'edited', index: 0 } });
  });

  it('finds deleted entries: the first, one in the middle, several, the last ones', () => {
    expect(verifyChain(entries.slice(1), head)).toMatchObject({
      ok: false,
      problem: { change: 'deleted', index: 0, observationId: 'o-1' },
    });
    const middle = entries.filter((_, i) => i !== 2);
    expect(verifyChain(middle, head)).toMatchObject({
      ok: false,
      problem: {
        change: 'deleted',
        index: 2,
        observationId: 'o-3',
        message: expect.stringContaining('entry 2 is missing'),
      },
    });
    const several = entries.filter((_, i) => i !== 2 && i !== 3);
    expect(verifyChain(several, head)).toMatchObject({
      ok: false,
      problem: { change: 'deleted', index: 2, message: expect.stringContaining('entries 2–3 are missing') },
    });
    expect(verifyChain(entries.slice(0, 4), head)).toMatchObject({
      ok: false,
      problem: { change: 'deleted', index: 4, message: expect.stringContaining('last 2 of 6') },
    });
  });

  it('finds entries out of order', () => {
    const swapped = clone(entries);
    [swapped[2], swapped[3]] = [entries[3] as ChainEntry, entries[2] as ChainEntry];
    expect(verifyChain(swapped, head)).toMatchObject({
      ok: false,
      problem: { change: 'reordered', index: 2, observationId: 'o-3' },
    });
    const movedLast = [...entries.filter((_, i) => i !== 1), entries[1] as ChainEntry];
    expect(verifyChain(movedLast, head)).toMatchObject({
      ok: false,
      problem: { change: 'reordered', index: 1, observationId: 'o-2' },
    });
    const movedFirst = [
      entries[0] as ChainEntry,
      entries[4] as ChainEntry,
      ...entries.filter((_, i) => i !== 0 && i !== 4),
    ];
    expect(verifyChain(movedFirst, head)).toMatchObject({
      ok: false,
      problem: { change: 'reordered', index: 1 },
    });
  });

  it('finds inserted entries: a bare observation, a forged entry, a copy, an appended one', () => {
    const bare = [...entries.slice(0, 3), cookieObservation({ id: 'x' }), ...entries.slice(3)];
    expect(verifyChain(bare, head)).toMatchObject({
      ok: false,
      problem: { change: 'inserted', index: 3, observationId: 'x' },
    });

    const wellForged = [
      ...entries.slice(0, 3),
      forged(3, (entries[2] as ChainEntry).hash),
      ...entries.slice(3),
    ];
    expect(verifyChain(wellForged, head)).toMatchObject({
      ok: false,
      problem: { change: 'inserted', index: 3, observationId: 'forged-3' },
    });

    const badlyForged = [...entries.slice(0, 3), forged(9, 'a'.repeat(64)), ...entries.slice(3)];
    expect(verifyChain(badlyForged, head)).toMatchObject({
      ok: false,
      problem: { change: 'inserted', index: 3 },
    });

    const copied = [...entries.slice(0, 2), entries[4] as ChainEntry, ...entries.slice(2)];
    expect(verifyChain(copied, head)).toMatchObject({
      ok: false,
      problem: {
        change: 'inserted',
        index: 2,
        observationId: 'o-4',
        message: expect.stringContaining('copy'),
      },
    });

    const appended = [...entries, forged(6, head.head)];
    expect(verifyChain(appended, head)).toMatchObject({
      ok: false,
      problem: { change: 'inserted', index: 6, observationId: 'forged-6' },
    });
  });

  it('catches a chain rebuilt from scratch only by the signed head', () => {
    const observations = entries.map((e) => e.observation);
    observations[1] = { ...observations[1], value: 'rewritten' } as Observation;
    const rebuilt = extendChain(EMPTY_CHAIN, observations).entries;
    expect(verifyChain(rebuilt).ok).toBe(true);
    expect(verifyChain(rebuilt, head)).toMatchObject({
      ok: false,
      problem: { change: 'head-mismatch', index: 5 },
    });
  });

  it('names entries that are not entries at all, and values JCS refuses', () => {
    const junk = [...entries.slice(0, 2), 'not an entry', { seq: 2 }];
    expect(verifyChain(junk, head)).toMatchObject({ ok: false, problem: { change: 'malformed', index: 2 } });

    const surrogate = clone(entries);
    surrogate[4] = JSON.parse(JSON.stringify(entries[4]).replace('"v4"', '"v\\ud800"'));
    expect(verifyChain(surrogate, head)).toMatchObject({
      ok: false,
      problem: { change: 'edited', index: 4, observationId: 'o-4' },
    });
  });
});

type Tamper =
  | { op: 'edit'; at: number }
  | { op: 'delete'; at: number }
  | { op: 'move'; from: number; to: number }
  | { op: 'insert'; at: number };

const EXPECTED_CHANGE = { edit: 'edited', delete: 'deleted', move: 'reordered', insert: 'inserted' } as const;

describe('verifyChain, for any single change to any chain', () => {
  it('never accepts it, and names the first entry it touched and what happened', () => {
    const scenario = fc.integer({ min: 2, max: 25 }).chain((length) =>
      fc.record({
        length: fc.constant(length),
        tamper: fc.oneof(
          fc.record({ op: fc.constant('edit' as const), at: fc.nat(length - 1) }),
          fc.record({ op: fc.constant('delete' as const), at: fc.nat(length - 1) }),
          fc.record({ op: fc.constant('insert' as const), at: fc.nat(length) }),
          fc
            .tuple(fc.nat(length - 1), fc.nat(length - 1))
            .filter(([a, b]) => a !== b)
            .map(([from, to]) => ({ op: 'move' as const, from, to })),
        ),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ length, tamper }: { length: number; tamper: Tamper }) => {
        const { entries, head } = chainOf(length);
        const tampered = clone(entries);
        let first: number;
        switch (tamper.op) {
          case 'edit':
            tampered[tamper.at] = edited(entries[tamper.at] as ChainEntry);
            first = tamper.at;
            break;
          case 'delete':
            tampered.splice(tamper.at, 1);
            first = tamper.at;
            break;
          case 'insert':
            tampered.splice(tamper.at, 0, forged(tamper.at, 'b'.repeat(64)));
            first = tamper.at;
            break;
          case 'move': {
            const [moved] = tampered.splice(tamper.from, 1);
            tampered.splice(tamper.to, 0, moved as ChainEntry);
            first = Math.min(tamper.from, tamper.to);
            break;
          }
        }
        const verdict = verifyChain(tampered, head);
        expect(verdict.ok).toBe(false);
        if (verdict.ok) return;
        // A moved entry shifts every position between where it was and where it went; the first is the first wrong one.
        expect(verdict.problem).toMatchObject({ change: EXPECTED_CHANGE[tamper.op], index: first });
      }),
      { numRuns: 300 },
    );
  });
});

describe('verifyChain over stored texts', () => {
  const { entries, head, observationTexts } = chainOf(4);

  it('hashes each observation text as stored, so the same object in another spelling does not verify', () => {
    expect(verifyChain(entries, head, { observationTexts })).toEqual({ ok: true, head });
    // The same observation, members in another order: JCS of the object fits, the stored text does not.
    const respelled = [...observationTexts];
    respelled[1] = JSON.stringify(
      Object.fromEntries(Object.entries(entries[1]?.observation ?? {}).reverse()),
    );
    expect(verifyChain(entries, head, { observationTexts: respelled })).toMatchObject({
      ok: false,
      problem: { change: 'edited', index: 1, observationId: 'o-1' },
    });
  });

  it('takes an entry without a stored text for no entry at all, and names it', () => {
    const texts: (string | undefined)[] = [...observationTexts];
    texts[2] = undefined;
    expect(verifyChain(entries, head, { observationTexts: texts })).toMatchObject({
      ok: false,
      problem: { change: 'malformed', index: 2, observationId: 'o-2' },
    });
  });
});
