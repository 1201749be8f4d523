import type { VendorTable } from '../vendor-table';

/**
 * mixpanel-js sends `data=` holding an event or a batch (JSON, or base64 JSON
 * with `api_payload_format: 'base64'`). Before `identify`, `distinct_id` is
 * `$device:<device id>`; after it, the site's user id, also as `$user_id`.
 * Profile updates (`/engage`) carry `$set` with `$email`, `$phone`, `$name`.
 */
export const MIXPANEL: VendorTable = {
  vendor: 'Mixpanel',
  purpose: 'statistics',
  sources: [
    'https://github.com/mixpanel/mixpanel-js',
    'https://docs.mixpanel.com/docs/tracking-methods/id-management/identifying-users-simplified',
    'https://developer.mixpanel.com/reference/profile-set',
  ],
  endpoints: [{ host: 'mixpanel.com', path: /^\/(?:track|engage|import|groups)/ }],
  signatures: [
    [{ path: 'event' }, { path: 'properties.token' }, { path: 'properties.mp_lib' }],
    [{ path: '$token' }, { path: '$distinct_id' }, { path: '$set' }],
  ],
  anonymous: /^\$device:/,
  fields: [
    { path: 'properties.distinct_id', meaning: 'account-id' },
    { path: 'properties.$user_id', meaning: 'account-id' },
    { path: 'properties.$device_id', meaning: 'device-id' },
    { path: 'properties.$current_url', meaning: 'page-url' },
    { path: 'properties.$referrer', meaning: 'referrer' },
    { path: 'event', meaning: 'event' },
    { path: '$distinct_id', meaning: 'account-id' },
    { path: '$device_id', meaning: 'device-id' },
    { path: '$set.$email', meaning: 'email' },
    { path: '$set.$phone', meaning: 'phone' },
    { path: '$set.$name', meaning: 'name' },
    { path: '$set.$first_name', meaning: 'name' },
    { path: '$set.$last_name', meaning: 'name' },
  ],
};
