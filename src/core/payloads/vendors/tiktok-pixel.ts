import type { VendorTable } from '../vendor-table';

/**
 * ByteDance's TikTok pixel posts JSON to `/api/v2/pixel`; `ttq.identify`
 * sends `email`, `phone_number` and `external_id` under `context.user`,
 * SHA-256 hashed by the pixel unless the site hashed them already.
 */
export const TIKTOK_PIXEL: VendorTable = {
  vendor: 'TikTok Pixel',
  purpose: 'advertising',
  sources: [
    'https://ads.tiktok.com/help/article/advanced-matching-web',
    'https://business-api.tiktok.com/portal/docs?id=1739583652957185',
  ],
  endpoints: [{ host: 'tiktok.com', path: /^\/api\/v2\/pixel/ }],
  signatures: [[{ path: 'event' }, { path: 'context.pixel.code' }, { path: 'context.library.name' }]],
  fields: [
    { path: 'context.user.external_id', meaning: 'account-id' },
    { path: 'context.user.email', meaning: 'email-hash' },
    { path: 'context.user.phone_number', meaning: 'phone-hash' },
    { path: 'context.user.anonymous_id', meaning: 'device-id' },
    { path: 'context.page.url', meaning: 'page-url' },
    { path: 'context.page.referrer', meaning: 'referrer' },
    { path: 'event', meaning: 'event' },
  ],
};
