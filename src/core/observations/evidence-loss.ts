import type {
  EvidenceLossObservation,
  EvidenceObservation,
  LossCause,
  Observation,
  PageVisit,
} from './observation';

/** Keys a flood's summary lists; the rest are counted in the total only. */
export const MAX_LOSS_KEYS = 50;

let made = 0;

/**
 * One occurrence of a limit dropping or cutting evidence. Without `key`, each
 * call makes a new record (the report sums them per cause), so two losses of
 * the same size in the same millisecond are both kept. With `key`, the record
 * is the same whenever the same report is handled again (a content script
 * resends what a stopped worker never answered): stored once, counted once.
 */
export function evidenceLoss({
  visit,
  cause,
  count,
  observedAt,
  frameUrl,
  perKey,
  detail,
  key,
}: {
  visit: Pick<PageVisit, 'visitId' | 'tabId' | 'url'>;
  cause: LossCause;
  count: number;
  observedAt: number;
  frameUrl?: string;
  perKey?: readonly { key: string; count: number }[];
  detail?: string;
  /** What identifies the report this loss was read from, when it may arrive twice. */
  key?: string;
}): EvidenceLossObservation {
  const unique =
    key ?? `${observedAt.toString(36)}-${(++made).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const loss: EvidenceLossObservation = {
    id: `${visit.visitId}:loss:${cause}:${unique}`,
    kind: 'evidence-loss',
    provenance: 'extension',
    observedAt,
    tabId: visit.tabId,
    visitId: visit.visitId,
    pageUrl: visit.url,
    cause,
    count,
  };
  if (frameUrl !== undefined && frameUrl !== visit.url) loss.frameUrl = frameUrl;
  if (perKey?.length) loss.perKey = mostSeenKeys(perKey);
  if (detail !== undefined) loss.detail = detail;
  return loss;
}

/** The keys seen most, the most first (ties by key, so a report replays the same), up to MAX_LOSS_KEYS. */
export function mostSeenKeys(
  perKey: Iterable<{ key: string; count: number }>,
): { key: string; count: number }[] {
  return [...perKey].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)).slice(0, MAX_LOSS_KEYS);
}

/**
 * A fact about the page that rules judge, as opposed to the extension's
 * account of what it dropped, or a link leaving the page (listed, judged by no rule).
 */
export function isEvidence(o: Observation): o is EvidenceObservation {
  return o.kind !== 'evidence-loss' && o.kind !== 'link-decoration';
}

export function isEvidenceLoss(o: Observation): o is EvidenceLossObservation {
  return o.kind === 'evidence-loss';
}
