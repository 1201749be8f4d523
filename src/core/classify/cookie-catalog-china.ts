import { cookieGroup } from './catalog-helpers';
import type { CookieCatalogEntry } from './catalog-types';

/*
 * Cookies of Chinese vendors beyond the core set in cookie-catalog.ts.
 *
 * Chinese vendors rarely publish a per-cookie table. The source is then the
 * vendor's privacy or cookie policy (which says that such cookies exist and
 * what for) or the vendor's developer documentation; descriptions stay at
 * what the name and those documents support, and purposes that cannot be
 * told from outside stay 'unknown' rather than guessed.
 */
const SOURCE = {
  baiduPrivacy: 'https://www.baidu.com/duty/yinsiquan.html',
  tencentCookies: 'https://privacy.qq.com/cookie-en.htm',
  tiktokCookieList: 'https://cookiesentry.com/cookies/providers/tiktok',
  alibabaCookies:
    'https://terms.alicdn.com/legal-agreement/terms/privacy_other/20250910182340997/20250910182340997.html',
  alibabaCloudWaf: 'https://www.alibabacloud.com/help/en/waf/',
  alibabaCloudSlb: 'https://www.alibabacloud.com/help/en/slb/',
  jdPrivacy: 'https://in.m.jd.com/help/app/private_policy.html',
  weiboPrivacy: 'https://weibo.com/signup/v5/privacy',
  bilibiliPrivacy: 'https://www.bilibili.com/blackboard/privacy-pc.html',
  growingIoWebSdk: 'https://github.com/growingio/growingio-sdk-webjs-autotracker',
  sensorsData: 'https://github.com/sensorsdata/sa-sdk-javascript',
  zhuge: 'https://github.com/zhugesdk/zhuge-js',
  la51: 'https://sdk.51.la/js-sdk-pro.min.js',
  cnzzScript: 'https://blog.csdn.net/XCY11261/article/details/103407142',
  jiasule: 'https://www.yunaq.com/jsl/',
  huaweiWaf: 'https://support.huaweicloud.com/intl/en-us/waf/',
} as const;

const BAIDU_MORE: readonly CookieCatalogEntry[] = cookieGroup(
  { vendor: 'Baidu', purpose: 'unknown', source: SOURCE.baiduPrivacy },
  [
    { name: 'BDUSS', purpose: 'social', description: 'Baidu account login cookie (Baidu passport).' },
    {
      name: 'BDUSS_BFESS',
      purpose: 'social',
      description: 'SameSite=None copy of BDUSS, the Baidu login cookie.',
    },
    { name: 'H_PS_PSSID', description: 'Baidu search session and experiment buckets.' },
    { name: 'H_WISE_SIDS', description: 'Baidu mobile search experiment buckets.' },
    { name: 'BAIDU_WISE_UID', description: 'Baidu mobile visitor id.' },
    { name: 'BA_HECTOR', description: 'Baidu session cookie of its web front end.' },
    { name: 'ZFY', description: 'Baidu risk-control visitor cookie.' },
    { name: 'BDORZ', description: 'Baidu search front-end cookie.' },
    { name: 'BD_UPN', description: 'Baidu search front-end cookie.' },
    { name: 'BD_HOME', description: 'Baidu home-page state (signed-in or not).' },
    { name: 'BDSVRTM', description: 'Baidu search server response time.' },
    { name: 'PSINO', description: 'Baidu search front-end cookie.' },
    {
      name: 'delPer',
      purpose: 'preferences',
      description: 'Baidu setting of whether personalised results are off.',
    },
    {
      name: 'CPROID',
      purpose: 'advertising',
      crossSite: true,
      description: 'Baidu Union (cpro.baidu.com) id for targeting ads on partner sites.',
    },
  ],
);

