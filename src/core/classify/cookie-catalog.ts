import type { CookieCatalogEntry } from './catalog-types';
import { CHINA_COOKIE_CATALOG } from './cookie-catalog-china';
import { GLOBAL_COOKIE_CATALOG } from './cookie-catalog-global';
import { GENERIC_CONVENTION_VENDOR } from './generic-convention';

// Its own module, so the interface can name it without loading the catalogue.
export { GENERIC_CONVENTION_VENDOR };

/**
 * A login or session name that sites compose themselves (session_token,
 * user_sid, auth_jwt). The weakest convention: a vendor's own name, even one
 * only the Open Cookie Database knows, beats it.
 */
export const COMPOUND_LOGIN_NAME_PATTERN =
  '^(?!.*[cx]srf)(?:[a-z0-9]+[_.-])*(?:session|sess|sessid|sessionid|sid|token|auth|jwt)(?:[_.-][a-z0-9]+)*$';

/**
 * Where each fact comes from. Vendor documentation where the vendor publishes
 * one; otherwise the best public reference found, which for several Chinese
 * vendors is a privacy policy or a published analysis of the vendor's script,
 * because those vendors publish no per-cookie table.
 */
const SOURCE = {
  ga4: 'https://support.google.com/analytics/answer/11397207',
  analyticsJs: 'https://developers.google.com/analytics/devguides/collection/analyticsjs/cookie-usage',
  gaJs: 'https://developers.google.com/analytics/devguides/collection/gajs/cookie-usage',
  googleAds: 'https://business.safety.google/adscookies/',
  googleCookies: 'https://policies.google.com/technologies/cookies',
  reCaptcha: 'https://developers.google.com/recaptcha/docs/faq',
  openCookieDatabase: 'https://github.com/jkwakman/Open-Cookie-Database',
  metaCookies: 'https://www.facebook.com/privacy/policies/cookies/',
  metaFbpFbc: 'https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc/',
  baiduTongji: 'https://www.flowconsent.com/en/services/analytics/baidu-analytics',
  baiduPrivacy: 'https://www.baidu.com/duty/yinsiquan.html',
  cnzzScript: 'https://blog.csdn.net/XCY11261/article/details/103407142',
  tencentCookies: 'https://privacy.qq.com/cookie-en.htm',
  tiktokPixel: 'https://ads.tiktok.com/help/article/using-cookies-with-tiktok-pixel',
  tiktokCookieList: 'https://cookiesentry.com/cookies/providers/tiktok',
  tiktokCookiePolicy: 'https://www.tiktok.com/legal/page/global/cookie-policy/en',
  dataRangers: 'https://volcengine.com/docs/6285/101647',
  alibabaCookies:
    'https://terms.alicdn.com/legal-agreement/terms/privacy_other/20250910182340997/20250910182340997.html',
  alibabaCloudWaf: 'https://www.alibabacloud.com/help/en/waf/',
  sensorsData: 'https://github.com/sensorsdata/sa-sdk-javascript',
  growingIo: 'https://github.com/growingio/growingio-sdk-docs',
  mixpanel: 'https://docs.mixpanel.com/docs/tracking-methods/sdks/javascript',
  amplitude: 'https://amplitude.com/docs/sdks/analytics/browser/browser-sdk-2',
  posthog: 'https://posthog.com/docs/libraries/js/persistence',
  hotjar: 'https://help.hotjar.com/hc/en-us/articles/115011789248-Hotjar-Cookie-Information',
  clarity: 'https://learn.microsoft.com/en-us/clarity/setup-and-installation/cookie-list',
  linkedin: 'https://www.linkedin.com/legal/l/cookie-table',
  yandex: 'https://yandex.com/support/metrica/general/cookie-usage.html',
  cloudflare:
    'https://developers.cloudflare.com/fundamentals/reference/policies-compliances/cloudflare-cookies/',
  cookiebot: 'https://www.cookiebot.com/en/cookie-declaration/',
  cookieYes: 'https://www.cookieyes.com/documentation/',
  iabTcf: 'https://github.com/InteractiveAdvertisingBureau/GDPR-Transparency-and-Consent-Framework',
  awsAlb: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/sticky-sessions.html',
  servlet: 'https://jakarta.ee/specifications/servlet/',
  php: 'https://www.php.net/manual/en/session.configuration.php',
  aspNet:
    'https://learn.microsoft.com/en-us/dotnet/api/system.web.configuration.sessionstatesection.cookiename',
  expressSession: 'https://github.com/expressjs/session',
  springSession: 'https://docs.spring.io/spring-session/reference/',
  django: 'https://docs.djangoproject.com/en/stable/ref/settings/',
  laravelSession: 'https://laravel.com/docs/session',
  laravelAuth: 'https://laravel.com/docs/authentication',
  owaspSession: 'https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html',
  owaspCsrf:
    'https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html',
  angularXsrf: 'https://angular.dev/best-practices/security',
  csurf: 'https://github.com/expressjs/csurf',
  mdnCookies: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/Cookies',
} as const;

const GOOGLE_ANALYTICS = 'Google Analytics';
const GOOGLE = 'Google';
const META = 'Meta';
const BAIDU_TONGJI = 'Baidu Tongji';
const BAIDU = 'Baidu';
const UMENG = 'Umeng (CNZZ)';
const TENCENT = 'Tencent';
const TENCENT_QIDIAN = 'Tencent (Qidian)';
const BYTEDANCE = 'ByteDance';
const TIKTOK = 'TikTok (ByteDance)';
const ALIBABA = 'Alibaba';
const SENSORS_DATA = 'Sensors Data';
const GROWINGIO = 'GrowingIO';
const HOTJAR = 'Hotjar';
const CLARITY = 'Microsoft Clarity';
const MICROSOFT_ADVERTISING = 'Microsoft Advertising (Bing)';
const LINKEDIN = 'LinkedIn';
const YANDEX_METRICA = 'Yandex Metrica';
const CLOUDFLARE = 'Cloudflare';

