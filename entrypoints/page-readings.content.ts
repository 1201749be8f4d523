import { readWebStorage } from '../src/content/read-web-storage';
import { sendReport } from '../src/content/send-report';
import { whenPageLoaded } from '../src/content/when-page-loaded';

// Reports once the page has loaded, again after its scripts have settled, and when it is left.
export default defineContentScript({
  matches: ['*://*.jeejio.com/*'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    const report = () => void readWebStorage().then(sendReport);
    whenPageLoaded(() => {
      report();
      setTimeout(report, 1_500);
    });
    addEventListener('pagehide', report);
  },
});
