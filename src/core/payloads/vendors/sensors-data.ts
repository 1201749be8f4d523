import type { VendorTable } from '../vendor-table';

/**
 * sa-sdk-javascript sends `data=<base64 JSON>&ext=crc=…` (batches as
 * `data_list=`), usually to a collector on the site's own domain. Before
 * `login`, `distinct_id` equals `anonymous_id`; after it, `login_id` and
 * `distinct_id` hold the site's user id.
 */
export const SENSORS_DATA: VendorTable = {
  vendor: 'Sensors Data',
  purpose: 'statistics',
  sources: [
    'https://github.com/sensorsdata/sa-sdk-javascript',
    'https://manual.sensorsdata.cn/sa/latest/tech_sdk_client_web_high-7545346.html',
  ],
  endpoints: [
    { host: 'sensorsdata.cn', path: /^\/sa/ },
    { host: 'sensorsdata.com', path: /^\/sa/ },
  ],
  signatures: [[{ path: 'distinct_id' }, { path: 'lib.$lib' }, { path: 'type' }]],
  fields: [
    { path: 'login_id', meaning: 'account-id' },
    { path: 'distinct_id', meaning: 'account-id' },
    { path: 'identities.$identity_login_id', meaning: 'account-id' },
    { path: 'anonymous_id', meaning: 'device-id' },
    { path: 'identities.$identity_cookie_id', meaning: 'device-id' },
    { path: 'properties.$url', meaning: 'page-url' },
    { path: 'properties.$referrer', meaning: 'referrer' },
    { path: 'event', meaning: 'event' },
  ],
};
