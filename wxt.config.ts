import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { REFERENCE_TABLE_PATHS } from './src/core/classify/reference-tables';
import { MONITORED_HOST_PATTERNS } from './src/core/sites/monitored-sites';

// The "audit" mode is the build the command-line audit loads: it holds the
// all-sites host permission up front, because a headless browser has nobody to
// click "allow" on the optional-permission prompt.
export default defineConfig({
  // Manifest V3 in both browsers: Firefox (128+) runs main-world content scripts under it, which the page
  // hooks need, and one manifest version keeps both builds' permissions and behaviour alike. Firefox keeps
  // its background an event page rather than a service worker, which the same code serves.
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  // The sources zip Firefox's reviewers rebuild the add-on from: the project, less what it makes.
  zip: {
    excludeSources: [
      'dist/**',
      'audit-out/**',
      'playwright-report/**',
      'test-results/**',
      'docs/screenshots/**',
    ],
  },
  hooks: {
    // The browser reads _locales/<lang>/messages.json. The catalogues live with the wording in the
    // core, which words reports in English; each build copies them (the interface languages) here.
    // The reference tables are copied the same way (below).
    'build:publicAssets': (wxt, files) => {
      for (const locale of ['en', 'zh_CN'])
        files.push({
          absoluteSrc: `${wxt.config.root}/src/core/wording/catalogues/${locale}/messages.json`,
          relativeDest: `_locales/${locale}/messages.json`,
        });
      // The reference tables, which the worker and pages fetch when they first classify rather than hold in
      // their scripts (src/core/classify/reference-tables.ts); written without the committed files' indentation.
      for (const [source, dest] of [
        ['open-cookie-database/ocd-cookies.json', REFERENCE_TABLE_PATHS.openCookieDatabase],
        ['cname-trackers/cname-trackers.json', REFERENCE_TABLE_PATHS.cnameTrackers],
      ] as const)
        files.push({
          contents: JSON.stringify(
            JSON.parse(readFileSync(`${wxt.config.root}/src/core/classify/${source}`, 'utf8')),
          ),
          relativeDest: dest,
        });
    },
  },
  // INSPECTOR_UNMINIFIED=1 keeps names readable in a profile (benchmark investigations only).
  vite: () => ({
    plugins: [preact(), largeJsonAsParse()],
    // Ghostery's filter engine parses hosts with tldts-experimental, a second copy of the public suffix list
    // (98 kB of the worker's script, compiled on every wake); it takes the exact `tldts` the classifier uses.
    resolve: { alias: { 'tldts-experimental': 'tldts' } },
    ...(process.env.INSPECTOR_UNMINIFIED === '1' && { build: { minify: false } }),
  }),
  manifest: ({ browser, mode }) => {
    const allSites = mode === 'audit' ? [] : ['<all_urls>'];
    return {
      // Names and every interface string come from _locales (English and Simplified Chinese), copied from the core.
      default_locale: 'en',
      name: '__MSG_app_name__',
      description: '__MSG_app_description__',
      // scripting: the page scripts for staging hosts a tester adds on the options page.
      // dns (Firefox only): the canonical name of a first-party-looking host uncloaks a tracker behind a CNAME.
      permissions: [
        'cookies',
        'webRequest',
        'webNavigation',
        'storage',
        'scripting',
        ...(browser === 'firefox' ? ['dns'] : []),
      ],
      host_permissions:
        mode === 'audit' ? [...MONITORED_HOST_PATTERNS, '<all_urls>'] : [...MONITORED_HOST_PATTERNS],
      optional_host_permissions: allSites,
      action: { default_title: '__MSG_app_name__' },
      ...(browser === 'firefox' && {
        browser_specific_settings: {
          gecko: {
            id: 'privacy-inspector@jeejio-audit.invalid',
            // 128: main-world content scripts (the page hooks); data_collection_permissions below: 140 on
            // the desktop, 142 on Android. 140 is an ESR (Debian 12 ships it), so the desktop asks no more.
            strict_min_version: '140.0',
            // Nothing leaves the browser: findings stay in the extension's own storage.
            data_collection_permissions: { required: ['none'] },
          },
          gecko_android: { strict_min_version: '142.0' },
        },
      }),
    };
  },
});

/**
 * Bundles a large JSON module as `JSON.parse('…')` rather than as an object
 * literal (what Vite's `json.stringify: 'auto'` promises above 10 kB, and its
 * Rolldown build does not do). A JavaScript literal of the 600 kB Open Cookie
 * Database table is parsed and compiled as code each time the worker wakes;
 * V8 scans a string and parses JSON several times faster.
 * https://v8.dev/blog/cost-of-javascript-2019#json
 */
function largeJsonAsParse(): Plugin {
  return {
    name: 'large-json-as-parse',
    enforce: 'pre',
    transform(source, id) {
      if (!id.endsWith('.json') || source.length < 10_000) return null;
      const compact = JSON.stringify(JSON.parse(source));
      return { code: `export default JSON.parse(${JSON.stringify(compact)});`, moduleType: 'js', map: null };
    },
  };
}
