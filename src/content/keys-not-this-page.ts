import type { StorageEntry } from '../core/observations/storage-observation';
import { isReportableRoute } from '../protocol/content-reports';
import { MAX_KEY_CHARS, MAX_VALUE_CHARS } from './read-web-storage';

type WebStorageArea = 'localStorage' | 'sessionStorage';

const keyOf = (area: string, key: string) => `${area}\u0000${key}`;
/** Values are compared as a reading holds them: cut to its bound, with their real length. */
const sameValue = (
  a: Pick<StorageEntry, 'value' | 'valueLength'>,
  b: Pick<StorageEntry, 'value' | 'valueLength'>,
) => a.value === b.value && a.valueLength === b.valueLength;

/**
 * Tells a frame's Web Storage keys the page wrote from those it found there
 * (read before any of its scripts ran) or that another tab wrote while it was
 * open (the browser's trusted `storage` events). A key marked so keeps the
 * value it had then; any other value is the page's own doing.
 */
export class KeysNotThisPage {
  private readonly before = new Map<string, Pick<StorageEntry, 'value' | 'valueLength'>>();
  private readonly elsewhere = new Map<
    string,
    Pick<StorageEntry, 'value' | 'valueLength'> & { url: string }
  >();

  /** What the frame's storage held before the page's first script. */
  constructor(beforeThePage: readonly StorageEntry[]) {
    for (const entry of beforeThePage) this.before.set(keyOf(entry.area, entry.key), entry);
  }

  /** Another document wrote `key`; a null value removed it, a null key cleared the area. */
  writtenElsewhere(area: WebStorageArea, key: string | null, value: string | null, url: string): void {
    if (key === null) {
      for (const written of [...this.elsewhere.keys()])
        if (written.startsWith(keyOf(area, ''))) this.elsewhere.delete(written);
      return;
    }
    if (value === null) {
      this.elsewhere.delete(keyOf(area, key.slice(0, MAX_KEY_CHARS)));
      return;
    }
    this.elsewhere.set(keyOf(area, key.slice(0, MAX_KEY_CHARS)), {
      value: value.slice(0, MAX_VALUE_CHARS),
      valueLength: value.length,
      url,
    });
  }

  /** The entries of a reading, those the page did not write marked with why. */
  mark(entries: StorageEntry[]): StorageEntry[] {
    return entries.map((entry) => {
      if (entry.area !== 'localStorage' && entry.area !== 'sessionStorage') return entry;
      const key = keyOf(entry.area, entry.key);
      const other = this.elsewhere.get(key);
      if (other && sameValue(other, entry))
        // Only a web URL is named: an about:blank window of another tab has no address to give.
        return {
          ...entry,
          notThisPage: 'another-tab',
          ...(isReportableRoute(other.url) && { writtenOn: other.url }),
        };
      const earlier = this.before.get(key);
      if (earlier && sameValue(earlier, entry)) return { ...entry, notThisPage: 'stored-earlier' };
      return entry;
    });
  }
}