const GOOGLE_ANALYTICS_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { exact: '_ga' },
    vendor: GOOGLE_ANALYTICS,
    purpose: 'statistics',
    description:
      "Google Analytics' client id: a random id that tells one browser from another for two years.",
    source: SOURCE.ga4,
  },
  {
    match: { prefix: '_ga_' },
    vendor: GOOGLE_ANALYTICS,
    purpose: 'statistics',
    description: 'GA4 session state for one measurement property (the suffix is the property id).',
    source: SOURCE.ga4,
  },
  {
    match: { exact: '_gid' },
    vendor: GOOGLE_ANALYTICS,
    purpose: 'statistics',
    description: 'Universal Analytics id that tells browsers apart for 24 hours.',
    source: SOURCE.analyticsJs,
  },
  {
    match: { exact: '_gat' },
    vendor: GOOGLE_ANALYTICS,
    purpose: 'statistics',
    description: 'Universal Analytics flag that throttles how often hits are sent; lives about a minute.',
    source: SOURCE.analyticsJs,
  },
  {
    match: { prefix: '_gat_' },
    vendor: GOOGLE_ANALYTICS,
    purpose: 'statistics',
    description: 'Request-rate throttle for a named Analytics tracker, such as _gat_gtag_UA_<property>.',
    source: SOURCE.analyticsJs,
  },
  {
    match: { prefix: '_dc_gtm_' },
    vendor: GOOGLE_ANALYTICS,
    purpose: 'statistics',
    description: 'Request-rate throttle used when Analytics is deployed through Google Tag Manager.',
    source: SOURCE.analyticsJs,
  },
  {
    match: { exact: 'AMP_TOKEN' },
    vendor: GOOGLE_ANALYTICS,
    purpose: 'statistics',
    description: 'Token for fetching a client id from the AMP Client ID service, linking AMP and web visits.',
    source: SOURCE.analyticsJs,
  },
  {
    match: { prefix: '_gac_' },
    vendor: GOOGLE_ANALYTICS,
    purpose: 'advertising',
    description: 'Campaign data Analytics keeps so it can be shared with a linked Google Ads account.',
    source: SOURCE.analyticsJs,
  },
  {
    match: { exact: '__utma' },
    vendor: GOOGLE_ANALYTICS,
    purpose: 'statistics',
    description: 'Legacy ga.js visitor id with first, previous and current visit times; two years.',
    source: SOURCE.gaJs,
  },
  {
    match: { exact: '__utmb' },
    vendor: GOOGLE_ANALYTICS,
    purpose: 'statistics',
    description: 'Legacy ga.js marker of a new session or visit; 30 minutes after the last hit.',
    source: SOURCE.gaJs,
  },
  {
    match: { exact: '__utmc' },
    vendor: GOOGLE_ANALYTICS,
    purpose: 'statistics',
    description: 'Legacy ga.js session cookie kept for compatibility with urchin.js.',
    source: SOURCE.gaJs,
  },
  {
    match: { exact: '__utmz' },
    vendor: GOOGLE_ANALYTICS,
    purpose: 'statistics',
    description: 'Legacy ga.js record of the traffic source or campaign that brought the visitor.',
    source: SOURCE.gaJs,
  },
  {
    match: { exact: '__utmv' },
    vendor: GOOGLE_ANALYTICS,
    purpose: 'statistics',
    description: 'Legacy ga.js visitor-level custom variables set by the site.',
    source: SOURCE.gaJs,
  },
  {
    match: { exact: '__utmt' },
    vendor: GOOGLE_ANALYTICS,
    purpose: 'statistics',
    description: 'Legacy ga.js request-rate throttle; ten minutes.',
    source: SOURCE.gaJs,
  },
  {
    match: { exact: '_gaexp' },
    vendor: 'Google Optimize',
    purpose: 'statistics',
    description: 'Which A/B experiments the browser is enrolled in, and when each ends.',
    source: SOURCE.openCookieDatabase,
  },
];

const GOOGLE_ADVERTISING_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { exact: 'IDE' },
    vendor: GOOGLE,
    purpose: 'advertising',
    crossSite: true,
    description:
      'DoubleClick id on doubleclick.net used to target and measure ads across the sites that show them.',
    source: SOURCE.googleAds,
  },
  {
    match: { exact: 'DSID' },
    vendor: GOOGLE,
    purpose: 'advertising',
    crossSite: true,
    description: 'Links a signed-in Google account to ad activity on non-Google sites via doubleclick.net.',
    source: SOURCE.googleAds,
  },
  {
    match: { exact: 'test_cookie' },
    vendor: GOOGLE,
    purpose: 'advertising',
    description: 'Short-lived probe set by doubleclick.net to learn whether the browser accepts its cookies.',
    source: SOURCE.googleAds,
  },
  {
    match: { exact: '_gcl_au' },
    vendor: GOOGLE,
    purpose: 'advertising',
    description: "Google Ads conversion linker id on the advertiser's own domain; about 90 days.",
    source: SOURCE.googleAds,
  },
  {
    match: { exact: '_gcl_aw' },
    vendor: GOOGLE,
    purpose: 'advertising',
    description: 'Stores the Google Ads click id (gclid) so a later conversion can be credited to the ad.',
    source: SOURCE.googleAds,
  },
  {
    match: { exact: '_gcl_dc' },
    vendor: GOOGLE,
    purpose: 'advertising',
    description: 'Stores the Campaign Manager / Display & Video 360 click id (dclid) for conversion credit.',
    source: SOURCE.googleAds,
  },
  {
    match: { prefix: '_gcl_' },
    vendor: GOOGLE,
    purpose: 'advertising',
    description:
      'Other Google conversion-linker cookies (for example _gcl_gb, _gcl_gs) holding ad click data.',
    source: SOURCE.googleAds,
  },
  {
    match: { exact: 'NID' },
    vendor: GOOGLE,
    purpose: 'advertising',
    description:
      'Google id on google.com holding preferences and used to personalise ads for signed-out users.',
    source: SOURCE.googleCookies,
  },
  {
    match: { exact: '1P_JAR' },
    vendor: GOOGLE,
    purpose: 'advertising',
    description: 'Google cookie that gathers site statistics and conversion rates for ads.',
    source: SOURCE.googleAds,
  },
  {
    match: { exact: 'AID' },
    vendor: GOOGLE,
    purpose: 'advertising',
    description: "Links ad activity across a signed-in user's devices.",
    source: SOURCE.googleAds,
  },
  {
    match: { exact: 'ANID' },
    vendor: GOOGLE,
    purpose: 'advertising',
    description: 'Google advertising id on google.com, also used to remember an ads opt-out.',
    source: SOURCE.googleAds,
  },
  {
    match: { exact: '__gads' },
    vendor: GOOGLE,
    purpose: 'advertising',
    description:
      "Google Ad Manager / AdSense id on the publisher's domain for frequency capping and measurement.",
    source: SOURCE.googleAds,
  },
  {
    match: { exact: '__gpi' },
    vendor: GOOGLE,
    purpose: 'advertising',
    description: "Newer Google Ad Manager / AdSense id on the publisher's domain, like __gads.",
    source: SOURCE.googleAds,
  },
  {
    match: { exact: '__gsas' },
    vendor: GOOGLE,
    purpose: 'advertising',
    description: 'AdSense for Search cookie measuring ads shown on a site search page.',
    source: SOURCE.googleAds,
  },
  {
    match: { exact: 'FLC' },
    vendor: GOOGLE,
    purpose: 'advertising',
    description: 'Campaign Manager Floodlight cookie linking a conversion to an earlier ad interaction.',
    source: SOURCE.googleAds,
  },
  {
    match: { prefix: '__Secure-3P' },
    vendor: GOOGLE,
    purpose: 'advertising',
    crossSite: true,
    description: 'Google account cookies sent in third-party contexts, used to profile interests for ads.',
    source: SOURCE.googleCookies,
  },
  {
    match: { exact: '_GRECAPTCHA' },
    vendor: 'Google reCAPTCHA',
    purpose: 'essential',
    role: 'security',
    description: 'Risk-analysis cookie reCAPTCHA needs to tell people from bots.',
    source: SOURCE.reCaptcha,
  },
];

