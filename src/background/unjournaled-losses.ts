import { evidenceLoss, isEvidence } from '../core/observations/evidence-loss';
import type { EvidenceLossObservation, Observation } from '../core/observations/observation';

/**
 * Observations the journal could not keep (extension storage full) as
 * evidence losses, one per page: they are still being stored, but a worker
 * stopped before that would lose them, so the page's evidence may be
 * incomplete. Recorded at once, not tallied for later, as the stop they guard
 * against would take a tally with it. A loss record the journal could not keep
 * either is not reported again, or a full journal would never stop reporting.
 */
export function unjournaledLosses(
  observations: readonly Observation[],
  observedAt: number,
): EvidenceLossObservation[] {
  const pages = new Map<string, { visit: { visitId: string; tabId: number; url: string }; count: number }>();
  for (const o of observations) {
    if (!isEvidence(o)) continue;
    const page = pages.get(o.visitId) ?? {
      visit: { visitId: o.visitId, tabId: o.tabId, url: o.pageUrl },
      count: 0,
    };
    page.count++;
    pages.set(o.visitId, page);
  }
  return [...pages.values()].map(({ visit, count }) =>
    evidenceLoss({
      visit,
      cause: 'journal-unavailable',
      count,
      observedAt,
    }),
  );
}
