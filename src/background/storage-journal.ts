import { type Browser, browser } from 'wxt/browser';

/** Crossed-out entries are removed together, at most this often. */
const FORGET_EVERY_MS = 250;

/**
 * Entries written ahead to extension storage, for work a worker has taken on
 * but not finished. Chrome sends a storage call to the browser at once, so it
 * completes even if the worker is stopped right after; an IndexedDB transaction
 * still open at that moment is lost. An entry is crossed out once the work is
 * done; a woken worker picks up what is left. Session storage is gone when the
 * browser closes; local storage outlives it.
 *
 * An entry is written as one JSON string: the extension API converts a nested
 * value field by field before sending it, and a worker journals every reading
 * while a page loads, so a string made by JSON.stringify halves what each call
 * costs the worker (measured for #16).
 */
export class StorageJournal<Entry> {
  private readonly toForget = new Set<string>();
  private forgetTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly area: Browser.storage.StorageArea;

  constructor(
    private readonly prefix: string,
    area: 'session' | 'local',
    /** Told of an entry `note` could not write (storage full): its work is unprotected against a stop. */
    private readonly onUnavailable: (entry: Entry) => void = () => {},
  ) {
    this.area = browser.storage[area];
  }

  /** Writes the entry ahead; for work that is done anyway, which the entry only protects against a stop. */
  note(name: string, entry: Entry): string {
    const key = `${this.prefix}${name}`;
    this.area.set({ [key]: JSON.stringify(entry) }).catch((error: unknown) => {
      // Storage full: the work still gets done, only unprotected against a stop.
      console.warn('[inspector] Could not journal', key, error);
      this.onUnavailable(entry);
    });
    return key;
  }

  /** Writes the entry ahead; resolves with its key once it is kept, rejects when it cannot be (storage full). */
  async write(name: string, entry: Entry): Promise<string> {
    const key = `${this.prefix}${name}`;
    await this.area.set({ [key]: JSON.stringify(entry) });
    return key;
  }

  /** The work an entry stands for is done: the journal may let it go. */
  forget(key: string): void {
    this.toForget.add(key);
    this.forgetTimer ??= setTimeout(() => {
      this.forgetTimer = null;
      const keys = [...this.toForget];
      this.toForget.clear();
      this.area.remove(keys).catch((error: unknown) => {
        console.warn('[inspector] Could not clear journal entries', error);
      });
    }, FORGET_EVERY_MS);
  }

  /** The entries an earlier worker noted and never crossed out. */
  async leftOver(): Promise<{ key: string; entry: Entry }[]> {
    const all = await this.area.get(null);
    const left: { key: string; entry: Entry }[] = [];
    for (const [key, stored] of Object.entries(all)) {
      if (!key.startsWith(this.prefix)) continue;
      const entry = decodeEntry<Entry>(stored);
      if (entry === undefined) console.warn('[inspector] A journal entry could not be read', key);
      else left.push({ key, entry });
    }
    return left;
  }

  async drop(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.area.remove([...keys]);
  }
}

/** A journaled entry: a JSON string, or an object as journals before #16 wrote them. */
function decodeEntry<Entry>(stored: unknown): Entry | undefined {
  if (typeof stored !== 'string') return stored as Entry;
  try {
    return JSON.parse(stored) as Entry;
  } catch {
    return undefined;
  }
}
