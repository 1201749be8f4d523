import type { RequestPathCatalogEntry } from './catalog-types';

const SOURCE = {
  metaPixel: 'https://developers.facebook.com/docs/meta-pixel/get-started',
  reCaptcha: 'https://developers.google.com/recaptcha/docs/faq',
  googleAds: 'https://business.safety.google/adscookies/',
  googleTagCsp: 'https://developers.google.com/tag-platform/security/guides/csp',
  googleServerSide: 'https://developers.google.com/tag-platform/tag-manager/server-side',
  alibabaDomains: 'https://github.com/v2fly/domain-list-community/blob/master/data/alibaba',
  easylist: 'https://github.com/easylist/easylist',
  easylistChina: 'https://github.com/easylist/easylistchina',
  x: 'https://help.x.com/en/rules-and-policies/x-cookies',
  matomoTracking: 'https://developer.matomo.org/api-reference/tracking-api',
  cloudflareWebAnalytics: 'https://developers.cloudflare.com/web-analytics/',
  cloudflareChallenges:
    'https://developers.cloudflare.com/fundamentals/reference/policies-compliances/cloudflare-cookies/',
  vercelAnalytics: 'https://vercel.com/docs/analytics',
  vercelSpeedInsights: 'https://vercel.com/docs/speed-insights',
  sensorsData: 'https://github.com/sensorsdata/sa-sdk-javascript',
  growingIoWebSdk: 'https://github.com/growingio/growingio-sdk-webjs-autotracker',
  zhuge: 'https://github.com/zhugesdk/zhuge-js',
  tencentAegis: 'https://www.npmjs.com/package/aegis-web-sdk',
} as const;

/**
 * Request URLs that a host alone does not give away. Entries with a host are
 * tracking paths on general-purpose hosts; entries without one are the
 * well-known paths of self-hostable tools, which betray the tool on any host
 * (including the first party's own, where server-side tagging hides Google
 * Analytics behind the site's name).
 *
 * A path prefix matches whole path segments: '/tr' matches /tr and /tr/x,
 * not /track.
 *
 * Chinese analytics vendors sell private deployments, and their SDKs let a
 * site send events to its own collector host (sa.example.com,
 * tongji.example.com); the SDK's path and parameters still give it away, so
 * those entries have no host.
 */