const TENCENT_MORE: readonly CookieCatalogEntry[] = cookieGroup(
  { vendor: 'Tencent', purpose: 'social', source: SOURCE.tencentCookies },
  [
    {
      name: 'pac_uid',
      purpose: 'statistics',
      description: 'Tencent visitor id shared by qq.com services for statistics.',
    },
    {
      name: 'tvfe_boss_uuid',
      purpose: 'statistics',
      description: 'Tencent Video visitor id for statistics.',
    },
    { name: 'ptcz', description: 'QQ login (ptlogin) cookie.' },
    { name: 'p_uin', description: 'QQ number of the signed-in account (ptlogin).' },
    { name: 'p_skey', description: 'QQ login key for a Tencent service (ptlogin).' },
    { name: 'pt4_token', description: 'QQ login token (ptlogin).' },
    { name: 'pt2gguin', description: 'QQ number of the signed-in account (legacy ptlogin).' },
    { name: 'ptui_loginuin', description: 'QQ number last used on the QQ login form.' },
    {
      prefix: '_qimei_',
      purpose: 'fingerprinting',
      description: 'Tencent QIMEI device id of its Beacon SDK (_qimei_uuid42, _qimei_fingerprint…).',
    },
  ],
);

const BYTEDANCE_MORE: readonly CookieCatalogEntry[] = cookieGroup(
  { vendor: 'ByteDance', purpose: 'social', source: SOURCE.tiktokCookieList },
  [
    {
      name: 'msToken',
      purpose: 'essential',
      role: 'security',
      description: 'ByteDance anti-abuse token attached to API requests.',
    },
    {
      name: '__ac_nonce',
      purpose: 'essential',
      role: 'security',
      description: 'ByteDance anti-crawler challenge nonce.',
    },
    {
      name: '__ac_signature',
      purpose: 'essential',
      role: 'security',
      description: 'ByteDance anti-crawler challenge answer.',
    },
    { name: 'sid_tt', description: 'ByteDance passport (Douyin, Toutiao, TikTok) login session.' },
    { name: 'sessionid_ss', description: 'ByteDance passport login session, SameSite variant.' },
    { name: 'sid_guard', description: 'ByteDance passport session guard (expiry of the login).' },
    { name: 'uid_tt', description: 'ByteDance passport user id, hashed.' },
    { name: 'odin_tt', purpose: 'unknown', description: 'ByteDance passport user id cookie.' },
    { name: 'n_mh', description: 'ByteDance passport login cookie.' },
  ],
);

const ALIBABA_MORE: readonly CookieCatalogEntry[] = [
  ...cookieGroup({ vendor: 'Alibaba', purpose: 'preferences', source: SOURCE.alibabaCookies }, [
    { name: 'thw', description: 'Taobao region of the visitor, for localised pages.' },
    { name: 'hng', description: 'Alibaba region, language and currency of the visitor.' },
    {
      name: 'x5sec',
      purpose: 'essential',
      role: 'security',
      description: 'Alibaba anti-bot token set after a slider or other challenge is passed.',
    },
  ]),
  ...cookieGroup(
    { vendor: 'Alibaba Cloud WAF', purpose: 'essential', role: 'security', source: SOURCE.alibabaCloudWaf },
    [
      { name: 'acw_sc__v2', description: 'Alibaba Cloud WAF answer to its JavaScript bot challenge.' },
      { name: 'acw_sc__v3', description: 'Alibaba Cloud WAF answer to its slider bot challenge.' },
      { name: 'ssxmod_itna', description: 'Alibaba Cloud bot-management cookie.' },
      { name: 'ssxmod_itna2', description: 'Alibaba Cloud bot-management cookie.' },
    ],
  ),
  ...cookieGroup(
    { vendor: 'Alibaba Cloud', purpose: 'essential', role: 'load-balancing', source: SOURCE.alibabaCloudSlb },
    [{ name: 'aliyungf_tc', description: 'Alibaba Cloud front-end cookie that pins a visitor to a server.' }],
  ),
];

