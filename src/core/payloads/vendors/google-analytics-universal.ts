import type { VendorTable } from '../vendor-table';

/** analytics.js hits (Measurement Protocol v1): `uid` is the site's user id, `cid` the `_ga` client id. */
export const GOOGLE_ANALYTICS_UNIVERSAL: VendorTable = {
  vendor: 'Google Universal Analytics',
  purpose: 'statistics',
  sources: ['https://developers.google.com/analytics/devguides/collection/protocol/v1/parameters'],
  endpoints: [{ host: 'google-analytics.com', path: /^\/(?:r\/|j\/)?collect/ }],
  signatures: [[{ path: 'v', value: /^1$/ }, { path: 'tid', value: /^UA-\d+-\d+$/ }, { path: 'cid' }]],
  fields: [
    { path: 'uid', meaning: 'account-id' },
    { path: 'cid', meaning: 'device-id' },
    { path: 'uip', meaning: 'ip-address' },
    { path: 'dl', meaning: 'page-url' },
    { path: 'dr', meaning: 'referrer' },
    { path: 't', meaning: 'event' },
    { path: 'ea', meaning: 'event' },
  ],
};
