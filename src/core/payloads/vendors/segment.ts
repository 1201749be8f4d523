import type { VendorTable } from '../vendor-table';

/**
 * analytics.js posts one call (`/v1/t`, `/v1/p`, `/v1/i`) or `{ batch: […] }`.
 * `userId` is the site's user id, `anonymousId` the browser's; `identify`
 * sends the reserved traits (`email`, `phone`, `name`…) under `traits`, and
 * other calls may repeat them under `context.traits`.
 */
export const SEGMENT: VendorTable = {
  vendor: 'Segment',
  purpose: 'statistics',
  sources: [
    'https://segment.com/docs/connections/spec/common/',
    'https://segment.com/docs/connections/spec/identify/#traits',
  ],
  endpoints: [{ host: 'segment.io', path: /^\/v1\// }],
  signatures: [
    [{ path: 'messageId' }, { path: 'anonymousId' }, { path: 'context.library.name', value: /analytics/ }],
  ],
  fields: [
    { path: 'userId', meaning: 'account-id' },
    { path: 'anonymousId', meaning: 'device-id' },
    { path: 'traits.email', meaning: 'email' },
    { path: 'traits.phone', meaning: 'phone' },
    { path: 'traits.name', meaning: 'name' },
    { path: 'traits.firstName', meaning: 'name' },
    { path: 'traits.lastName', meaning: 'name' },
    { path: 'context.traits.email', meaning: 'email' },
    { path: 'context.traits.phone', meaning: 'phone' },
    { path: 'context.traits.name', meaning: 'name' },
    { path: 'context.ip', meaning: 'ip-address' },
    { path: 'context.page.url', meaning: 'page-url' },
    { path: 'context.page.referrer', meaning: 'referrer' },
    { path: 'event', meaning: 'event' },
  ],
};
