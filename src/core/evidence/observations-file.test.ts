import { describe, expect, it } from 'vitest';
import { cookieObservation, requestObservation } from '../../../tests/support/observations';
import type { PageVisit } from '../observations/observation';
import { EMPTY_CHAIN, extendChain } from './hash-chain';
import {
  lineOfEntry,
  OBSERVATIONS_FORMAT,
  readObservationsFile,
  serializeObservationsFile,
} from './observations-file';
import { verifyChain } from './verify-chain';

const pages: PageVisit[] = [{ visitId: 'v-1', tabId: 1, url: 'https://www.jeejio.com/', startedAt: 1 }];
const chain = extendChain(EMPTY_CHAIN, [cookieObservation({ id: 'c-1' }), requestObservation({ id: 'r-1' })]);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytesOf = (lines: string[]) => new TextEncoder().encode(lines.map((l) => `${l}\n`).join(''));

describe('observations.ndjson', () => {
  it('is a header line and one line per entry, each ending in a newline, observations in their JCS text', () => {
    const file = text(serializeObservationsFile(pages, chain.entries, chain.observationTexts));
    const lines = file.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toBe('');
    expect(JSON.parse(lines[0] as string)).toEqual({
      format: OBSERVATIONS_FORMAT,
      chain: 'jeejio-chain/1',
      pages,
    });
    const [first] = chain.entries;
    expect(lines[1]).toBe(
      `{"seq":0,"prevHash":"${first?.prevHash}","hash":"${first?.hash}","observation":${chain.observationTexts[0]}}`,
    );
    expect(JSON.parse(lines[2] as string)).toEqual(chain.entries[1]);
  });

  it('writes text beyond ASCII as UTF-8, byte for byte what encoding the joined lines gives', () => {
    const wide = extendChain(EMPTY_CHAIN, [
      cookieObservation({ id: 'ü-1', value: 'ĉu 😀 \u202e 中文' }),
      requestObservation({ id: 'r-2' }),
    ]);
    const lines = [
      JSON.stringify({ format: OBSERVATIONS_FORMAT, chain: 'jeejio-chain/1', pages }),
      ...wide.entries.map(
        (e, i) =>
          `{"seq":${e.seq},"prevHash":"${e.prevHash}","hash":"${e.hash}","observation":${wide.observationTexts[i]}}`,
      ),
    ];
    const bytes = serializeObservationsFile(pages, wide.entries, wide.observationTexts);
    expect(bytes).toEqual(new TextEncoder().encode(lines.map((l) => `${l}\n`).join('')));
    expect(bytes.length).toBe(bytes.byteLength);
  });

  it('canonicalises the observations itself when not given their texts, to the same bytes', () => {
    expect(serializeObservationsFile(pages, chain.entries)).toEqual(
      serializeObservationsFile(pages, chain.entries, chain.observationTexts),
    );
    expect(() => serializeObservationsFile(pages, chain.entries, [])).toThrow('0 observation texts for 2');
  });

  it('reads back the entries and the texts as stored, which verify', () => {
    const read = readObservationsFile(
      serializeObservationsFile(pages, chain.entries, chain.observationTexts),
    );
    if ('error' in read) throw new Error(read.error);
    expect(read.header.pages).toEqual(pages);
    expect(read.entries).toEqual(chain.entries);
    expect(read.observationTexts).toEqual(chain.observationTexts);
    expect(verifyChain(read.entries, chain.head, read)).toEqual({ ok: true, head: chain.head });
  });

  it('takes a line laid out otherwise for no entry, but still names what it holds', () => {
    const lines = text(serializeObservationsFile(pages, chain.entries, chain.observationTexts)).split('\n');
    const spaced = JSON.stringify(chain.entries[1], null, 1).replaceAll('\n', '');
    const read = readObservationsFile(bytesOf([lines[0] as string, lines[1] as string, spaced]));
    if ('error' in read) throw new Error(read.error);
    expect(read.observationTexts[1]).toBeUndefined();
    expect(read.entries[1]).toEqual(chain.entries[1]);
    expect(verifyChain(read.entries, chain.head, read)).toMatchObject({
      ok: false,
      problem: { change: 'malformed', index: 1, observationId: 'r-1' },
    });
    expect(lineOfEntry(1)).toBe(3);
  });

  it('does not take what follows an observation for part of it', () => {
    const [header, first] = text(serializeObservationsFile(pages, chain.entries)).split('\n');
    // Valid JSON as a whole line, but the "observation" text is no single JSON value.
    const smuggled = (first as string).replace(/}$/, ',"observation":{"id":"other"}}');
    const read = readObservationsFile(bytesOf([header as string, smuggled, 'not json', '[[[[']));
    if ('error' in read) throw new Error(read.error);
    expect(read.observationTexts).toEqual([undefined, undefined, undefined]);
    expect(read.entries).toEqual([
      expect.objectContaining({ observation: { id: 'other' } }),
      undefined,
      undefined,
    ]);
  });

  it('refuses a file whose header is missing, wrong or too deep, and says so by line', () => {
    const read = (t: string) => readObservationsFile(new TextEncoder().encode(t));
    expect(read('')).toEqual({ error: expect.stringMatching(/^line 1 is not valid JSON/) });
    expect(read('{"format":"jeejio-observations/1","chain":"jeejio-chain/1","pages":[]}\n')).toEqual({
      error: `line 1 has format "jeejio-observations/1", not ${OBSERVATIONS_FORMAT}`,
    });
    expect(read(`${'['.repeat(40)}${']'.repeat(40)}`)).toEqual({
      error: 'line 1 nests 40 levels deep (the limit is 32)',
    });
    expect(readObservationsFile(new Uint8Array([0xff, 0xfe]))).toEqual({ error: 'is not UTF-8 text' });
  });
});
