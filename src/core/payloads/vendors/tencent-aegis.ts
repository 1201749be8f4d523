import type { VendorTable } from '../vendor-table';

/**
 * aegis-web-sdk (Tencent Cloud RUM) puts its "bean" in every report's query:
 * `id` the project, `uin` the user id the site configures, `aid` the browser's
 * id, `from` the page, `referer`. `hostUrl` can point it at any host.
 */
export const TENCENT_AEGIS: VendorTable = {
  vendor: 'Tencent Cloud RUM (Aegis)',
  purpose: 'statistics',
  sources: ['https://www.npmjs.com/package/aegis-web-sdk', 'https://cloud.tencent.com/document/product/1464'],
  endpoints: [{ host: 'aegis.qq.com' }, { host: 'rumt-zh.com' }, { host: 'rumt-sg.com' }],
  signatures: [[{ path: 'id' }, { path: 'aid' }, { path: 'version' }, { path: 'sessionId' }]],
  fields: [
    { path: 'uin', meaning: 'account-id' },
    { path: 'aid', meaning: 'device-id' },
    { path: 'from', meaning: 'page-url' },
    { path: 'referer', meaning: 'referrer' },
  ],
};
