import type { HostCatalogEntry } from './catalog-types';
import { CHINA_HOSTS } from './host-catalog-china';
import { GLOBAL_HOSTS } from './host-catalog-global';

/**
 * Where each host fact comes from: the vendor's own documentation of the
 * hosts its tags use where there is one, else a public domain list.
 */
const SOURCE = {
  googleTagCsp: 'https://developers.google.com/tag-platform/security/guides/csp',
  googleAds: 'https://business.safety.google/adscookies/',
  metaPixel: 'https://developers.facebook.com/docs/meta-pixel/get-started',
  metaCookies: 'https://www.facebook.com/privacy/policies/cookies/',
  baiduTongji: 'https://www.flowconsent.com/en/services/analytics/baidu-analytics',
  baiduPrivacy: 'https://www.baidu.com/duty/yinsiquan.html',
  umengDomains: 'https://github.com/v2fly/domain-list-community/blob/master/data/umeng-ads',
  cnzzScript: 'https://blog.csdn.net/XCY11261/article/details/103407142',
  tencentAds: 'https://developers.e.qq.com/docs/user_actions/apply/click_data',
  tencentAdx: 'https://wiki.adx.qq.com/%e5%b9%b3%e5%8f%b0%e7%ae%80%e4%bb%8b/cookiemapping/',
  tencentCookies: 'https://privacy.qq.com/cookie-en.htm',
  oceanEngine: 'https://www.oceanengine.com/',
  dataRangersHosts: 'https://libraries.io/packagist/datarangers%2Fdatarangers',
  bytedanceDomains: 'https://github.com/v2fly/domain-list-community/blob/master/data/bytedance',
  tiktokPixel: 'https://ads.tiktok.com/help/article/using-cookies-with-tiktok-pixel',
  tiktokCookiePolicy: 'https://www.tiktok.com/legal/page/global/cookie-policy/en',
  alibabaDomains: 'https://github.com/v2fly/domain-list-community/blob/master/data/alibaba',
  sensorsData: 'https://github.com/sensorsdata/sa-sdk-javascript',
  growingIo: 'https://github.com/growingio/growingio-sdk-docs',
  mixpanel: 'https://docs.mixpanel.com/docs/tracking-methods/sdks/javascript',
  amplitude: 'https://amplitude.com/docs/sdks/analytics/browser/browser-sdk-2',
  posthog: 'https://posthog.com/docs/libraries/js/persistence',
  hotjar: 'https://help.hotjar.com/hc/en-us/articles/115011789248-Hotjar-Cookie-Information',
  clarity: 'https://learn.microsoft.com/en-us/clarity/setup-and-installation/cookie-list',
  microsoftUet: 'https://learn.microsoft.com/en-us/advertising/guides/universal-event-tracking',
  linkedin: 'https://www.linkedin.com/legal/l/cookie-table',
  yandex: 'https://yandex.com/support/metrica/general/cookie-usage.html',
  cloudflareWebAnalytics: 'https://developers.cloudflare.com/web-analytics/',
  alipay: 'https://opendocs.alipay.com/',
  tenpay: 'https://www.tenpay.com/',
  wechatPay: 'https://pay.weixin.qq.com/',
  unionPay: 'https://open.unionpay.com/',
  stripe: 'https://docs.stripe.com/security/guide',
  paypal: 'https://developer.paypal.com/docs/',
  jiguang: 'https://docs.jiguang.cn/',
  getui: 'https://docs.getui.com/',
} as const;

