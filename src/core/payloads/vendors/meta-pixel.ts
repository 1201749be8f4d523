import type { VendorTable } from '../vendor-table';

/**
 * fbevents.js hits to `/tr`. Advanced matching sends the visitor's details
 * as `ud[…]` (SHA-256 by the pixel, or in clear when a site passes them so)
 * and automatically detected ones as `udff[…]`; `fbp` is the `_fbp` browser id.
 */
export const META_PIXEL: VendorTable = {
  vendor: 'Meta Pixel',
  purpose: 'advertising',
  sources: [
    'https://developers.facebook.com/docs/meta-pixel/advanced/advanced-matching',
    'https://developers.facebook.com/docs/meta-pixel/reference',
  ],
  endpoints: [{ host: 'facebook.com', path: /^\/tr\/?$/ }],
  signatures: [
    [{ path: 'id', value: /^\d{10,20}$/ }, { path: 'ev' }, { path: 'fbp', value: /^fb\.\d\.\d+\.\d+/ }],
  ],
  fields: [
    { path: 'ud[em]', meaning: 'email-hash' },
    { path: 'ud[ph]', meaning: 'phone-hash' },
    { path: 'ud[fn]', meaning: 'name' },
    { path: 'ud[ln]', meaning: 'name' },
    { path: 'ud[external_id]', meaning: 'account-id' },
    { path: 'udff[em]', meaning: 'email-hash' },
    { path: 'udff[ph]', meaning: 'phone-hash' },
    { path: 'udff[fn]', meaning: 'name' },
    { path: 'udff[ln]', meaning: 'name' },
    { path: 'udff[external_id]', meaning: 'account-id' },
    { path: 'fbp', meaning: 'device-id' },
    { path: 'dl', meaning: 'page-url' },
    { path: 'rl', meaning: 'referrer' },
    { path: 'ev', meaning: 'event' },
  ],
};
