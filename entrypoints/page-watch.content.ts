import { watchResourceTiming } from '../src/content/read-resource-timing';
import { relayPageClaims } from '../src/content/relay-page-claims';
import { sendReport } from '../src/content/send-report';
import { readStorageWhenWritten } from '../src/content/storage-reading-due';
import { watchDomPixels } from '../src/content/watch-dom-pixels';

// From document_start in the extension's isolated world: the bridge from the page hooks, the DOM
// watcher, and the page's resource timing, taken from the start so a page clearing it hides nothing.
export default defineContentScript({
  matches: ['*://*.jeejio.com/*'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main() {
    const storage = readStorageWhenWritten(sendReport);
    // Without page hooks (the Firefox build) nobody would take the channel, and the page could ask for it.
    if (import.meta.env.BROWSER !== 'firefox') {
      const relay = relayPageClaims(sendReport, storage.readSoon);
      addEventListener('pagehide', () => relay.leaving());
      // A tab put in the background may be discarded without a pagehide.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') relay.leaving();
      });
    }
    addEventListener('pagehide', storage.leaving);
    watchDomPixels(sendReport);
    // Sent when the page has loaded, once more after its late scripts, and when it is left.
    const timing = watchResourceTiming();
    const reportTiming = () => void sendReport(timing.read());
    addEventListener('load', () => {
      reportTiming();
      setTimeout(reportTiming, 1_500);
    });
    addEventListener('pagehide', reportTiming);
  },
});
