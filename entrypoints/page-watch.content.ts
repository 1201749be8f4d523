import { browser } from 'wxt/browser';
import { readWebStorage } from '../src/content/read-web-storage';
import { relayPageClaims } from '../src/content/relay-page-claims';
import { watchDomPixels } from '../src/content/watch-dom-pixels';

// From document_start in the extension's isolated world: the bridge from the page hooks, and the DOM watcher.
export default defineContentScript({
  matches: ['*://*.jeejio.com/*'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main() {
    const send = (message: unknown) => browser.runtime.sendMessage(message).catch(() => {});
    // A storage write claimed by a hook is checked against the extension's own reading of storage;
    // the background is told at once that a reading is due, so nobody takes the page as fully read.
    let snapshot: ReturnType<typeof setTimeout> | undefined;
    let readDatabases = false;
    const readStorageSoon = (indexedDbToo = false) => {
      readDatabases ||= indexedDbToo;
      if (snapshot !== undefined) return;
      void send({ type: 'storage-read-due' });
      snapshot = setTimeout(() => {
        snapshot = undefined;
        const webStorageOnly = !readDatabases;
        readDatabases = false;
        void readWebStorage({ webStorageOnly }).then((reading) => send({ ...reading, answersDue: true }));
      }, 300);
    };
    // Without page hooks (the Firefox build) nobody would take the channel, and the page could ask for it.
    if (import.meta.env.BROWSER !== 'firefox') {
      const relay = relayPageClaims(send, readStorageSoon);
      addEventListener('pagehide', () => relay.leaving());
      // A tab put in the background may be discarded without a pagehide.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') relay.leaving();
      });
    }
    // Another tab's write; a page can dispatch fake storage events, which are not trusted.
    addEventListener('storage', (event) => {
      if (event.isTrusted) readStorageSoon();
    });
    // Leaving: the web storage part of a due reading is synchronous, so it is still sent.
    addEventListener('pagehide', () => {
      if (snapshot === undefined) return;
      clearTimeout(snapshot);
      snapshot = undefined;
      void readWebStorage({ webStorageOnly: true }).then((reading) => send({ ...reading, answersDue: true }));
    });
    watchDomPixels(send);
  },
});