const JD_COOKIES: readonly CookieCatalogEntry[] = cookieGroup(
  { vendor: 'JD.com', purpose: 'statistics', source: SOURCE.jdPrivacy },
  [
    { name: '__jda', description: 'JD analytics visitor id with first, previous and current visit times.' },
    { name: '__jdb', description: 'JD analytics session cookie.' },
    { name: '__jdc', description: 'JD analytics session marker.' },
    { name: '__jdv', description: 'JD analytics record of the traffic source.' },
    { name: '__jdu', description: 'JD analytics visitor id.' },
    { name: 'shshshfpa', purpose: 'fingerprinting', description: 'JD device fingerprint id.' },
    { name: 'shshshfpb', purpose: 'fingerprinting', description: 'JD device fingerprint id.' },
    { name: 'shshshfp', purpose: 'fingerprinting', description: 'JD device fingerprint hash.' },
    {
      name: '3AB9D23F7A4B3C9B',
      purpose: 'fingerprinting',
      description: 'JD risk-control device fingerprint.',
    },
  ],
);

const WEIBO_COOKIES: readonly CookieCatalogEntry[] = cookieGroup(
  { vendor: 'Weibo (Sina)', purpose: 'statistics', source: SOURCE.weiboPrivacy },
  [
    { name: 'SINAGLOBAL', description: 'Sina visitor id shared by Sina and Weibo sites.' },
    { name: 'ULV', description: 'Sina statistics: visit counts and times.' },
    { name: 'UOR', description: 'Sina statistics: referring site.' },
    { name: '_s_tentry', description: 'Sina statistics: entry page of the visit.' },
    { name: 'SUBP', purpose: 'social', description: 'Weibo login cookie.' },
    { name: 'SUB', purpose: 'social', description: 'Weibo login cookie.' },
  ],
);

const BILIBILI_COOKIES: readonly CookieCatalogEntry[] = cookieGroup(
  { vendor: 'Bilibili', purpose: 'statistics', source: SOURCE.bilibiliPrivacy },
  [
    { name: 'buvid3', description: 'Bilibili browser visitor id.' },
    { name: 'buvid4', description: 'Bilibili browser visitor id (newer).' },
    { name: 'buvid_fp', purpose: 'fingerprinting', description: 'Bilibili browser fingerprint hash.' },
    { name: 'b_nut', description: 'Bilibili time of the first visit.' },
    { name: 'b_lsid', description: 'Bilibili page-session id.' },
    { name: 'SESSDATA', purpose: 'social', description: 'Bilibili login session.' },
    { name: 'bili_jct', purpose: 'social', description: 'Bilibili CSRF token of a signed-in account.' },
    { name: 'DedeUserID', purpose: 'social', description: 'Bilibili user id of the signed-in account.' },
    { name: 'DedeUserID__ckMd5', purpose: 'social', description: 'Checksum of DedeUserID.' },
  ],
);

/*
 * GrowingIO's 3.x/4.x web SDK keeps its ids under `<projectId>_gdp_…`
 * (STORAGE_KEYS in its src/constants/config.ts), in cookies or local storage;
 * names ending in _gioenc are stored without that suffix.
 */
const GROWINGIO_WEB_SDK: readonly CookieCatalogEntry[] = cookieGroup(
  { vendor: 'GrowingIO', purpose: 'statistics', source: SOURCE.growingIoWebSdk },
  [
    { name: 'gdp_user_id', description: 'GrowingIO (3.x/4.x web SDK) anonymous visitor id.' },
    {
      pattern:
        '^[0-9a-z]{16}_gdp_(session_id(_sent)?|sequence_ids|cs1|gio_id|user_key|original_source|query_string|abt_sid)$',
      description:
        'GrowingIO (3.x/4.x web SDK) session, event sequence, login user and traffic-source state, per project (the prefix).',
    },
  ],
);

/** Sensors Data's web SDK (sensorsdata.min.js) beyond the core names in cookie-catalog.ts. */
const SENSORS_DATA_MORE: readonly CookieCatalogEntry[] = cookieGroup(
  { vendor: 'Sensors Data', purpose: 'statistics', source: SOURCE.sensorsData },
  [
    {
      prefix: 'sajssdk_2015_',
      description:
        'Sensors Analytics flags kept per root domain or host, such as whether this is a first-day visitor.',
    },
    {
      name: 'sensorsdata_2015_jssdk_profile',
      description: 'Sensors Analytics user-profile properties kept by setProfileLocal.',
    },
  ],
);