const TRACKER_HOSTS: readonly HostCatalogEntry[] = [
  {
    domain: 'google-analytics.com',
    vendor: 'Google Analytics',
    purpose: 'statistics',
    source: SOURCE.googleTagCsp,
  },
  {
    domain: 'analytics.google.com',
    vendor: 'Google Analytics',
    purpose: 'statistics',
    source: SOURCE.googleTagCsp,
  },
  {
    domain: 'googletagmanager.com',
    vendor: 'Google Tag Manager',
    purpose: 'statistics',
    source: SOURCE.googleTagCsp,
  },
  { domain: 'doubleclick.net', vendor: 'Google', purpose: 'advertising', source: SOURCE.googleTagCsp },
  { domain: 'googleadservices.com', vendor: 'Google', purpose: 'advertising', source: SOURCE.googleTagCsp },
  { domain: 'googlesyndication.com', vendor: 'Google', purpose: 'advertising', source: SOURCE.googleAds },
  { domain: 'adservice.google.com', vendor: 'Google', purpose: 'advertising', source: SOURCE.googleTagCsp },

  { domain: 'facebook.com', vendor: 'Meta', purpose: 'social', source: SOURCE.metaCookies },
  { domain: 'facebook.net', vendor: 'Meta', purpose: 'advertising', source: SOURCE.metaPixel },
  { domain: 'connect.facebook.net', vendor: 'Meta', purpose: 'advertising', source: SOURCE.metaPixel },

  // baidu.com also serves search, maps and other services, so only the
  // statistics host gets a purpose; the rest is attributed but not guessed.
  { domain: 'hm.baidu.com', vendor: 'Baidu Tongji', purpose: 'statistics', source: SOURCE.baiduTongji },
  { domain: 'baidu.com', vendor: 'Baidu', purpose: 'unknown', source: SOURCE.baiduPrivacy },

  { domain: 'cnzz.com', vendor: 'Umeng (CNZZ)', purpose: 'statistics', source: SOURCE.cnzzScript },
  { domain: 'umeng.com', vendor: 'Umeng (CNZZ)', purpose: 'statistics', source: SOURCE.umengDomains },
  { domain: 'umengcloud.com', vendor: 'Umeng (CNZZ)', purpose: 'statistics', source: SOURCE.umengDomains },

  { domain: 'gdt.qq.com', vendor: 'Tencent Ads', purpose: 'advertising', source: SOURCE.tencentAds },
  { domain: 'qzs.qq.com', vendor: 'Tencent Ads', purpose: 'advertising', source: SOURCE.tencentAds },
  { domain: 'e.qq.com', vendor: 'Tencent Ads', purpose: 'advertising', source: SOURCE.tencentAds },
  { domain: 'l.qq.com', vendor: 'Tencent Ads', purpose: 'advertising', source: SOURCE.tencentAdx },
  { domain: 'ta.qq.com', vendor: 'Tencent Analytics', purpose: 'statistics', source: SOURCE.tencentCookies },
  {
    domain: 'tajs.qq.com',
    vendor: 'Tencent Analytics',
    purpose: 'statistics',
    source: SOURCE.tencentCookies,
  },
  {
    domain: 'pingjs.qq.com',
    vendor: 'Tencent Analytics',
    purpose: 'statistics',
    source: SOURCE.tencentCookies,
  },

  {
    domain: 'oceanengine.com',
    vendor: 'Ocean Engine (ByteDance)',
    purpose: 'advertising',
    source: SOURCE.oceanEngine,
  },
  {
    domain: 'analytics.oceanengine.com',
    vendor: 'Ocean Engine (ByteDance)',
    purpose: 'advertising',
    source: SOURCE.oceanEngine,
  },
  {
    domain: 'ctobsnssdk.com',
    vendor: 'DataRangers (ByteDance)',
    purpose: 'statistics',
    source: SOURCE.dataRangersHosts,
  },
  {
    domain: 'tobsnssdk.com',
    vendor: 'DataRangers (ByteDance)',
    purpose: 'statistics',
    source: SOURCE.dataRangersHosts,
  },
  { domain: 'snssdk.com', vendor: 'ByteDance', purpose: 'unknown', source: SOURCE.bytedanceDomains },
  { domain: 'douyin.com', vendor: 'ByteDance', purpose: 'social', source: SOURCE.bytedanceDomains },
  {
    domain: 'tiktok.com',
    vendor: 'TikTok (ByteDance)',
    purpose: 'social',
    source: SOURCE.tiktokCookiePolicy,
  },
  {
    domain: 'analytics.tiktok.com',
    vendor: 'TikTok (ByteDance)',
    purpose: 'advertising',
    source: SOURCE.tiktokPixel,
  },

  // alicdn.com is Alibaba's general CDN (it also serves icon fonts and
  // libraries), so it is attributed without a purpose; mmstat.com is aplus.
  { domain: 'mmstat.com', vendor: 'Alibaba', purpose: 'statistics', source: SOURCE.alibabaDomains },
  { domain: 'alicdn.com', vendor: 'Alibaba', purpose: 'unknown', source: SOURCE.alibabaDomains },

  { domain: 'sensorsdata.cn', vendor: 'Sensors Data', purpose: 'statistics', source: SOURCE.sensorsData },
  { domain: 'growingio.com', vendor: 'GrowingIO', purpose: 'statistics', source: SOURCE.growingIo },
  { domain: 'giocdn.com', vendor: 'GrowingIO', purpose: 'statistics', source: SOURCE.growingIo },
  { domain: 'mixpanel.com', vendor: 'Mixpanel', purpose: 'statistics', source: SOURCE.mixpanel },
  { domain: 'mxpnl.com', vendor: 'Mixpanel', purpose: 'statistics', source: SOURCE.mixpanel },
  { domain: 'amplitude.com', vendor: 'Amplitude', purpose: 'statistics', source: SOURCE.amplitude },
  { domain: 'posthog.com', vendor: 'PostHog', purpose: 'statistics', source: SOURCE.posthog },
  { domain: 'hotjar.com', vendor: 'Hotjar', purpose: 'session-replay', source: SOURCE.hotjar },
  { domain: 'hotjar.io', vendor: 'Hotjar', purpose: 'session-replay', source: SOURCE.hotjar },
  { domain: 'clarity.ms', vendor: 'Microsoft Clarity', purpose: 'session-replay', source: SOURCE.clarity },

  // bing.com is first of all a search engine; only the UET tag host is ads.
  { domain: 'bing.com', vendor: 'Microsoft (Bing)', purpose: 'unknown', source: SOURCE.microsoftUet },
  {
    domain: 'bat.bing.com',
    vendor: 'Microsoft Advertising (Bing)',
    purpose: 'advertising',
    source: SOURCE.microsoftUet,
  },

  { domain: 'linkedin.com', vendor: 'LinkedIn', purpose: 'social', source: SOURCE.linkedin },
  { domain: 'ads.linkedin.com', vendor: 'LinkedIn', purpose: 'advertising', source: SOURCE.linkedin },
  { domain: 'licdn.com', vendor: 'LinkedIn', purpose: 'social', source: SOURCE.linkedin },
  { domain: 'snap.licdn.com', vendor: 'LinkedIn', purpose: 'advertising', source: SOURCE.linkedin },

  { domain: 'yandex.ru', vendor: 'Yandex', purpose: 'unknown', source: SOURCE.yandex },
  { domain: 'yandex.com', vendor: 'Yandex', purpose: 'unknown', source: SOURCE.yandex },
  { domain: 'mc.yandex.ru', vendor: 'Yandex Metrica', purpose: 'statistics', source: SOURCE.yandex },
  { domain: 'mc.yandex.com', vendor: 'Yandex Metrica', purpose: 'statistics', source: SOURCE.yandex },

  {
    domain: 'cloudflareinsights.com',
    vendor: 'Cloudflare Web Analytics',
    purpose: 'statistics',
    source: SOURCE.cloudflareWebAnalytics,
  },
];

