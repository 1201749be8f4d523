// First: it notes when the script began to run, before the other modules' top-level work.
import '../src/background/evaluation-start';
import { serveRequests } from '../src/background/serve-requests';
import { startInspector } from '../src/background/start-inspector';
import { INSPECTOR_GLOBAL } from '../src/protocol/inspector';

export default defineBackground(() => {
  const inspector = startInspector();
  serveRequests(inspector);
  // The command-line audit and the end-to-end tests read findings through the
  // worker itself; pages cannot reach a service worker's globals.
  Object.assign(globalThis, { [INSPECTOR_GLOBAL]: inspector });
});