const ZHUGE_COOKIES: readonly CookieCatalogEntry[] = cookieGroup(
  { vendor: 'Zhuge.io', purpose: 'statistics', source: SOURCE.zhuge },
  [
    {
      name: '_zg',
      description:
        'Zhuge.io visitor id (uuid), session start and last-update times, shared across subdomains.',
    },
  ],
);

/*
 * 51.la web statistics (v6 SDK js-sdk-pro.min.js and the older la.js): its
 * cookies carry the site's 51.la id as a suffix. 51.la publishes no cookie
 * table; descriptions keep to what the names and values show.
 */
const LA51_COOKIES: readonly CookieCatalogEntry[] = cookieGroup(
  { vendor: '51.la', purpose: 'statistics', source: SOURCE.la51 },
  [
    { prefix: '__51vcke__', description: '51.la visitor id (a UUID), per 51.la site id.' },
    { prefix: '__51vuft__', description: '51.la time of the visitor’s first visit, per site id.' },
    { prefix: '__51uvsct__', description: '51.la count of the visitor’s visits, per site id.' },
    {
      prefix: '__vtins__',
      description: '51.la current visit: session id, page count and expiry, per site id.',
    },
    { prefix: '__51huid__', description: '51.la visitor id shared by the 51.la sites a browser visits.' },
    { prefix: '__tins__', description: '51.la (older script) current visit: session id and page count.' },
    { name: '__51laig__', description: '51.la (older script) count of pages seen by this visitor.' },
    { name: '__51cke__', description: '51.la (older script) marker cookie, usually empty.' },
  ],
);

const CHINESE_ANALYTICS_MORE: readonly CookieCatalogEntry[] = [
  ...GROWINGIO_WEB_SDK,
  ...SENSORS_DATA_MORE,
  ...ZHUGE_COOKIES,
  ...LA51_COOKIES,
  ...cookieGroup({ vendor: 'Umeng (CNZZ)', purpose: 'statistics', source: SOURCE.cnzzScript }, [
    { name: 'cnzz_eid', description: 'Legacy CNZZ statistics visitor id.' },
  ]),
];

const CHINESE_SECURITY: readonly CookieCatalogEntry[] = [
  ...cookieGroup(
    { vendor: 'Jiasule (Knownsec)', purpose: 'essential', role: 'security', source: SOURCE.jiasule },
    [
      { name: '__jsluid_s', description: 'Jiasule CDN/WAF visitor id over HTTPS, for attack protection.' },
      { name: '__jsluid_h', description: 'Jiasule CDN/WAF visitor id over HTTP, for attack protection.' },
      { name: '__jsl_clearance', description: 'Jiasule proof that the browser passed its bot challenge.' },
      {
        name: '__jsl_clearance_s',
        description: 'Jiasule proof that the browser passed its bot challenge (HTTPS).',
      },
    ],
  ),
  ...cookieGroup(
    { vendor: 'Huawei Cloud WAF', purpose: 'essential', role: 'security', source: SOURCE.huaweiWaf },
    [
      { name: 'HWWAFSESID', description: 'Huawei Cloud WAF session id.' },
      { name: 'HWWAFSESTIME', description: 'Huawei Cloud WAF session time.' },
    ],
  ),
];

/** Chinese vendors, beyond the core set. */
export const CHINA_COOKIE_CATALOG: readonly CookieCatalogEntry[] = [
  ...BAIDU_MORE,
  ...TENCENT_MORE,
  ...BYTEDANCE_MORE,
  ...ALIBABA_MORE,
  ...JD_COOKIES,
  ...WEIBO_COOKIES,
  ...BILIBILI_COOKIES,
  ...CHINESE_ANALYTICS_MORE,
  ...CHINESE_SECURITY,
];
