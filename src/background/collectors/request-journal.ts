import type { JournaledBody } from '../../core/observations/journaled-body';
import type { FinishedRequest } from '../../core/observations/network-observation';
import { StorageJournal } from '../storage-journal';

/** A body whose request never ended (the tab closed meanwhile) is dropped after this long. */
const BODY_KEPT_MS = 5 * 60_000;

export type RequestReading = FinishedRequest & { tabId: number };

export type JournalEntry =
  | { event: 'body'; requestId: string; timeStamp: number; body: JournaledBody }
  | { event: 'headers' | 'end'; details: RequestReading };

/**
 * Request readings a worker has not yet turned into observations: a body,
 * which waits for its request's end, and readings that arrived before a
 * just-woken worker knew the tabs' pages.
 */
export class RequestJournal {
  // Readings are placed by the tabs' visits, which are kept only as long as the browser runs.
  private readonly journal: StorageJournal<JournalEntry>;

  constructor(
    /**
     * Told of the tab whose reading could not be journaled (session storage
     * full). A body has no tab; its request's end reading, journaled as well, is told.
     */
    onUnavailable: (tabId: number) => void = () => {},
  ) {
    this.journal = new StorageJournal<JournalEntry>('requestJournal/', 'session', (entry) => {
      if (entry.event !== 'body') onUnavailable(entry.details.tabId);
    });
  }

  note(entry: JournalEntry): string {
    // Redirect hops share a request id; their times tell them apart.
    const [requestId, at] =
      entry.event === 'body'
        ? [entry.requestId, entry.timeStamp]
        : [entry.details.requestId, entry.details.timeStamp];
    return this.journal.note(`${entry.event}/${requestId}/${at}`, entry);
  }

  forget(key: string): void {
    this.journal.forget(key);
  }

  /** The readings an earlier worker noted and never crossed out, oldest first. */
  async leftOver(now: number): Promise<{ key: string; entry: JournalEntry }[]> {
    const left = await this.journal.leftOver();
    const stale = left.filter(({ entry }) => entry.event === 'body' && now - entry.timeStamp > BODY_KEPT_MS);
    await this.journal.drop(stale.map(({ key }) => key));
    const at = ({ entry }: { entry: JournalEntry }) =>
      entry.event === 'body' ? entry.timeStamp : entry.details.timeStamp;
    return left.filter((l) => !stale.includes(l)).sort((a, b) => at(a) - at(b));
  }
}
