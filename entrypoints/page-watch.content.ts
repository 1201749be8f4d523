import { frameStorageReader } from '../src/content/frame-storage-reader';
import { readOutboundLinks } from '../src/content/read-outbound-links';
import { watchResourceTiming } from '../src/content/read-resource-timing';
import { relayPageClaims } from '../src/content/relay-page-claims';
import { sendReport } from '../src/content/send-report';
import { watchDomPixels } from '../src/content/watch-dom-pixels';

// The extension's one script per frame in its isolated world, from document_start: the bridge from
// the page hooks, the frame's storage readings, the DOM watcher, and the page's resource timing, taken
// from the start so a page clearing it hides nothing. One script, so a frame pays for one.
export default defineContentScript({
  matches: ['*://*.jeejio.com/*'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  // WXT would also announce each start with a window message, which every message listener of the page
  // (and of its SDKs) then runs for, and which tells the page the extension is there.
  noScriptStartedPostMessage: true,
  main() {
    // A frame of the page's own making (about:blank) shares its parent's storage, which the parent reads.
    const storage = frameStorageReader(sendReport, { readWhenLoaded: /^https?:$/.test(location.protocol) });
    const relay = relayPageClaims(sendReport, storage.readSoon);
    addEventListener('pagehide', () => relay.leaving());
    // A tab put in the background may be discarded without a pagehide.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') relay.leaving();
    });
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
    // Links leaving the site, with the ids they carry: read when loaded and after late scripts, as timing is.
    const reportLinks = readOutboundLinks(sendReport);
    addEventListener('load', () => {
      reportLinks();
      setTimeout(reportLinks, 1_500);
    });
  },
});