// Meta's account cookies appear on another site's page only through a
// Facebook login button or social plugin, so they are classed as 'social'.
const META_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { exact: '_fbp' },
    vendor: META,
    purpose: 'advertising',
    crossSite: true,
    description: "Meta Pixel browser id on the advertiser's domain, used to attribute and target ads.",
    source: SOURCE.metaFbpFbc,
  },
  {
    match: { exact: '_fbc' },
    vendor: META,
    purpose: 'advertising',
    description: 'Stores the Facebook ad click id (fbclid) for conversion attribution.',
    source: SOURCE.metaFbpFbc,
  },
  {
    match: { exact: 'fr' },
    vendor: META,
    purpose: 'advertising',
    crossSite: true,
    description: 'Browser and user id on facebook.com used to deliver, measure and improve ads.',
    source: SOURCE.metaCookies,
  },
  {
    match: { exact: 'datr' },
    vendor: META,
    purpose: 'social',
    description: 'Identifies the browser that connects to Facebook, for security and site integrity.',
    source: SOURCE.metaCookies,
  },
  {
    match: { exact: 'sb' },
    vendor: META,
    purpose: 'social',
    description: 'Facebook browser id used to recognise the browser at login.',
    source: SOURCE.metaCookies,
  },
  {
    match: { exact: 'c_user' },
    vendor: META,
    purpose: 'social',
    description: 'The Facebook user id of the signed-in account.',
    source: SOURCE.metaCookies,
  },
  {
    match: { exact: 'xs' },
    vendor: META,
    purpose: 'social',
    description: 'Facebook session secret that, with c_user, authenticates the signed-in account.',
    source: SOURCE.metaCookies,
  },
  {
    match: { exact: 'oo' },
    vendor: META,
    purpose: 'advertising',
    description: 'Records an opt-out from Meta interest-based advertising.',
    source: SOURCE.openCookieDatabase,
  },
];

const BAIDU_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { prefix: 'Hm_lvt_' },
    vendor: BAIDU_TONGJI,
    purpose: 'statistics',
    description: 'Timestamps of recent visits, kept per Baidu Tongji site id (the suffix).',
    source: SOURCE.baiduTongji,
  },
  {
    match: { prefix: 'Hm_lpvt_' },
    vendor: BAIDU_TONGJI,
    purpose: 'statistics',
    description: 'Timestamp of the latest page view, per Baidu Tongji site id; used to split visits.',
    source: SOURCE.baiduTongji,
  },
  {
    match: { prefix: 'Hm_' },
    vendor: BAIDU_TONGJI,
    purpose: 'statistics',
    description: 'Other cookies of the Baidu Tongji script (hm.js), which prefixes all its cookies with Hm_.',
    source: SOURCE.baiduTongji,
  },
  {
    match: { exact: 'HMACCOUNT' },
    vendor: BAIDU_TONGJI,
    purpose: 'statistics',
    crossSite: true,
    description: 'Long-lived visitor id on hm.baidu.com, sent from every site that runs Baidu Tongji.',
    source: SOURCE.baiduTongji,
  },
  {
    match: { exact: 'HMACCOUNT_BFESS' },
    vendor: BAIDU_TONGJI,
    purpose: 'statistics',
    crossSite: true,
    description:
      'Copy of HMACCOUNT marked SameSite=None; Secure so it still travels in third-party requests.',
    source: SOURCE.baiduTongji,
  },
  {
    match: { exact: 'BAIDUID' },
    vendor: BAIDU,
    purpose: 'advertising',
    description: "Baidu's browser id on baidu.com, used for preferences and ad personalisation.",
    source: SOURCE.baiduPrivacy,
  },
  {
    match: { exact: 'BAIDUID_BFESS' },
    vendor: BAIDU,
    purpose: 'advertising',
    description: 'Copy of BAIDUID marked SameSite=None; Secure for third-party requests.',
    source: SOURCE.baiduPrivacy,
  },
  {
    match: { exact: 'BIDUPSID' },
    vendor: BAIDU,
    purpose: 'advertising',
    description: 'Persistent Baidu browser id, kept alongside BAIDUID.',
    source: SOURCE.baiduPrivacy,
  },
  {
    match: { exact: 'PSTM' },
    vendor: BAIDU,
    purpose: 'advertising',
    description: 'Time at which the BIDUPSID browser id was issued.',
    source: SOURCE.baiduPrivacy,
  },
  {
    match: { exact: 'BAIDU_SSP_lcr' },
    vendor: BAIDU,
    purpose: 'advertising',
    description: 'Referrer record kept by the Baidu ad supply-side platform (SSP).',
    source: SOURCE.baiduPrivacy,
  },
];

const UMENG_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { prefix: 'CNZZDATA' },
    vendor: UMENG,
    purpose: 'statistics',
    description: 'CNZZ/Umeng web statistics id and visit times, kept per site id (the suffix).',
    source: SOURCE.cnzzScript,
  },
  {
    match: { prefix: 'CZ_UUID' },
    vendor: UMENG,
    purpose: 'statistics',
    description: 'CNZZ/Umeng visitor id kept per site id.',
    source: SOURCE.cnzzScript,
  },
  {
    match: { prefix: '_cnzz_CV' },
    vendor: UMENG,
    purpose: 'statistics',
    description: 'CNZZ/Umeng custom variables set by the site, per site id.',
    source: SOURCE.cnzzScript,
  },
  {
    match: { exact: 'UM_distinctid' },
    vendor: UMENG,
    purpose: 'statistics',
    description: 'Umeng distinct visitor id shared by all Umeng-tracked sites on the same domain.',
    source: SOURCE.cnzzScript,
  },
  {
    match: { exact: '_umdata' },
    vendor: 'Umeng / Alibaba (UMID)',
    purpose: 'fingerprinting',
    description:
      "Device token from Alibaba's UMID device-identification script, derived from browser traits.",
    source: SOURCE.alibabaCookies,
  },
];

