import { readWebStorage } from '../src/content/read-web-storage';
import { sendReport } from '../src/content/send-report';

// Reports at load, after the page's scripts have settled, and when it is left.
export default defineContentScript({
  matches: ['*://*.jeejio.com/*'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    const report = () => void readWebStorage().then(sendReport);
    report();
    setTimeout(report, 1_500);
    addEventListener('pagehide', report);
  },
});
