import type { VendorTable } from '../vendor-table';

/**
 * The GrowingIO Web SDK (3.x/4.x) posts arrays of events with `deviceId` and,
 * after `setUserId`, `userId`; the older gio.js sent short keys: `u` the
 * device, `cs1` the logged-in user, `p` the path, `rf` the referrer.
 */
export const GROWINGIO: VendorTable = {
  vendor: 'GrowingIO',
  purpose: 'statistics',
  sources: [
    'https://github.com/growingio/growingio-sdk-webjs-autotracker',
    'https://growingio.github.io/growingio-sdk-docs/docs/webjs/',
  ],
  endpoints: [{ host: 'growingio.com', path: /^\/v3\// }],
  signatures: [
    [{ path: 'deviceId' }, { path: 'eventType' }, { path: 'globalSequenceId' }],
    [
      { path: 'u' },
      { path: 's' },
      { path: 't', value: /^(?:vst|page|cstm|clck|imp|chng|sbmt)$/ },
      { path: 'tm' },
    ],
  ],
  fields: [
    { path: 'userId', meaning: 'account-id' },
    { path: 'deviceId', meaning: 'device-id' },
    { path: 'path', meaning: 'page-url' },
    { path: 'referralPage', meaning: 'referrer' },
    { path: 'eventName', meaning: 'event' },
    { path: 'cs1', meaning: 'account-id' },
    { path: 'u', meaning: 'device-id' },
    { path: 'p', meaning: 'page-url' },
    { path: 'rf', meaning: 'referrer' },
    { path: 'n', meaning: 'event' },
  ],
};
