import type { VendorTable } from '../vendor-table';

/**
 * posthog-js sends an event or a batch as JSON (or as `data=` base64 JSON
 * when uncompressed). Before `identify`, `distinct_id` equals `$device_id`;
 * `identify` sends the user id as `distinct_id` with the old one as
 * `$anon_distinct_id`, and person properties under `$set`.
 */
export const POSTHOG: VendorTable = {
  vendor: 'PostHog',
  purpose: 'statistics',
  sources: ['https://posthog.com/docs/api/capture', 'https://github.com/PostHog/posthog-js'],
  endpoints: [{ host: 'posthog.com', path: /^\/(?:e|i\/v0\/e|batch|capture|engage|track)\b/ }],
  signatures: [
    [{ path: 'event' }, { path: 'properties.token' }, { path: 'properties.$lib', value: /^web$/ }],
  ],
  fields: [
    { path: 'distinct_id', meaning: 'account-id' },
    { path: 'properties.distinct_id', meaning: 'account-id' },
    { path: 'properties.$device_id', meaning: 'device-id' },
    { path: 'properties.$anon_distinct_id', meaning: 'device-id' },
    { path: '$set.email', meaning: 'email' },
    { path: '$set.name', meaning: 'name' },
    { path: 'properties.$set.email', meaning: 'email' },
    { path: 'properties.$set.name', meaning: 'name' },
    { path: 'properties.$current_url', meaning: 'page-url' },
    { path: 'properties.$referrer', meaning: 'referrer' },
    { path: 'event', meaning: 'event' },
  ],
};
