import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { MONITORED_HOST_PATTERNS } from './src/sites/monitored-sites';

// The "audit" mode is the build the command-line audit loads: it holds the
// all-sites host permission up front, because a headless browser has nobody to
// click "allow" on the optional-permission prompt.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode }) => ({
    name: 'Jeejio Privacy Inspector',
    description:
      "Checks what Jeejio websites do with cookies against Jeejio's own privacy policy, and shows every violation with its evidence.",
    permissions: ['cookies', 'webRequest', 'webNavigation', 'storage'],
    host_permissions:
      mode === 'audit' ? [...MONITORED_HOST_PATTERNS, '<all_urls>'] : [...MONITORED_HOST_PATTERNS],
    optional_host_permissions: mode === 'audit' ? [] : ['<all_urls>'],
    action: { default_title: 'Jeejio Privacy Inspector' },
  }),
});
