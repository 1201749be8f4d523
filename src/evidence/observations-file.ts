import type { PageVisit } from '../observations/observation';
import { CHAIN_ALGORITHM, type ChainEntry } from './hash-chain';

/**
 * observations.json in a bundle: the recorded log with its observations as
 * chain entries, in chain order. (The audit's own observations.json, beside
 * report.json, is the plain recorded log.)
 */
export const OBSERVATIONS_FORMAT = 'jeejio-observations/1';

export interface ObservationsFile {
  format: typeof OBSERVATIONS_FORMAT;
  chain: typeof CHAIN_ALGORITHM;
  pages: readonly PageVisit[];
  entries: readonly ChainEntry[];
}

export function serializeObservationsFile(
  pages: readonly PageVisit[],
  entries: readonly ChainEntry[],
): string {
  const file: ObservationsFile = { format: OBSERVATIONS_FORMAT, chain: CHAIN_ALGORITHM, pages, entries };
  return JSON.stringify(file);
}

/** The entries of a parsed observations.json, still unchecked, or why there are none. */
export function entriesOf(file: unknown): { entries: unknown[] } | { error: string } {
  if (typeof file !== 'object' || file === null) return { error: 'is not a JSON object' };
  const { format, chain, entries } = file as Record<string, unknown>;
  if (format !== OBSERVATIONS_FORMAT)
    return { error: `has format ${JSON.stringify(format)}, not ${OBSERVATIONS_FORMAT}` };
  if (chain !== CHAIN_ALGORITHM)
    return { error: `uses chain ${JSON.stringify(chain)}, not ${CHAIN_ALGORITHM}` };
  if (!Array.isArray(entries)) return { error: 'has no entries array' };
  return { entries };
}
