import type { VendorTable } from '../vendor-table';

/**
 * hm.js requests `hm.gif` with the site id `si`, the page `u`, the referrer
 * `su`; event tracking (`_trackEvent`) sends `ep` as `category*action*label`.
 */
export const BAIDU_TONGJI: VendorTable = {
  vendor: 'Baidu Tongji',
  purpose: 'statistics',
  sources: ['https://hm.baidu.com/hm.js', 'https://tongji.baidu.com/holmes/Analytics/'],
  endpoints: [{ host: 'hm.baidu.com', path: /^\/hm\.gif/ }],
  signatures: [[{ path: 'si', value: /^[0-9a-f]{32}$/ }, { path: 'rnd' }, { path: 'lt' }]],
  fields: [
    { path: 'u', meaning: 'page-url' },
    { path: 'su', meaning: 'referrer' },
  ],
};
