import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cookieObservation, requestObservation } from '../../../tests/support/observations';
import type { Observation } from '../observations/observation';
import { canonicalJson } from './canonical-json';
import { chainEntryHash, chainedText, EMPTY_CHAIN, extendChain, GENESIS_HASH } from './hash-chain';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('extendChain', () => {
  it('hashes each entry as the definition in hash-chain.ts says, so others can re-implement it', () => {
    const observation = { id: 'o-1', kind: 'fingerprint', détail: 'ü' } as unknown as Observation;
    const { entries, head } = extendChain(EMPTY_CHAIN, [observation, observation]);
    // Written out by hand: JCS of { seq, prevHash, observation }, members sorted, UTF-8.
    const first = sha256(
      `{"observation":{"détail":"ü","id":"o-1","kind":"fingerprint"},"prevHash":"${GENESIS_HASH}","seq":0}`,
    );
    const second = sha256(
      `{"observation":{"détail":"ü","id":"o-1","kind":"fingerprint"},"prevHash":"${first}","seq":1}`,
    );
    expect(entries).toEqual([
      { seq: 0, prevHash: GENESIS_HASH, hash: first, observation },
      { seq: 1, prevHash: first, hash: second, observation },
    ]);
    expect(head).toEqual({ length: 2, head: second });
  });

  it('returns the JCS text it hashed for each observation, and hashes with the function it is given', () => {
    const observations = [cookieObservation(), requestObservation()];
    const noble = extendChain(EMPTY_CHAIN, observations);
    expect(noble.observationTexts).toEqual(observations.map((o) => canonicalJson(o)));
    const calls: string[] = [];
    const node = extendChain(EMPTY_CHAIN, observations, (text) => {
      calls.push(text);
      return sha256(text);
    });
    expect(node).toEqual(noble);
    expect(calls[0]).toBe(chainedText(0, GENESIS_HASH, noble.observationTexts[0] as string));
    expect(JSON.parse(calls[1] as string)).toEqual({
      seq: 1,
      prevHash: noble.entries[0]?.hash,
      observation: observations[1],
    });
  });

  it('gives the same chain whether extended all at once or batch by batch, as the extension stores', () => {
    const observations = [cookieObservation(), requestObservation(), cookieObservation({ name: 'b' })];
    const whole = extendChain(EMPTY_CHAIN, observations);
    const first = extendChain(EMPTY_CHAIN, observations.slice(0, 1));
    const rest = extendChain(first.head, observations.slice(1));
    expect([...first.entries, ...rest.entries]).toEqual(whole.entries);
    expect(rest.head).toEqual(whole.head);
  });

  it('starts from 64 zeros and leaves an empty batch where it was', () => {
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
    expect(extendChain(EMPTY_CHAIN, [])).toEqual({ entries: [], head: EMPTY_CHAIN, observationTexts: [] });
  });

  it('chains an observation JCS refuses in its JSON form, and says so in the entry', () => {
    const cut = cookieObservation({ value: 'ab\ud83d' });
    const [entry] = extendChain(EMPTY_CHAIN, [cut]).entries;
    expect(entry?.observation).toMatchObject({ value: 'ab\ufffd' });
    expect(entry?.hash).toBe(chainEntryHash(0, GENESIS_HASH, entry?.observation));
    // What is stored survives a JSON round trip unchanged, so a verifier reading the file gets the same hash.
    expect(chainEntryHash(0, GENESIS_HASH, JSON.parse(JSON.stringify(entry?.observation)))).toBe(entry?.hash);
  });
});