export const REQUEST_PATH_CATALOG: readonly RequestPathCatalogEntry[] = [
  {
    host: 'facebook.com',
    pathPrefix: '/tr',
    vendor: 'Meta',
    purpose: 'advertising',
    note: 'the Meta Pixel event endpoint',
    source: SOURCE.metaPixel,
  },
  {
    host: 'google.com',
    pathPrefix: '/recaptcha/',
    vendor: 'Google reCAPTCHA',
    purpose: 'essential',
    note: 'reCAPTCHA bot detection',
    source: SOURCE.reCaptcha,
  },
  {
    host: 'gstatic.com',
    pathPrefix: '/recaptcha/',
    vendor: 'Google reCAPTCHA',
    purpose: 'essential',
    note: 'reCAPTCHA bot detection scripts',
    source: SOURCE.reCaptcha,
  },
  {
    host: 'google.com',
    pathPrefix: '/pagead/',
    vendor: 'Google',
    purpose: 'advertising',
    note: 'Google Ads conversion and remarketing',
    source: SOURCE.googleTagCsp,
  },
  {
    host: 'google.com',
    pathPrefix: '/ads/',
    vendor: 'Google',
    purpose: 'advertising',
    note: 'Google Ads audiences (remarketing lists fed by Analytics)',
    source: SOURCE.googleTagCsp,
  },
  {
    host: 'g.alicdn.com',
    pathPrefix: '/alilog/',
    vendor: 'Alibaba',
    purpose: 'statistics',
    note: "Alibaba's aplus statistics script",
    source: SOURCE.alibabaDomains,
  },
  {
    host: 'g.alicdn.com',
    pathPrefix: '/awsc/',
    vendor: 'Alibaba',
    purpose: 'fingerprinting',
    note: "Alibaba's AWSC anti-bot script, which collects a device fingerprint (UMID)",
    source: SOURCE.easylistChina,
  },
  {
    host: 't.co',
    pathPrefix: '/i/adsct',
    vendor: 'X (Twitter)',
    purpose: 'advertising',
    note: 'the X conversion-tracking pixel',
    source: SOURCE.x,
  },
  {
    host: 'redditstatic.com',
    pathPrefix: '/ads/',
    vendor: 'Reddit',
    purpose: 'advertising',
    note: 'the Reddit Pixel script',
    source: SOURCE.easylist,
  },
  {
    host: 'pinimg.com',
    pathPrefix: '/ct/',
    vendor: 'Pinterest',
    purpose: 'advertising',
    note: 'the Pinterest conversion-tag script',
    source: SOURCE.easylist,
  },
  {
    host: 'yimg.com',
    pathPrefix: '/wi/ytc.js',
    vendor: 'Yahoo',
    purpose: 'advertising',
    note: 'the Yahoo dot-tag script',
    source: SOURCE.easylist,
  },

  // Well-known paths of self-hostable tools, on any host.
  {
    pathPrefix: '/matomo.php',
    vendor: 'Matomo',
    purpose: 'statistics',
    note: 'the Matomo tracking endpoint',
    source: SOURCE.matomoTracking,
  },
  {
    pathPrefix: '/piwik.php',
    vendor: 'Matomo',
    purpose: 'statistics',
    note: 'the Matomo (Piwik) tracking endpoint',
    source: SOURCE.matomoTracking,
  },
  {
    pathPrefix: '/matomo.js',
    vendor: 'Matomo',
    purpose: 'statistics',
    note: 'the Matomo tracker script',
    source: SOURCE.matomoTracking,
  },
  {
    pathPrefix: '/piwik.js',
    vendor: 'Matomo',
    purpose: 'statistics',
    note: 'the Matomo (Piwik) tracker script',
    source: SOURCE.matomoTracking,
  },
  {
    pathPrefix: '/g/collect',
    queryIncludes: ['tid=g-'],
    vendor: 'Google Analytics',
    purpose: 'statistics',
    note: 'the GA4 collection endpoint (served through the site when server-side tagging is used)',
    source: SOURCE.googleServerSide,
  },
  {
    pathPrefix: '/gtag/js',
    queryIncludes: ['id='],
    vendor: 'Google Tag',
    purpose: 'statistics',
    note: 'the Google tag (gtag.js) script',
    source: SOURCE.googleServerSide,
  },
  {
    pathPrefix: '/gtm.js',
    queryIncludes: ['id=gtm-'],
    vendor: 'Google Tag Manager',
    purpose: 'statistics',
    note: 'the Google Tag Manager container script',
    source: SOURCE.googleServerSide,
  },
  {
    pathPrefix: '/cdn-cgi/rum',
    vendor: 'Cloudflare Web Analytics',
    purpose: 'statistics',
    note: 'the Cloudflare Web Analytics beacon endpoint',
    source: SOURCE.cloudflareWebAnalytics,
  },
  {
    pathPrefix: '/cdn-cgi/challenge-platform/',
    vendor: 'Cloudflare',
    purpose: 'essential',
    note: 'Cloudflare bot management challenge',
    source: SOURCE.cloudflareChallenges,
  },
  {
    pathPrefix: '/_vercel/insights/',
    vendor: 'Vercel Web Analytics',
    purpose: 'statistics',
    note: 'the Vercel Web Analytics script and endpoint',
    source: SOURCE.vercelAnalytics,
  },
  {
    pathPrefix: '/_vercel/speed-insights/',
    vendor: 'Vercel Speed Insights',
    purpose: 'statistics',
    note: 'the Vercel Speed Insights script and endpoint',
    source: SOURCE.vercelSpeedInsights,
  },
  {
    pathPrefix: '/sa',
    queryIncludes: ['project='],
    vendor: 'Sensors Data',
    purpose: 'statistics',
    note: 'the Sensors Data collection endpoint (/sa?project=…)',
    source: SOURCE.sensorsData,
  },
  {
    pathPrefix: '/sa.gif',
    queryIncludes: ['project='],
    vendor: 'Sensors Data',
    purpose: 'statistics',
    note: 'the Sensors Data image-beacon endpoint (/sa.gif?project=…)',
    source: SOURCE.sensorsData,
  },
  {
    pathPrefix: '/v3/projects/',
    queryIncludes: ['stm='],
    vendor: 'GrowingIO',
    purpose: 'statistics',
    note: 'the GrowingIO web SDK collection endpoint (/v3/projects/<project>/collect?stm=…)',
    source: SOURCE.growingIoWebSdk,
  },
  {
    pathPrefix: '/web_event/',
    queryIncludes: ['method=web_event_srv.upload'],
    vendor: 'Zhuge.io',
    purpose: 'statistics',
    note: 'the Zhuge.io web SDK upload endpoint (/web_event/…?method=web_event_srv.upload)',
    source: SOURCE.zhuge,
  },
  {
    pathPrefix: '/collect',
    queryIncludes: ['aid=', 'uin='],
    vendor: 'Tencent Aegis',
    purpose: 'statistics',
    note: 'the Tencent Cloud RUM (Aegis) report endpoint (/collect?…&uin=…&aid=…)',
    source: SOURCE.tencentAegis,
  },
  {
    pathPrefix: '/speed',
    queryIncludes: ['aid=', 'uin='],
    vendor: 'Tencent Aegis',
    purpose: 'statistics',
    note: 'the Tencent Cloud RUM (Aegis) page-speed report endpoint (/speed…?…&uin=…&aid=…)',
    source: SOURCE.tencentAegis,
  },
];
