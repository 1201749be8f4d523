import { installPageHooks } from '../src/page-hooks/install-page-hooks';

// In the page's own world, before its scripts: sees calls no browser API reports (see src/page-hooks/).
export default defineContentScript({
  matches: ['*://*.jeejio.com/*'],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main() {
    installPageHooks();
  },
});
