import type { ContentReport } from '../protocol/content-reports';
import { KeysNotThisPage } from './keys-not-this-page';
import { readWebStorage, readWebStorageAreas } from './read-web-storage';
import { whenPageLoaded } from './when-page-loaded';

/** How long after a write the storage is read again: a script writing several keys is read once. */
const READ_AFTER_MS = 300;
/** The full reading is made again this long after the first, for what late scripts stored. */
const READ_AGAIN_AFTER_MS = 1_500;

export interface FrameStorageReader {
  /** A script wrote to storage: read it again shortly; `indexedDbToo` when it wrote IndexedDB. */
  readSoon: (indexedDbToo?: boolean) => void;
  /** The page is being left (its pagehide): the Web Storage part of a reading, which is synchronous, goes now. */
  leaving: () => void;
}

/**
 * The frame's one reader of its storage. With `readWhenLoaded` it reads
 * everything once the page has loaded and the browser is idle, again after the
 * page's late scripts, and the Web Storage part when the page is left. It also
 * reads shortly after a script wrote to storage (a hook's claim, or another
 * tab's trusted `storage` event), so the claim is checked against the
 * extension's own reading. The worker is told at once that a reading is due,
 * so nobody takes the page as fully read until it arrives; a full reading made
 * meanwhile answers it, so the page's databases are not opened twice.
 */
export function frameStorageReader(
  send: (report: ContentReport) => void,
  { readWhenLoaded }: { readWhenLoaded: boolean },
): FrameStorageReader {
  let due: ReturnType<typeof setTimeout> | undefined;
  let readDatabases = false;
  // Read now, at document start, before any script of the page: what it holds then, the page did not write.
  const notThisPage = new KeysNotThisPage(readWhenLoaded ? readWebStorageAreas().entries : []);
  const sendReading = (webStorageOnly: boolean, answersDue: boolean) =>
    void readWebStorage({ webStorageOnly }).then((reading) => {
      const marked = { ...reading, entries: notThisPage.mark(reading.entries) };
      send(answersDue ? { ...marked, answersDue: true } : marked);
    });
  const takeDue = (): boolean => {
    if (due === undefined) return false;
    clearTimeout(due);
    due = undefined;
    readDatabases = false;
    return true;
  };

  const readSoon = (indexedDbToo = false) => {
    readDatabases ||= indexedDbToo;
    if (due !== undefined) return;
    send({ type: 'storage-read-due' });
    due = setTimeout(() => {
      const webStorageOnly = !readDatabases;
      takeDue();
      sendReading(webStorageOnly, true);
    }, READ_AFTER_MS);
  };
  // Another document's write; a page can dispatch fake storage events, which are not trusted.
  addEventListener('storage', (event) => {
    if (!event.isTrusted) return;
    const area = areaOf(event.storageArea);
    // A frame of this page wrote it: the page's own doing, which that frame's hooks and readings report.
    if (area && !isFrameOfThisPage(event.url)) writtenElsewhere(area, event);
    readSoon();
  });
  const writtenElsewhere = (area: 'localStorage' | 'sessionStorage', event: StorageEvent) =>
    notThisPage.writtenElsewhere(area, event.key, event.newValue, event.url);
  const readAll = () => sendReading(false, takeDue());
  if (readWhenLoaded)
    whenPageLoaded(() => {
      readAll();
      setTimeout(readAll, READ_AGAIN_AFTER_MS);
    });
  return {
    readSoon,
    leaving: () => {
      const wasDue = takeDue();
      if (wasDue || readWhenLoaded) sendReading(true, wasDue);
    },
  };
}

function areaOf(storage: Storage | null): 'localStorage' | 'sessionStorage' | undefined {
  try {
    if (storage === localStorage) return 'localStorage';
    if (storage === sessionStorage) return 'sessionStorage';
  } catch {
    // Storage denied in this frame.
  }
  return undefined;
}

/**
 * Whether a document showing `url` is another frame of this page, of this
 * frame's origin (only those share its storage). The receiving document never
 * gets its own storage events, so a document with its very URL is another tab.
 */
function isFrameOfThisPage(url: string): boolean {
  let root: Window = window;
  try {
    if (window.top?.location.href) root = window.top;
  } catch {
    // The top is of another origin: this frame's own subtree is what can share its storage.
  }
  const visit = (win: Window, depth: number): boolean => {
    try {
      if (win !== window && win.location.href === url) return true;
    } catch {
      // Another origin's frame: it cannot have written this storage.
      return false;
    }
    if (depth >= 8) return false;
    for (let i = 0; i < win.frames.length; i++) if (visit(win.frames[i] as Window, depth + 1)) return true;
    return false;
  };
  return visit(root, 0);
}
