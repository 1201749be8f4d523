import type { ContentReport } from '../protocol/content-reports';
import { readWebStorage } from './read-web-storage';
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
  const sendReading = (webStorageOnly: boolean, answersDue: boolean) =>
    void readWebStorage({ webStorageOnly }).then((reading) =>
      send(answersDue ? { ...reading, answersDue: true } : reading),
    );
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
  // Another tab's write; a page can dispatch fake storage events, which are not trusted.
  addEventListener('storage', (event) => {
    if (event.isTrusted) readSoon();
  });
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
