import { describe, expect, it } from 'vitest';
import { classifyCookie } from './classify-cookie';
import { classifyHost } from './classify-host';
import { classifyRequest } from './classify-request';
import { classifyStorageKey, type StorageArea } from './classify-storage-key';
import type { Purpose } from './purpose';

/*
 * The Chinese analytics and ad vendors a Jeejio page is likely to carry, as
 * their SDKs name things: what a reader sees for each cookie, storage key,
 * host and collector request.
 */
const PAGE = 'https://www.jeejio.com/';
const GIO_PROJECT = '91eaf9b283361032';

describe('cookies of Chinese analytics SDKs', () => {
  it.each<[name: string, vendor: string, purpose: Purpose]>([
    ['sensorsdata2015jssdkcross', 'Sensors Data', 'statistics'],
    ['sajssdk_2015_root_new_user', 'Sensors Data', 'statistics'],
    ['sajssdk_2015_cross_new_user', 'Sensors Data', 'statistics'],
    ['gr_user_id', 'GrowingIO', 'statistics'],
    ['gdp_user_id', 'GrowingIO', 'statistics'],
    [`${GIO_PROJECT}_gdp_session_id`, 'GrowingIO', 'statistics'],
    [`${GIO_PROJECT}_gdp_session_id_sent`, 'GrowingIO', 'statistics'],
    [`${GIO_PROJECT}_gdp_user_key`, 'GrowingIO', 'statistics'],
    [`${GIO_PROJECT}_gdp_original_source`, 'GrowingIO', 'statistics'],
    ['_zg', 'Zhuge.io', 'statistics'],
    ['__51vcke__JkIGvjjs25ETn0wz', '51.la', 'statistics'],
    ['__51vuft__JkIGvjjs25ETn0wz', '51.la', 'statistics'],
    ['__51uvsct__JkIGvjjs25ETn0wz', '51.la', 'statistics'],
    ['__vtins__JkIGvjjs25ETn0wz', '51.la', 'statistics'],
    ['__tins__19210252', '51.la', 'statistics'],
    ['__51laig__', '51.la', 'statistics'],
    ['pgv_pvid', 'Tencent', 'statistics'],
    ['cna', 'Alibaba', 'statistics'],
    ['CNZZDATA1279807957', 'Umeng (CNZZ)', 'statistics'],
    ['UM_distinctid', 'Umeng (CNZZ)', 'statistics'],
    ['tt_webid', 'ByteDance', 'advertising'],
  ])('%s is %s (%s), by its name', (name, vendor, purpose) => {
    const result = classifyCookie({ name, domain: '.jeejio.com' });
    expect(result).toMatchObject({ vendor, purpose, matchedBy: 'name' });
    expect(result.reason).toContain(`"${name}"`);
    expect(result.source).toMatch(/^https:\/\//);
  });

  it('keeps the most specific Sensors Data prefix (cross-subdomain flag over the root-domain one)', () => {
    expect(classifyCookie({ name: 'sajssdk_2015_cross_new_user', domain: '.jeejio.com' }).reason).toContain(
      '"sajssdk_2015_cross_"',
    );
  });

  it('does not take a GrowingIO-like name with a short or missing project id for GrowingIO', () => {
    for (const name of ['abc_gdp_session_id', '_gdp_session_id', `${GIO_PROJECT}_gdp_anything`]) {
      expect(classifyCookie({ name, domain: 'www.jeejio.com' }).vendor).not.toBe('GrowingIO');
    }
  });

  it('leaves Alibaba isg without a guessed purpose', () => {
    expect(classifyCookie({ name: 'isg', domain: '.jeejio.com' })).toMatchObject({
      vendor: 'Alibaba',
      purpose: 'unknown',
    });
  });
});

describe('storage keys of Chinese analytics SDKs', () => {
  it.each<[key: string, area: StorageArea, vendor: string]>([
    ['AEGIS_ID', 'localStorage', 'Tencent Aegis'],
    ['aegis-web-retry-report-requests', 'localStorage', 'Tencent Aegis'],
    ['__MONITOR_SESSION_V1__', 'sessionStorage', 'Tencent Aegis'],
    ['tab-sawebjssdk-1700000000000', 'localStorage', 'Sensors Data'],
    ['sensorsdata_2015_jssdk_profile', 'localStorage', 'Sensors Data'],
    [`${GIO_PROJECT}_gdp_sequence_ids`, 'localStorage', 'GrowingIO'],
  ])('%s in %s is %s statistics', (key, area, vendor) => {
    const result = classifyStorageKey({ key, area, origin: 'https://www.jeejio.com' });
    expect(result).toMatchObject({ vendor, purpose: 'statistics', matchedBy: 'name' });
  });
});

describe('hosts of Chinese analytics SDKs', () => {
  it.each<[host: string, vendor: string]>([
    ['u.zhugeapi.com', 'Zhuge.io'],
    ['apipool.37degree.com', 'Zhuge.io'],
    ['zgsdk.zhugeio.com', 'Zhuge.io'],
    ['tamaegis.com', 'Tencent Aegis'],
    ['aegis.qq.com', 'Tencent Aegis'],
    ['collect-v6.51.la', '51.la'],
  ])('%s is %s statistics', (host, vendor) => {
    expect(classifyHost(host)).toMatchObject({ vendor, purpose: 'statistics' });
  });
});

describe('collectors the site hosts itself', () => {
  it.each<[url: string, vendor: string, path: string]>([
    ['https://sa.jeejio.com/sa?project=production', 'Sensors Data', '"/sa" with "project=" in the query'],
    ['https://sa.jeejio.com/sa.gif?project=default&data=eyJ9', 'Sensors Data', '"/sa"'],
    [
      `https://gio.jeejio.com/v3/projects/${GIO_PROJECT}/collect?stm=1700000000000&compress=0`,
      'GrowingIO',
      '"/v3/projects/" with "stm=" in the query',
    ],
    [
      'https://tongji.jeejio.com/web_event/web.gif?method=web_event_srv.upload&event=%7B%7D',
      'Zhuge.io',
      '"/web_event/" with "method=web_event_srv.upload" in the query',
    ],
    [
      'https://rum.jeejio.com/collect?id=abc&uin=&version=1.41.14&aid=0f1e2d&env=production',
      'Tencent Aegis',
      '"/collect" with "aid=" and "uin=" in the query',
    ],
  ])('%s is a first-party %s collector, and the reason says so', (url, vendor, path) => {
    const result = classifyRequest({ url, pageUrl: PAGE });
    expect(result).toMatchObject({ vendor, purpose: 'statistics', matchedBy: 'url', party: 'first-party' });
    const host = new URL(url).hostname;
    expect(result.reason).toContain(
      `${vendor} collector on "${host}", a host of the page's own site jeejio.com`,
    );
    expect(result.reason).toContain(`its SDK's path ${path}`);
    expect(result.reason).toContain(
      "sends its data to the site's own server, for the SDK's purpose, statistics",
    );
  });

  it.each([
    'https://www.jeejio.com/collect?form=contact',
    'https://www.jeejio.com/collect?aid=1',
    `https://www.jeejio.com/v3/projects/${GIO_PROJECT}`,
    'https://www.jeejio.com/web_event/list',
    'https://www.jeejio.com/speed/test',
  ])("leaves the site's own endpoint %s unclassified when the SDK's parameters are missing", (url) => {
    expect(classifyRequest({ url, pageUrl: PAGE })).toMatchObject({ vendor: null, matchedBy: 'none' });
  });

  it('calls a collector on a vendor-run or other host third-party, without the own-site wording', () => {
    const result = classifyRequest({ url: 'https://track.example-saas.cn/sa?project=p', pageUrl: PAGE });
    expect(result).toMatchObject({ vendor: 'Sensors Data', purpose: 'statistics', party: 'third-party' });
    expect(result.reason).not.toContain('own site');
    expect(result.reason).toContain('(on any host)');
  });

  it("keeps a tracker host's own entry for the vendor's hosted collector", () => {
    const result = classifyRequest({ url: 'https://aegis.qq.com/collect?aid=1&uin=2', pageUrl: PAGE });
    expect(result).toMatchObject({ vendor: 'Tencent Aegis', matchedBy: 'host', party: 'third-party' });
  });
});
