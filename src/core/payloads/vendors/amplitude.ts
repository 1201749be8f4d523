import type { VendorTable } from '../vendor-table';

/**
 * The Browser SDK posts `{ api_key, events: […] }` to `/2/httpapi`; the older
 * amplitude-js posts a form whose `e` holds the events as JSON text. Each
 * event carries `user_id` (set with `setUserId`) and `device_id`.
 */
export const AMPLITUDE: VendorTable = {
  vendor: 'Amplitude',
  purpose: 'statistics',
  sources: [
    'https://amplitude.com/docs/apis/analytics/http-v2',
    'https://github.com/amplitude/Amplitude-TypeScript',
  ],
  endpoints: [{ host: 'amplitude.com' }],
  signatures: [
    [{ path: 'device_id' }, { path: 'event_type' }, { path: 'library', value: /^amplitude-/ }],
    [{ path: 'device_id' }, { path: 'event_type' }, { path: 'library.name', value: /^amplitude-/ }],
  ],
  fields: [
    { path: 'user_id', meaning: 'account-id' },
    { path: 'device_id', meaning: 'device-id' },
    { path: 'event_type', meaning: 'event' },
    { path: 'ip', meaning: 'ip-address' },
    { path: 'event_properties.[Amplitude] Page URL', meaning: 'page-url' },
  ],
};
