import { browser } from 'wxt/browser';
import { readResourceTiming } from '../src/content/read-resource-timing';
import { readWebStorage } from '../src/content/read-web-storage';

// Reports at load, after the page's scripts have settled, and when it is left.
export default defineContentScript({
  matches: ['*://*.jeejio.com/*'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    const send = (message: unknown) => browser.runtime.sendMessage(message).catch(() => {});
    const report = () => {
      void readWebStorage().then(send);
      void send(readResourceTiming());
    };
    report();
    setTimeout(report, 1_500);
    addEventListener('pagehide', report);
  },
});
