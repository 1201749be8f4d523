import { documentOf, type TrackedVisit } from '../core/observations/page-visit';
import type { PageReadingState } from '../protocol/inspector';

/** Only the latest visits matter; the sets are emptied past this many. */
const MAX_REMEMBERED = 1_000;

/**
 * Which pages have sent the reading of their storage that their load brings,
 * and which have one more due because a script wrote to storage: the audit
 * moves on from a page once both are in. Kept by document: a single-page
 * app's routes share the document's one content script, whose reading made
 * before (or as) the router changed the URL stands for every route.
 */
export class PageReadings {
  private readonly arrived = new Set<string>();
  private readonly due = new Set<string>();

  /** Told by the content-report collector about a page's own frame, by the visit that loaded it. */
  note(documentVisitId: string, reading: 'arrived' | 'due' | 'due-arrived'): void {
    if (this.arrived.size >= MAX_REMEMBERED) this.arrived.clear();
    if (this.due.size >= MAX_REMEMBERED) this.due.clear();
    if (reading === 'due') {
      this.due.add(documentVisitId);
      return;
    }
    if (reading === 'due-arrived') this.due.delete(documentVisitId);
    this.arrived.add(documentVisitId);
  }

  /** Of the visits showing this URL now; `not-watched` when none does. */
  state(shown: readonly TrackedVisit[]): PageReadingState {
    if (shown.length === 0) return 'not-watched';
    const documents = shown.map(documentOf);
    return documents.every((d) => this.arrived.has(d) && !this.due.has(d)) ? 'reported' : 'waiting';
  }
}
