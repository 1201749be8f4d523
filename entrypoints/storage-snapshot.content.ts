import { browser } from 'wxt/browser';
import { readWebStorage } from '../src/extension/content/read-web-storage';

// Snapshots at load, after the page's scripts have settled, and when it is left.
export default defineContentScript({
  matches: ['*://*.jeejio.com/*'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    const report = () => void browser.runtime.sendMessage(readWebStorage()).catch(() => {});
    report();
    setTimeout(report, 1_500);
    addEventListener('pagehide', report);
  },
});
