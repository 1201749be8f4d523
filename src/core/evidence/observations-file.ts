import type { PageVisit } from '../observations/observation';
import { maxJsonNesting } from '../util/json-nesting';
import { BUNDLE_LIMITS } from './bundle-layout';
import { canonicalJson } from './canonical-json';
import { CHAIN_ALGORITHM, type ChainEntry } from './hash-chain';

/**
 * observations.ndjson in a bundle: the recorded log as newline-delimited
 * JSON, so that it is written and checked line by line instead of as one
 * giant JSON text. (The audit's own observations.json, beside report.json,
 * is the plain recorded log.)
 *
 *     line 1:    {"format":"jeejio-observations/2","chain":"jeejio-chain/1","pages":[…]}
 *     line i+2:  {"seq":i,"prevHash":"…","hash":"…","observation":TEXT}
 *
 * every line ending in "\n", where TEXT is the JCS text (RFC 8785) of the
 * observation, the very text its chain hash covers. A verifier hashes TEXT as
 * stored, without parsing and canonicalising it again, so an entry line must
 * have exactly this layout: members in this order, no spaces.
 */
export const OBSERVATIONS_FORMAT = 'jeejio-observations/2';

export interface ObservationsHeader {
  format: typeof OBSERVATIONS_FORMAT;
  chain: typeof CHAIN_ALGORITHM;
  pages: readonly PageVisit[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Lines are joined and encoded this many at a time, or fewer once they reach
 * MAX_CHUNK_CHARS: large enough that joining is cheap, small enough that no
 * string grows near the longest V8 allows.
 */
const LINES_PER_CHUNK = 4096;
const MAX_CHUNK_CHARS = 16_000_000;

/**
 * The file's bytes. `observationTexts`, when given, are the JCS texts
 * `extendChain` hashed, one per entry; otherwise each is canonicalised here.
 * Lines are joined and encoded a few thousand at a time, then copied into one
 * buffer: faster than encoding each line on its own, and no string of the
 * whole file is built.
 */
export function serializeObservationsFile(
  pages: readonly PageVisit[],
  entries: readonly ChainEntry[],
  observationTexts?: readonly string[],
): Uint8Array<ArrayBuffer> {
  if (observationTexts && observationTexts.length !== entries.length)
    throw new Error(`${observationTexts.length} observation texts for ${entries.length} chain entries`);
  const header: ObservationsHeader = { format: OBSERVATIONS_FORMAT, chain: CHAIN_ALGORITHM, pages };
  const chunks: Uint8Array[] = [encoder.encode(`${JSON.stringify(header)}\n`)];
  let parts: string[] = [];
  let chars = 0;
  const flush = () => {
    chunks.push(encoder.encode(parts.join('')));
    parts = [];
    chars = 0;
  };
  entries.forEach((entry, i) => {
    const prefix = entryLinePrefix(entry);
    const text = observationTexts?.[i] ?? canonicalJson(entry.observation);
    parts.push(prefix, text, '}\n');
    chars += prefix.length + text.length + 2;
    if (parts.length >= LINES_PER_CHUNK * 3 || chars >= MAX_CHUNK_CHARS) flush();
  });
  if (parts.length > 0) flush();
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function entryLinePrefix(entry: ChainEntry): string {
  return `{"seq":${entry.seq},"prevHash":"${entry.prevHash}","hash":"${entry.hash}","observation":`;
}

/** The line of entry `index`, counting lines from 1 as editors do. */
export const lineOfEntry = (index: number) => index + 2;

const ENTRY_LAYOUT =
  /^\{"seq":(0|[1-9][0-9]{0,15}),"prevHash":"([0-9a-f]{64})","hash":"([0-9a-f]{64})","observation":/;

export interface ObservationsRead {
  header: ObservationsHeader;
  /**
   * Each entry line as a chain entry, or, for a line that is not one, what it
   * parses to (undefined if nothing), so a verifier can still name it.
   */
  entries: unknown[];
  /** The observation's text as stored, for each line laid out as an entry; undefined for the others. */
  observationTexts: (string | undefined)[];
}

/**
 * Reads observations.ndjson, still unchecked: an error only when the file
 * as a whole cannot be read (not UTF-8, no valid header line); a bad entry
 * line is left for the chain check to name.
 */
export function readObservationsFile(bytes: Uint8Array): ObservationsRead | { error: string } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (error) {
    return { error: error instanceof RangeError ? 'is too large to read' : 'is not UTF-8 text' };
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = parseLine(lines[0] ?? '');
  if ('error' in header) return { error: `line 1 ${header.error}` };
  const checked = checkHeader(header.value);
  if ('error' in checked) return { error: `line 1 ${checked.error}` };
  const count = lines.length - 1;
  const entries = new Array<unknown>(count);
  const observationTexts = new Array<string | undefined>(count);
  for (let i = 0; i < count; i++) {
    const line = lines[i + 1] as string;
    const layout = ENTRY_LAYOUT.exec(line);
    const observationText = layout && line.endsWith('}') ? line.slice(layout[0].length, -1) : undefined;
    const observation = observationText === undefined ? undefined : parseLine(observationText);
    if (layout && observation && 'value' in observation) {
      entries[i] = {
        seq: Number(layout[1]),
        prevHash: layout[2],
        hash: layout[3],
        observation: observation.value,
      };
      observationTexts[i] = observationText;
    } else {
      // Not an entry: parsed whole, if it can be, only so that the problem can name it.
      const whole = parseLine(line);
      entries[i] = 'value' in whole ? whole.value : undefined;
    }
  }
  return { header: checked.header, entries, observationTexts };
}

function parseLine(line: string): { value: unknown } | { error: string } {
  const depth = maxJsonNesting(line);
  if (depth > BUNDLE_LIMITS.maxJsonDepth)
    return { error: `nests ${depth} levels deep (the limit is ${BUNDLE_LIMITS.maxJsonDepth})` };
  try {
    return { value: JSON.parse(line) };
  } catch (error) {
    return { error: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

function checkHeader(value: unknown): { header: ObservationsHeader } | { error: string } {
  if (typeof value !== 'object' || value === null) return { error: 'is not a JSON object' };
  const { format, chain, pages } = value as Record<string, unknown>;
  if (format !== OBSERVATIONS_FORMAT)
    return { error: `has format ${JSON.stringify(format)}, not ${OBSERVATIONS_FORMAT}` };
  if (chain !== CHAIN_ALGORITHM)
    return { error: `uses chain ${JSON.stringify(chain)}, not ${CHAIN_ALGORITHM}` };
  if (!Array.isArray(pages)) return { error: 'has no pages array' };
  return { header: value as ObservationsHeader };
}
