import { browser } from 'wxt/browser';
import { readWebStorage } from '../src/extension/content/read-web-storage';
import { relayPageClaims } from '../src/extension/content/relay-page-claims';
import { watchDomPixels } from '../src/extension/content/watch-dom-pixels';

// From document_start in the extension's isolated world: the bridge from the page hooks, and the DOM watcher.
export default defineContentScript({
  matches: ['*://*.jeejio.com/*'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main() {
    const send = (message: unknown) => browser.runtime.sendMessage(message).catch(() => {});
    // A storage write claimed by a hook is checked against the extension's own reading of storage.
    let snapshot: ReturnType<typeof setTimeout> | undefined;
    const readStorageSoon = () => {
      if (snapshot !== undefined) return;
      snapshot = setTimeout(() => {
        snapshot = undefined;
        void readWebStorage({ webStorageOnly: true }).then(send);
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
    watchDomPixels(send);
  },
});
