import { installPageHooks } from '../src/page-hooks/install-page-hooks';

// In the page's own world, before its scripts: sees calls no browser API reports (see src/page-hooks/).
// Firefox's Manifest V2 build has no main-world content scripts, so it relies on the browser-side collectors.
export default defineContentScript({
  matches: ['*://*.jeejio.com/*'],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  exclude: ['firefox'],
  main() {
    installPageHooks();
  },
});
