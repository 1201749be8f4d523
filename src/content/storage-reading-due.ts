import type { ContentReport } from '../protocol/content-reports';
import { readWebStorage } from './read-web-storage';

/** How long after a write the storage is read again: a script writing several keys is read once. */
const READ_AFTER_MS = 300;

/**
 * Reads the frame's storage again shortly after a script wrote to it (a
 * hook's claim, or another tab's trusted `storage` event), so the claim is
 * checked against the extension's own reading. The worker is told at once that
 * a reading is due, so nobody takes the page as fully read until it arrives.
 * When the page is left, the Web Storage part of a due reading, which is
 * synchronous, is still sent (`leaving`, for the page's `pagehide`).
 */
export function readStorageWhenWritten(send: (report: ContentReport) => void): {
  readSoon: (indexedDbToo?: boolean) => void;
  leaving: () => void;
} {
  let due: ReturnType<typeof setTimeout> | undefined;
  let readDatabases = false;
  const sendReading = (webStorageOnly: boolean) =>
    void readWebStorage({ webStorageOnly }).then((reading) => send({ ...reading, answersDue: true }));

  const readSoon = (indexedDbToo = false) => {
    readDatabases ||= indexedDbToo;
    if (due !== undefined) return;
    send({ type: 'storage-read-due' });
    due = setTimeout(() => {
      due = undefined;
      const webStorageOnly = !readDatabases;
      readDatabases = false;
      sendReading(webStorageOnly);
    }, READ_AFTER_MS);
  };
  // Another tab's write; a page can dispatch fake storage events, which are not trusted.
  addEventListener('storage', (event) => {
    if (event.isTrusted) readSoon();
  });
  const leaving = () => {
    if (due === undefined) return;
    clearTimeout(due);
    due = undefined;
    sendReading(true);
  };
  return { readSoon, leaving };
}
