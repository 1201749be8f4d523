import type { PageVisit } from '../core/observations/observation';
import type { PageReadingState } from '../protocol/inspector';

/** Only the latest visits matter; the sets are emptied past this many. */
const MAX_REMEMBERED = 1_000;

/**
 * Which pages have sent the reading of their storage that their load brings,
 * and which have one more due because a script wrote to storage: the audit
 * moves on from a page once both are in.
 */
export class PageReadings {
  private readonly arrived = new Set<string>();
  private readonly due = new Set<string>();

  /** Told by the content-report collector about a page's own frame. */
  note(visitId: string, reading: 'arrived' | 'due' | 'due-arrived'): void {
    if (this.arrived.size >= MAX_REMEMBERED) this.arrived.clear();
    if (this.due.size >= MAX_REMEMBERED) this.due.clear();
    if (reading === 'due') {
      this.due.add(visitId);
      return;
    }
    if (reading === 'due-arrived') this.due.delete(visitId);
    this.arrived.add(visitId);
  }

  /** Of the visits showing this URL now; `not-watched` when none does. */
  state(shown: readonly PageVisit[]): PageReadingState {
    if (shown.length === 0) return 'not-watched';
    return shown.every((v) => this.arrived.has(v.visitId) && !this.due.has(v.visitId))
      ? 'reported'
      : 'waiting';
  }
}