/*
 * Recipients the privacy policy allows (§4): payment institutions and
 * push-notification providers acting for Jeejio. They are marked essential
 * because they carry out a service the user asked for; `recipient` lets the
 * rules tell them apart from first-party essentials.
 */
const ALLOWED_RECIPIENT_HOSTS: readonly HostCatalogEntry[] = [
  {
    domain: 'alipay.com',
    vendor: 'Alipay',
    purpose: 'essential',
    recipient: 'payment',
    source: SOURCE.alipay,
  },
  {
    domain: 'tenpay.com',
    vendor: 'Tenpay',
    purpose: 'essential',
    recipient: 'payment',
    source: SOURCE.tenpay,
  },
  {
    domain: 'pay.weixin.qq.com',
    vendor: 'WeChat Pay',
    purpose: 'essential',
    recipient: 'payment',
    source: SOURCE.wechatPay,
  },
  {
    domain: 'unionpay.com',
    vendor: 'UnionPay',
    purpose: 'essential',
    recipient: 'payment',
    source: SOURCE.unionPay,
  },
  {
    domain: 'stripe.com',
    vendor: 'Stripe',
    purpose: 'essential',
    recipient: 'payment',
    source: SOURCE.stripe,
  },
  {
    domain: 'stripe.network',
    vendor: 'Stripe',
    purpose: 'essential',
    recipient: 'payment',
    source: SOURCE.stripe,
  },
  {
    domain: 'paypal.com',
    vendor: 'PayPal',
    purpose: 'essential',
    recipient: 'payment',
    source: SOURCE.paypal,
  },
  {
    domain: 'jpush.cn',
    vendor: 'JPush (Jiguang)',
    purpose: 'essential',
    recipient: 'push-notification',
    source: SOURCE.jiguang,
  },
  {
    domain: 'jiguang.cn',
    vendor: 'JPush (Jiguang)',
    purpose: 'essential',
    recipient: 'push-notification',
    source: SOURCE.jiguang,
  },
  {
    domain: 'getui.com',
    vendor: 'Getui',
    purpose: 'essential',
    recipient: 'push-notification',
    source: SOURCE.getui,
  },
  {
    domain: 'igexin.com',
    vendor: 'Getui',
    purpose: 'essential',
    recipient: 'push-notification',
    source: SOURCE.getui,
  },
];

/**
 * Tracker and service hosts by registrable domain or host name. jeejio.com is
 * deliberately absent: it is the first party being inspected.
 */
export const HOST_CATALOG: readonly HostCatalogEntry[] = [
  ...TRACKER_HOSTS,
  ...GLOBAL_HOSTS,
  ...CHINA_HOSTS,
  ...ALLOWED_RECIPIENT_HOSTS,
];
