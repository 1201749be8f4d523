import { browser } from 'wxt/browser';
import type { PageContext } from '../../observations/cookie-from-jar';
import type { JournaledBody } from '../../observations/journaled-body';
import type { FinishedRequest } from '../../observations/network-observation';

const PREFIX = 'requestJournal/';
/** Crossed-out readings are removed together, at most this often. */
const FORGET_EVERY_MS = 250;
/** A body whose request never ended (the tab closed meanwhile) is dropped after this long. */
const BODY_KEPT_MS = 5 * 60_000;

export type RequestReading = FinishedRequest & { tabId: number };

export type JournalEntry =
  | { event: 'body'; requestId: string; timeStamp: number; body: JournaledBody }
  /** The page is the visit the reading was filed under; absent when the worker did not know it yet. */
  | { event: 'headers' | 'end'; details: RequestReading; page?: PageContext };

/**
 * Request readings written ahead to session storage the moment they arrive.
 * The browser delivers each webRequest event once: a worker stopped between the
 * event and the database's commit would lose it for good. The storage call is
 * sent to the browser at once and completes even if the worker stops right
 * after. A reading is crossed out once what it gave is stored; a woken worker
 * replays what is left.
 */
export class RequestJournal {
  private readonly toForget = new Set<string>();
  private forgetTimer: ReturnType<typeof setTimeout> | null = null;

  note(entry: JournalEntry): string {
    // Redirect hops share a request id; their times tell them apart.
    const [requestId, at] =
      entry.event === 'body'
        ? [entry.requestId, entry.timeStamp]
        : [entry.details.requestId, entry.details.timeStamp];
    const key = `${PREFIX}${entry.event}/${requestId}/${at}`;
    browser.storage.session.set({ [key]: entry }).catch((error: unknown) => {
      // Session storage full: the reading is still stored the usual way, only unprotected.
      console.warn('[inspector] Could not journal a request reading', error);
    });
    return key;
  }

  /** What the reading gave is stored: the journal may let it go. */
  forget(key: string): void {
    this.toForget.add(key);
    this.forgetTimer ??= setTimeout(() => {
      this.forgetTimer = null;
      const keys = [...this.toForget];
      this.toForget.clear();
      browser.storage.session.remove(keys).catch((error: unknown) => {
        console.warn('[inspector] Could not clear journaled request readings', error);
      });
    }, FORGET_EVERY_MS);
  }

  /** The readings an earlier worker noted and never crossed out, oldest first, with each one's key. */
  async leftOver(now: number): Promise<{ key: string; entry: JournalEntry }[]> {
    const all = await browser.storage.session.get(null);
    const left: { key: string; entry: JournalEntry }[] = [];
    const stale: string[] = [];
    for (const [key, value] of Object.entries(all)) {
      if (!key.startsWith(PREFIX)) continue;
      const entry = value as JournalEntry;
      if (entry.event === 'body' && now - entry.timeStamp > BODY_KEPT_MS) stale.push(key);
      else left.push({ key, entry });
    }
    if (stale.length > 0) await browser.storage.session.remove(stale);
    const at = ({ entry }: { entry: JournalEntry }) =>
      entry.event === 'body' ? entry.timeStamp : entry.details.timeStamp;
    return left.sort((a, b) => at(a) - at(b));
  }
}
