import type { VendorTable } from '../vendor-table';

/**
 * gtag.js hits to `/g/collect`: the hit's shared parameters in the query,
 * one event per body line when batched; the Measurement Protocol's JSON at
 * `/mp/collect`. `uid` is the site's own user id (set with `user_id`), `cid`
 * the browser's client id from the `_ga` cookie.
 */
export const GOOGLE_ANALYTICS_4: VendorTable = {
  vendor: 'Google Analytics 4',
  purpose: 'statistics',
  sources: [
    'https://developers.google.com/analytics/devguides/collection/ga4/user-id',
    'https://developers.google.com/analytics/devguides/collection/protocol/ga4/reference',
  ],
  endpoints: [
    { host: 'google-analytics.com', path: /^\/(?:g|mp)\/collect/ },
    { host: 'analytics.google.com', path: /^\/g\/collect/ },
  ],
  // Server-side tagging serves the same hits from the site's own domain.
  signatures: [[{ path: 'v', value: /^2$/ }, { path: 'tid', value: /^G-[A-Z0-9]+$/ }, { path: 'cid' }]],
  fields: [
    { path: 'uid', meaning: 'account-id' },
    { path: 'user_id', meaning: 'account-id' },
    { path: 'cid', meaning: 'device-id' },
    { path: 'client_id', meaning: 'device-id' },
    // User-provided data for enhanced measurement, sent hashed.
    { path: 'em', meaning: 'email-hash' },
    { path: 'dl', meaning: 'page-url' },
    { path: 'dr', meaning: 'referrer' },
    { path: 'en', meaning: 'event' },
    { path: 'name', meaning: 'event' },
  ],
};