// Alibaba publishes no per-cookie table. Names whose function is not
// documented are kept with purpose 'unknown' rather than guessed. The bare
// names 't' and 'l' are left out on purpose: matched by name alone they would
// pin any first-party cookie called 't' or 'l' on Alibaba.
const ALIBABA_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { exact: 'cna' },
    vendor: ALIBABA,
    purpose: 'statistics',
    description:
      "Visitor id of Alibaba's aplus statistics (log.mmstat.com), also used by Umeng web statistics.",
    source: SOURCE.alibabaCookies,
  },
  {
    match: { exact: 'isg' },
    vendor: ALIBABA,
    purpose: 'unknown',
    description:
      'Set on Alibaba properties; commonly described as a risk-control token, not documented by Alibaba.',
    source: SOURCE.alibabaCookies,
  },
  {
    match: { exact: 'tfstk' },
    vendor: ALIBABA,
    purpose: 'unknown',
    description: 'Set on Alibaba properties (Taobao, Tmall, 1688); Alibaba does not document its purpose.',
    source: SOURCE.alibabaCookies,
  },
  {
    match: { exact: 'xlly_s' },
    vendor: ALIBABA,
    purpose: 'unknown',
    description: 'Set on Alibaba properties; Alibaba does not document its purpose.',
    source: SOURCE.alibabaCookies,
  },
  {
    match: { exact: 'atpsida' },
    vendor: ALIBABA,
    purpose: 'unknown',
    description: 'Set on Alibaba properties next to the aplus statistics cookies; purpose not documented.',
    source: SOURCE.alibabaCookies,
  },
  {
    match: { exact: '_m_h5_tk' },
    vendor: ALIBABA,
    purpose: 'essential',
    role: 'security',
    description: "Token Alibaba's mtop H5 gateway uses to sign API requests; expires with its timestamp.",
    source: SOURCE.alibabaCookies,
  },
  {
    match: { exact: '_m_h5_tk_enc' },
    vendor: ALIBABA,
    purpose: 'essential',
    role: 'security',
    description: 'Companion of _m_h5_tk that the mtop gateway uses to validate the signing token.',
    source: SOURCE.alibabaCookies,
  },
  {
    match: { exact: 'acw_tc' },
    vendor: 'Alibaba Cloud WAF',
    purpose: 'essential',
    role: 'security',
    description: 'Client token Alibaba Cloud WAF sets to track clients for bot and flood (CC) protection.',
    source: SOURCE.alibabaCloudWaf,
  },
];

const TENCENT_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { exact: 'pgv_pvi' },
    vendor: TENCENT,
    purpose: 'statistics',
    description: 'Persistent visitor id of Tencent web analytics (ping.js / Tencent Analytics).',
    source: SOURCE.tencentCookies,
  },
  {
    match: { exact: 'pgv_si' },
    vendor: TENCENT,
    purpose: 'statistics',
    description: 'Session id of Tencent web analytics.',
    source: SOURCE.tencentCookies,
  },
  {
    match: { exact: 'pgv_pvid' },
    vendor: TENCENT,
    purpose: 'statistics',
    description: 'Page-view visitor id of Tencent web analytics, common on qq.com properties.',
    source: SOURCE.tencentCookies,
  },
  {
    match: { exact: 'pgv_info' },
    vendor: TENCENT,
    purpose: 'statistics',
    description: 'Session information (ssid) of Tencent web analytics.',
    source: SOURCE.tencentCookies,
  },
  {
    match: { exact: 'ts_uid' },
    vendor: TENCENT,
    purpose: 'statistics',
    description: "Visitor id of Tencent's ping tracking script.",
    source: SOURCE.tencentCookies,
  },
  {
    match: { exact: 'ts_last' },
    vendor: TENCENT,
    purpose: 'statistics',
    description: "Last page visited, kept by Tencent's ping tracking script.",
    source: SOURCE.tencentCookies,
  },
  {
    match: { exact: 'ts_refer' },
    vendor: TENCENT,
    purpose: 'statistics',
    description: "Referring page, kept by Tencent's ping tracking script.",
    source: SOURCE.tencentCookies,
  },
  {
    match: { exact: '_qddaz' },
    vendor: TENCENT_QIDIAN,
    purpose: 'statistics',
    description: "Persistent visitor id of Tencent Qidian's web tracking script.",
    source: SOURCE.tencentCookies,
  },
  {
    match: { exact: '_qdda' },
    vendor: TENCENT_QIDIAN,
    purpose: 'statistics',
    description: "Visit counter of Tencent Qidian's web tracking script.",
    source: SOURCE.tencentCookies,
  },
  {
    match: { exact: '_qddab' },
    vendor: TENCENT_QIDIAN,
    purpose: 'statistics',
    description: "Session id of Tencent Qidian's web tracking script.",
    source: SOURCE.tencentCookies,
  },
  {
    match: { prefix: '_qddamta_' },
    vendor: TENCENT_QIDIAN,
    purpose: 'statistics',
    description: 'Tencent Qidian visit state kept per enterprise account number (the suffix).',
    source: SOURCE.tencentCookies,
  },
  {
    match: { exact: '__root_domain_v' },
    vendor: TENCENT_QIDIAN,
    purpose: 'statistics',
    description: 'Root domain on which the Tencent Qidian script stores its visitor cookies.',
    source: SOURCE.tencentCookies,
  },
];

