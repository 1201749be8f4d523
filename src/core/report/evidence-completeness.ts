import { mostSeenKeys } from '../observations/evidence-loss';
import type { EvidenceLossObservation, LossCause } from '../observations/observation';
import { type Phrase, phrase } from '../wording/phrase';

/** What one limit dropped or cut over the report's pages, summed from each time it happened. */
export interface EvidenceLossSummary {
  cause: LossCause;
  /** Facts (claims, keys, observations) not stored one by one. */
  count: number;
  /** How many times the limit was met. */
  occurrences: number;
  /** Pages it happened on, in the order first met. */
  pages: string[];
  /** For floods kept as counts: the keys seen most, with how often. */
  perKey?: { key: string; count: number }[];
  /** The distinct details recorded with it (which limit, which area), up to a few. */
  details?: string[];
}

/** Whether the report rests on everything the extension saw. */
export interface EvidenceCompleteness {
  complete: boolean;
  losses: EvidenceLossSummary[];
}

const MAX_DETAILS = 5;

/**
 * Causes whose count is a level, not an increment: each storage reading says
 * how many keys it left, and reading the same padded storage again leaves the
 * same keys. Per page and frame the largest level counts.
 */
const LEVEL_CAUSES: ReadonlySet<LossCause> = new Set(['storage-key-cap']);

/** Only the largest level of each page and frame, for the causes that are levels. */
function withoutRepeatedLevels(losses: readonly EvidenceLossObservation[]): EvidenceLossObservation[] {
  const largest = new Map<string, EvidenceLossObservation>();
  const kept: EvidenceLossObservation[] = [];
  for (const loss of losses) {
    if (!LEVEL_CAUSES.has(loss.cause)) {
      kept.push(loss);
      continue;
    }
    const where = JSON.stringify([loss.cause, loss.visitId, loss.frameUrl ?? '']);
    const before = largest.get(where);
    if (!before || loss.count > before.count) largest.set(where, loss);
  }
  return [...kept, ...largest.values()];
}

/** Sums the recorded losses per cause; with none, the evidence is complete. */
export function evidenceCompleteness(recorded: readonly EvidenceLossObservation[]): EvidenceCompleteness {
  const byCause = new Map<LossCause, EvidenceLossSummary & { keys: Map<string, number> }>();
  const losses = withoutRepeatedLevels(recorded);
  for (const loss of losses) {
    let summary = byCause.get(loss.cause);
    if (!summary) {
      summary = { cause: loss.cause, count: 0, occurrences: 0, pages: [], keys: new Map() };
      byCause.set(loss.cause, summary);
    }
    summary.count += loss.count;
    summary.occurrences += 1;
    if (!summary.pages.includes(loss.pageUrl)) summary.pages.push(loss.pageUrl);
    for (const { key, count } of loss.perKey ?? [])
      summary.keys.set(key, (summary.keys.get(key) ?? 0) + count);
    if (loss.detail !== undefined) {
      summary.details ??= [];
      if (summary.details.length < MAX_DETAILS && !summary.details.includes(loss.detail))
        summary.details.push(loss.detail);
    }
  }
  const summaries = [...byCause.values()].map(({ keys, ...summary }): EvidenceLossSummary => {
    if (keys.size === 0) return summary;
    return { ...summary, perKey: mostSeenKeys([...keys].map(([key, count]) => ({ key, count }))) };
  });
  return {
    complete: summaries.length === 0,
    losses: summaries.sort((a, b) => b.count - a.count || (a.cause < b.cause ? -1 : 1)),
  };
}

/** "1,204 page-script reports dropped over the rate limit on 2 pages", in the reader's language. */
export function lossPhrase(loss: EvidenceLossSummary): Phrase {
  return phrase(`loss_${loss.cause.replaceAll('-', '_')}`, loss.count, loss.pages.length);
}
