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
 * One occurrence of a limit dropping or cutting evidence. Each call makes a
 * new record (the report sums them per cause), so two losses of the same size
 * in the same millisecond are both kept.
 */
export function evidenceLoss({
  visit,
  cause,
  count,
  observedAt,
  frameUrl,
  perKey,
  detail,
}: {
  visit: Pick<PageVisit, 'visitId' | 'tabId' | 'url'>;
  cause: LossCause;
  count: number;
  observedAt: number;
  frameUrl?: string;
  perKey?: readonly { key: string; count: number }[];
  detail?: string;
}): EvidenceLossObservation {
  const loss: EvidenceLossObservation = {
    id: `${visit.visitId}:loss:${cause}:${observedAt.toString(36)}-${(++made).toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
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
  if (perKey?.length)
    loss.perKey = [...perKey]
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
      .slice(0, MAX_LOSS_KEYS);
  if (detail !== undefined) loss.detail = detail;
  return loss;
}

/** A fact about the page, as opposed to the extension's account of what it dropped. */
export function isEvidence(o: Observation): o is EvidenceObservation {
  return o.kind !== 'evidence-loss';
}

export function isEvidenceLoss(o: Observation): o is EvidenceLossObservation {
  return o.kind === 'evidence-loss';
}