const BYTEDANCE_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { exact: '_ttp' },
    vendor: TIKTOK,
    purpose: 'advertising',
    crossSite: true,
    description:
      'TikTok Pixel id used to match site visitors with TikTok users for ad measurement and targeting.',
    source: SOURCE.tiktokPixel,
  },
  {
    match: { exact: '_tt_enable_cookie' },
    vendor: TIKTOK,
    purpose: 'advertising',
    description: 'Set by the TikTok Pixel to test whether the browser accepts its cookies.',
    source: SOURCE.tiktokCookieList,
  },
  {
    match: { exact: 'ttwid' },
    vendor: BYTEDANCE,
    purpose: 'advertising',
    description: 'Server-issued ByteDance web client id shared across TikTok, Douyin and Toutiao.',
    source: SOURCE.tiktokCookieList,
  },
  {
    match: { exact: 'tt_webid' },
    vendor: BYTEDANCE,
    purpose: 'advertising',
    description:
      'Persistent ByteDance web visitor id (Toutiao, Douyin) used for attribution and measurement.',
    source: SOURCE.tiktokCookieList,
  },
  {
    match: { exact: 'tt_webid_v2' },
    vendor: BYTEDANCE,
    purpose: 'advertising',
    description: 'Second version of the tt_webid visitor id.',
    source: SOURCE.tiktokCookieList,
  },
  {
    match: { exact: 'tt_csrf_token' },
    vendor: TIKTOK,
    purpose: 'social',
    description: 'CSRF token of TikTok, present on another site only when a TikTok embed loads.',
    source: SOURCE.tiktokCookieList,
  },
  {
    match: { exact: 'tt_chain_token' },
    vendor: TIKTOK,
    purpose: 'social',
    description: 'TikTok request-chaining token, present on another site through TikTok embeds.',
    source: SOURCE.tiktokCookieList,
  },
  {
    match: { prefix: '_tea_utm_cache_' },
    vendor: BYTEDANCE,
    purpose: 'statistics',
    description: 'Campaign (UTM) parameters cached by the DataRangers / Tea analytics SDK, per app id.',
    source: SOURCE.dataRangers,
  },
  {
    match: { prefix: '__tea_cookie_tokens_' },
    vendor: BYTEDANCE,
    purpose: 'statistics',
    description: 'DataRangers / Tea analytics SDK user and web id tokens, per app id.',
    source: SOURCE.dataRangers,
  },
  {
    match: { exact: 'MONITOR_WEB_ID' },
    vendor: BYTEDANCE,
    purpose: 'statistics',
    description: "Visitor id of ByteDance's web performance monitoring script.",
    source: SOURCE.tiktokCookiePolicy,
  },
  {
    match: { exact: 's_v_web_id' },
    vendor: BYTEDANCE,
    purpose: 'essential',
    role: 'security',
    description: 'ByteDance verification id (verifyFp) sent to its CAPTCHA and anti-bot service.',
    source: SOURCE.tiktokCookiePolicy,
  },
  {
    match: { exact: 'passport_csrf_token' },
    vendor: BYTEDANCE,
    purpose: 'essential',
    role: 'csrf',
    description: "CSRF token of ByteDance's account (passport) login service.",
    source: SOURCE.tiktokCookiePolicy,
  },
  {
    match: { exact: 'passport_csrf_token_default' },
    vendor: BYTEDANCE,
    purpose: 'essential',
    role: 'csrf',
    description: 'Copy of passport_csrf_token without SameSite=None, for older browsers.',
    source: SOURCE.tiktokCookiePolicy,
  },
  {
    match: { exact: 'ttcid' },
    vendor: BYTEDANCE,
    purpose: 'unknown',
    description: 'Id set on ByteDance properties next to ttwid; ByteDance does not document its purpose.',
    source: SOURCE.tiktokCookiePolicy,
  },
];

const SENSORS_DATA_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { exact: 'sensorsdata2015jssdkcross' },
    vendor: SENSORS_DATA,
    purpose: 'statistics',
    description: 'Sensors Analytics distinct id and first-visit traffic source, shared across subdomains.',
    source: SOURCE.sensorsData,
  },
  {
    match: { exact: 'sensorsdata2015session' },
    vendor: SENSORS_DATA,
    purpose: 'statistics',
    description: 'Sensors Analytics session state.',
    source: SOURCE.sensorsData,
  },
  {
    match: { exact: 'sensorsdata2015jssdkchannel' },
    vendor: SENSORS_DATA,
    purpose: 'statistics',
    description: 'Sensors Analytics landing-channel information for ad channel tracking.',
    source: SOURCE.sensorsData,
  },
  {
    match: { prefix: 'sensorsdata2015' },
    vendor: SENSORS_DATA,
    purpose: 'statistics',
    description: 'Other cookies of the Sensors Analytics web SDK, which all start with sensorsdata2015.',
    source: SOURCE.sensorsData,
  },
  {
    match: { prefix: 'sajssdk_2015_cross_' },
    vendor: SENSORS_DATA,
    purpose: 'statistics',
    description: 'Sensors Analytics flags such as sajssdk_2015_cross_new_user (first-day visitor).',
    source: SOURCE.sensorsData,
  },
];

const GROWINGIO_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { exact: 'gr_user_id' },
    vendor: GROWINGIO,
    purpose: 'statistics',
    description: 'GrowingIO anonymous visitor id.',
    source: SOURCE.growingIo,
  },
  {
    match: { prefix: 'gr_session_id_' },
    vendor: GROWINGIO,
    purpose: 'statistics',
    description: 'GrowingIO session id, per project id.',
    source: SOURCE.growingIo,
  },
  {
    match: { prefix: 'gr_cs1_' },
    vendor: GROWINGIO,
    purpose: 'statistics',
    description: 'GrowingIO login user id bound to a session, linking analytics to an account.',
    source: SOURCE.growingIo,
  },
  {
    match: { pattern: '^[0-9a-f]{16}_gr_session_id(_[0-9a-f-]+)?$' },
    vendor: GROWINGIO,
    purpose: 'statistics',
    description: 'GrowingIO session id and session flag, prefixed with the 16-hex project id.',
    source: SOURCE.growingIo,
  },
  {
    match: { pattern: '^[0-9a-f]{16}_gr_(last_sent_cs1|last_sent_sid_with_cs1|cs1)$' },
    vendor: GROWINGIO,
    purpose: 'statistics',
    description: 'GrowingIO login user id last reported, and its session, prefixed with the project id.',
    source: SOURCE.growingIo,
  },
];

const PRODUCT_ANALYTICS_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { pattern: '^mp_[0-9a-z]+_mixpanel$' },
    vendor: 'Mixpanel',
    purpose: 'statistics',
    description: 'Mixpanel super properties and distinct id, named after the project token.',
    source: SOURCE.mixpanel,
  },
  {
    match: { prefix: 'AMP_MKTG_' },
    vendor: 'Amplitude',
    purpose: 'statistics',
    description: 'Amplitude marketing attribution (UTM parameters, referrer), per API key.',
    source: SOURCE.amplitude,
  },
  {
    match: { prefix: 'AMP_' },
    vendor: 'Amplitude',
    purpose: 'statistics',
    description: 'Amplitude Browser SDK device id, user id and session, named after the API key.',
    source: SOURCE.amplitude,
  },
  {
    match: { prefix: 'amp_' },
    vendor: 'Amplitude',
    purpose: 'statistics',
    description: 'Legacy Amplitude JavaScript SDK device id and session, named after the API key.',
    source: SOURCE.amplitude,
  },
  {
    match: { prefix: 'amplitude_id' },
    vendor: 'Amplitude',
    purpose: 'statistics',
    description: 'Older Amplitude SDK device and session id cookie.',
    source: SOURCE.amplitude,
  },
  {
    match: { pattern: '^ph_[0-9a-z_]+_posthog$' },
    vendor: 'PostHog',
    purpose: 'statistics',
    description: 'PostHog distinct id, session id and properties, named after the project API key.',
    source: SOURCE.posthog,
  },
];

const HOTJAR_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { prefix: '_hjSessionUser_' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: 'Hotjar user id for the site (suffix), persisting across visits; one year.',
    source: SOURCE.hotjar,
  },
  {
    match: { prefix: '_hjSession_' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: 'Current Hotjar session for the site (suffix); 30 minutes.',
    source: SOURCE.hotjar,
  },
  {
    match: { exact: '_hjid' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: 'Older Hotjar user id that ties later visits to the same visitor.',
    source: SOURCE.hotjar,
  },
  {
    match: { exact: '_hjAbsoluteSessionInProgress' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: "Marks the start of a visitor's first Hotjar session, for session counts.",
    source: SOURCE.hotjar,
  },
  {
    match: { prefix: '_hjIncludedInSessionSample' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: "Whether the visitor falls in the sample defined by the site's daily session limit.",
    source: SOURCE.hotjar,
  },
  {
    match: { prefix: '_hjIncludedInPageviewSample' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: "Whether the visitor falls in the sample defined by the site's page-view limit.",
    source: SOURCE.hotjar,
  },
  {
    match: { exact: '_hjFirstSeen' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: "Identifies a new user's first Hotjar session.",
    source: SOURCE.hotjar,
  },
  {
    match: { exact: '_hjTLDTest' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: 'Probe Hotjar writes and removes to find the widest domain it can set cookies on.',
    source: SOURCE.hotjar,
  },
  {
    match: { exact: '_hjLocalStorageTest' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: 'Probe checking whether the Hotjar script may use local storage.',
    source: SOURCE.hotjar,
  },
  {
    match: { exact: '_hjSessionStorageTest' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: 'Probe checking whether the Hotjar script may use session storage.',
    source: SOURCE.hotjar,
  },
  {
    match: { exact: '_hjRecordingEnabled' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: 'Set when a Hotjar recording starts, to know a recording is in progress.',
    source: SOURCE.hotjar,
  },
  {
    match: { exact: '_hjRecordingLastActivity' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: 'Time of the last user activity in an ongoing Hotjar recording.',
    source: SOURCE.hotjar,
  },
  {
    match: { exact: '_hjCachedUserAttributes' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: 'User attributes sent through the Hotjar Identify API, kept for feedback tools.',
    source: SOURCE.hotjar,
  },
  {
    match: { exact: '_hjUserAttributesHash' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: 'Hash of Hotjar Identify API attributes, to notice when they change.',
    source: SOURCE.hotjar,
  },
  {
    match: { exact: '_hjClosedSurveyInvites' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: 'Remembers that a Hotjar survey invitation was dismissed so it is not shown again.',
    source: SOURCE.hotjar,
  },
  {
    match: { exact: '_hjDonePolls' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: 'Remembers completed Hotjar polls so they are not shown again.',
    source: SOURCE.hotjar,
  },
  {
    match: { exact: '_hjMinimizedPolls' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: 'Keeps a minimised Hotjar poll minimised across pages.',
    source: SOURCE.hotjar,
  },
  {
    match: { exact: '_hjShownFeedbackMessage' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: 'Keeps the Hotjar feedback widget minimised once dismissed or completed.',
    source: SOURCE.hotjar,
  },
  {
    match: { prefix: '_hj' },
    vendor: HOTJAR,
    purpose: 'session-replay',
    description: 'Other cookies of the Hotjar script, which prefixes all its cookies with _hj.',
    source: SOURCE.hotjar,
  },
];

const MICROSOFT_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { exact: '_clck' },
    vendor: CLARITY,
    purpose: 'session-replay',
    description: 'Clarity user id and preferences, unique to the site; one year.',
    source: SOURCE.clarity,
  },
  {
    match: { exact: '_clsk' },
    vendor: CLARITY,
    purpose: 'session-replay',
    description: 'Joins several page views into one Clarity session recording; one day.',
    source: SOURCE.clarity,
  },
  {
    match: { exact: 'CLID' },
    vendor: CLARITY,
    purpose: 'session-replay',
    crossSite: true,
    description:
      'Clarity id on clarity.ms recording when Clarity first saw the browser on any site using it.',
    source: SOURCE.clarity,
  },
  {
    match: { exact: 'MUID' },
    vendor: MICROSOFT_ADVERTISING,
    purpose: 'advertising',
    crossSite: true,
    description: 'Microsoft browser id shared across Microsoft domains for advertising and analytics.',
    source: SOURCE.clarity,
  },
  {
    match: { exact: 'ANONCHK' },
    vendor: MICROSOFT_ADVERTISING,
    purpose: 'advertising',
    description: 'Indicates whether the MUID has been passed on to the ANID advertising cookie.',
    source: SOURCE.clarity,
  },
  {
    match: { exact: '_uetsid' },
    vendor: MICROSOFT_ADVERTISING,
    purpose: 'advertising',
    description: 'Microsoft Advertising UET session id for conversion tracking and remarketing.',
    source: SOURCE.openCookieDatabase,
  },
  {
    match: { exact: '_uetvid' },
    vendor: MICROSOFT_ADVERTISING,
    purpose: 'advertising',
    description: 'Microsoft Advertising UET visitor id for conversion tracking and remarketing.',
    source: SOURCE.openCookieDatabase,
  },
  {
    match: { prefix: '_uet' },
    vendor: MICROSOFT_ADVERTISING,
    purpose: 'advertising',
    description: 'Other Universal Event Tracking cookies, such as the stored click id _uetmsclkid.',
    source: SOURCE.openCookieDatabase,
  },
];

// LinkedIn's own functional cookies show up on another site only through a
// LinkedIn plugin or the Insight Tag, hence 'social' rather than 'essential'.
const LINKEDIN_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { exact: 'bcookie' },
    vendor: LINKEDIN,
    purpose: 'social',
    crossSite: true,
    description: 'LinkedIn browser id on linkedin.com, sent from embedded LinkedIn services on other sites.',
    source: SOURCE.linkedin,
  },
  {
    match: { exact: 'bscookie' },
    vendor: LINKEDIN,
    purpose: 'social',
    description: 'Secure LinkedIn browser cookie used for login and abuse detection.',
    source: SOURCE.linkedin,
  },
  {
    match: { exact: 'lidc' },
    vendor: LINKEDIN,
    purpose: 'social',
    description: 'LinkedIn routing cookie that picks the data centre serving the browser.',
    source: SOURCE.linkedin,
  },
  {
    match: { exact: 'li_sugr' },
    vendor: LINKEDIN,
    purpose: 'advertising',
    crossSite: true,
    description: 'Browser id LinkedIn uses for probabilistic matching of a visitor to a member for ads.',
    source: SOURCE.linkedin,
  },
  {
    match: { exact: 'UserMatchHistory' },
    vendor: LINKEDIN,
    purpose: 'advertising',
    description: 'LinkedIn Ads id synchronisation history.',
    source: SOURCE.linkedin,
  },
  {
    match: { exact: 'AnalyticsSyncHistory' },
    vendor: LINKEDIN,
    purpose: 'advertising',
    description: 'Time of the last synchronisation with the lms_analytics cookie.',
    source: SOURCE.linkedin,
  },
  {
    match: { exact: 'li_fat_id' },
    vendor: LINKEDIN,
    purpose: 'advertising',
    description: 'Indirect LinkedIn member id for conversion tracking, retargeting and analytics.',
    source: SOURCE.linkedin,
  },
  {
    match: { exact: 'lms_ads' },
    vendor: LINKEDIN,
    purpose: 'advertising',
    crossSite: true,
    description: 'Identifies LinkedIn members off LinkedIn for advertising.',
    source: SOURCE.linkedin,
  },
  {
    match: { exact: 'lms_analytics' },
    vendor: LINKEDIN,
    purpose: 'statistics',
    crossSite: true,
    description: 'Identifies LinkedIn members off LinkedIn for analytics.',
    source: SOURCE.linkedin,
  },
  {
    match: { exact: 'li_gc' },
    vendor: LINKEDIN,
    purpose: 'essential',
    role: 'consent',
    description: "Stores a guest's consent to LinkedIn's non-essential cookies.",
    source: SOURCE.linkedin,
  },
];

const YANDEX_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { exact: '_ym_uid' },
    vendor: YANDEX_METRICA,
    purpose: 'statistics',
    description: 'Yandex Metrica user id.',
    source: SOURCE.yandex,
  },
  {
    match: { exact: '_ym_d' },
    vendor: YANDEX_METRICA,
    purpose: 'statistics',
    description: "Date of the user's first Yandex Metrica session.",
    source: SOURCE.yandex,
  },
  {
    match: { exact: '_ym_isad' },
    vendor: YANDEX_METRICA,
    purpose: 'statistics',
    description: 'Whether the visitor runs an ad blocker.',
    source: SOURCE.yandex,
  },
  {
    match: { exact: '_ym_visorc' },
    vendor: YANDEX_METRICA,
    purpose: 'session-replay',
    description: 'Lets Yandex Session Replay (Webvisor) record the session correctly.',
    source: SOURCE.yandex,
  },
  {
    match: { prefix: '_ym_' },
    vendor: YANDEX_METRICA,
    purpose: 'statistics',
    description: 'Other Yandex Metrica cookies, which all start with _ym_.',
    source: SOURCE.yandex,
  },
  {
    match: { exact: 'yandexuid' },
    vendor: 'Yandex',
    purpose: 'advertising',
    crossSite: true,
    description: 'Yandex user id on yandex domains, sent from every site that uses Yandex services.',
    source: SOURCE.yandex,
  },
];

const CLOUDFLARE_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { exact: '__cf_bm' },
    vendor: CLOUDFLARE,
    purpose: 'essential',
    role: 'security',
    description: 'Cloudflare Bot Management cookie telling humans from bots; 30 minutes.',
    source: SOURCE.cloudflare,
  },
  {
    match: { exact: 'cf_clearance' },
    vendor: CLOUDFLARE,
    purpose: 'essential',
    role: 'security',
    description: 'Proof that the browser passed a Cloudflare challenge.',
    source: SOURCE.cloudflare,
  },
  {
    match: { prefix: 'cf_chl_' },
    vendor: CLOUDFLARE,
    purpose: 'essential',
    role: 'security',
    description: 'State of a Cloudflare challenge in progress.',
    source: SOURCE.cloudflare,
  },
  {
    match: { exact: '__cfruid' },
    vendor: CLOUDFLARE,
    purpose: 'essential',
    role: 'security',
    description: 'Cloudflare rate-limiting id telling apart clients behind one IP address.',
    source: SOURCE.cloudflare,
  },
  {
    match: { exact: '_cfuvid' },
    vendor: CLOUDFLARE,
    purpose: 'essential',
    role: 'security',
    description: 'Cloudflare rate-limiting id for clients sharing an IP address; session only.',
    source: SOURCE.cloudflare,
  },
  {
    match: { exact: '__cflb' },
    vendor: CLOUDFLARE,
    purpose: 'essential',
    role: 'load-balancing',
    description: 'Cloudflare Load Balancing session affinity to one origin server.',
    source: SOURCE.cloudflare,
  },
  {
    match: { prefix: '__cfseq' },
    vendor: CLOUDFLARE,
    purpose: 'essential',
    role: 'security',
    description: 'Cloudflare API Shield sequence-mitigation state.',
    source: SOURCE.cloudflare,
  },
  {
    match: { exact: '__cfwaitingroom' },
    vendor: CLOUDFLARE,
    purpose: 'essential',
    role: 'load-balancing',
    description: "Visitor's place in a Cloudflare Waiting Room queue.",
    source: SOURCE.cloudflare,
  },
];

const CONSENT_AND_INFRASTRUCTURE_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { exact: 'OptanonConsent' },
    vendor: 'OneTrust',
    purpose: 'essential',
    role: 'consent',
    description: 'Which cookie categories the visitor accepted or refused in the OneTrust banner.',
    source: SOURCE.openCookieDatabase,
  },
  {
    match: { exact: 'OptanonAlertBoxClosed' },
    vendor: 'OneTrust',
    purpose: 'essential',
    role: 'consent',
    description: 'When the visitor closed the OneTrust cookie banner.',
    source: SOURCE.openCookieDatabase,
  },
  {
    match: { exact: 'CookieConsent' },
    vendor: 'Cookiebot',
    purpose: 'essential',
    role: 'consent',
    description: "The visitor's Cookiebot consent choices.",
    source: SOURCE.cookiebot,
  },
  {
    match: { exact: 'cookieyes-consent' },
    vendor: 'CookieYes',
    purpose: 'essential',
    role: 'consent',
    description: "The visitor's CookieYes consent choices per category.",
    source: SOURCE.cookieYes,
  },
  {
    match: { prefix: 'cookielawinfo-checkbox-' },
    vendor: 'CookieYes',
    purpose: 'essential',
    role: 'consent',
    description: 'Per-category consent choice of the CookieYes (GDPR Cookie Consent) WordPress plugin.',
    source: SOURCE.cookieYes,
  },
  {
    match: { exact: 'viewed_cookie_policy' },
    vendor: 'CookieYes',
    purpose: 'essential',
    role: 'consent',
    description: 'Whether the visitor accepted the CookieYes (GDPR Cookie Consent) plugin banner.',
    source: SOURCE.cookieYes,
  },
  {
    match: { exact: 'euconsent-v2' },
    vendor: 'IAB TCF',
    purpose: 'essential',
    role: 'consent',
    description: 'IAB Transparency and Consent Framework v2 consent string.',
    source: SOURCE.iabTcf,
  },
  {
    match: { exact: 'AWSALB' },
    vendor: 'Amazon Web Services',
    purpose: 'essential',
    role: 'load-balancing',
    description: 'AWS Application Load Balancer stickiness cookie pinning a client to one target.',
    source: SOURCE.awsAlb,
  },
  {
    match: { exact: 'AWSALBCORS' },
    vendor: 'Amazon Web Services',
    purpose: 'essential',
    role: 'load-balancing',
    description: 'Copy of AWSALB with SameSite=None so stickiness survives cross-origin requests.',
    source: SOURCE.awsAlb,
  },
  {
    match: { exact: 'AWSALBAPP' },
    vendor: 'Amazon Web Services',
    purpose: 'essential',
    role: 'load-balancing',
    description: 'AWS load balancer cookie for application-based stickiness.',
    source: SOURCE.awsAlb,
  },
];

/*
 * Names used by web frameworks and common practice. They say what a cookie on
 * the site's own domain most likely is, not who set it. All are `pattern`
 * entries because they are matched case-insensitively (see match-cookie-name).
 */
const GENERIC_CONVENTION_COOKIES: readonly CookieCatalogEntry[] = [
  {
    match: { pattern: '^jsessionid$' },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'essential',
    role: 'authentication',
    description: 'Session id of Java servlet containers (Tomcat, Jetty, Spring Boot).',
    source: SOURCE.servlet,
  },
  {
    match: { pattern: '^phpsessid$' },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'essential',
    role: 'authentication',
    description: "PHP's default session id cookie.",
    source: SOURCE.php,
  },
  {
    match: { pattern: '^asp\\.net_sessionid$' },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'essential',
    role: 'authentication',
    description: 'ASP.NET session state id.',
    source: SOURCE.aspNet,
  },
  {
    match: { pattern: '^connect\\.sid$' },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'essential',
    role: 'authentication',
    description: 'Default session id of Node.js express-session.',
    source: SOURCE.expressSession,
  },
  {
    match: { pattern: '^session$' },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'essential',
    role: 'authentication',
    description: 'Default session cookie of Flask and Spring Session (which spells it SESSION).',
    source: SOURCE.springSession,
  },
  {
    match: { pattern: '^sessionid$' },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'essential',
    role: 'authentication',
    description: "Django's default session cookie; SESSIONID in many other stacks.",
    source: SOURCE.django,
  },
  {
    match: { pattern: '^sid$' },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'essential',
    role: 'authentication',
    description: 'Short session id name widely used by custom web back ends.',
    source: SOURCE.owaspSession,
  },
  {
    match: { pattern: '^laravel_session$' },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'essential',
    role: 'authentication',
    description: "Laravel's default session cookie.",
    source: SOURCE.laravelSession,
  },
  {
    match: { pattern: '^(access_|auth_|refresh_|login_)?token$' },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'essential',
    role: 'authentication',
    description: 'Authentication token (access, refresh or login) kept in a cookie by the site.',
    source: SOURCE.owaspSession,
  },
  {
    match: { pattern: '^remember_(me|token|web_[0-9a-f]+)$' },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'essential',
    role: 'authentication',
    description: '"Remember me" login token that keeps the user signed in across browser sessions.',
    source: SOURCE.laravelAuth,
  },
  {
    match: { pattern: '^csrftoken$' },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'essential',
    role: 'csrf',
    description: "Django's cross-site request forgery token.",
    source: SOURCE.django,
  },
  {
    match: { pattern: '^xsrf-token$' },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'essential',
    role: 'csrf',
    description: 'Double-submit CSRF token read by Angular and Axios (and set by Laravel).',
    source: SOURCE.angularXsrf,
  },
  {
    match: { pattern: '^_csrf$' },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'essential',
    role: 'csrf',
    description: 'CSRF secret of the Node.js csurf middleware.',
    source: SOURCE.csurf,
  },
  {
    match: { pattern: '^csrf[_-]token$' },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'essential',
    role: 'csrf',
    description: 'Cross-site request forgery token of the double-submit pattern.',
    source: SOURCE.owaspCsrf,
  },
  {
    // Last of the login patterns, so the exact conventions and CSRF tokens above match first.
    match: { pattern: COMPOUND_LOGIN_NAME_PATTERN },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'essential',
    role: 'authentication',
    description:
      'A compound login or session name (session_token, user_sid, auth_jwt) as sites name their own.',
    source: SOURCE.owaspSession,
  },
  {
    match: { pattern: '^(lang|language|locale|i18n)$' },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'preferences',
    description: "The visitor's chosen display language.",
    source: SOURCE.mdnCookies,
  },
  {
    match: { pattern: '^(theme|timezone)$' },
    vendor: GENERIC_CONVENTION_VENDOR,
    purpose: 'preferences',
    description: "The visitor's chosen colour theme or time zone.",
    source: SOURCE.mdnCookies,
  },
];

/** Facts about cookie names. Exact and prefix names are case-sensitive, as browsers treat them. */
export const COOKIE_CATALOG: readonly CookieCatalogEntry[] = [
  ...GOOGLE_ANALYTICS_COOKIES,
  ...GOOGLE_ADVERTISING_COOKIES,
  ...META_COOKIES,
  ...BAIDU_COOKIES,
  ...UMENG_COOKIES,
  ...ALIBABA_COOKIES,
  ...TENCENT_COOKIES,
  ...BYTEDANCE_COOKIES,
  ...SENSORS_DATA_COOKIES,
  ...GROWINGIO_COOKIES,
  ...PRODUCT_ANALYTICS_COOKIES,
  ...HOTJAR_COOKIES,
  ...MICROSOFT_COOKIES,
  ...LINKEDIN_COOKIES,
  ...YANDEX_COOKIES,
  ...CLOUDFLARE_COOKIES,
  ...CONSENT_AND_INFRASTRUCTURE_COOKIES,
  ...GLOBAL_COOKIE_CATALOG,
  ...CHINA_COOKIE_CATALOG,
  // Last: a vendor's own name always beats a naming convention.
  ...GENERIC_CONVENTION_COOKIES,
];
